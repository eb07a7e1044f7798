package org.dsrcnn.app.service;

import java.nio.file.Path;

/** Reads an annotated dataset for the browser. */
public interface DatasetReader {

    /**
     * Reads a dataset from its annotation file.
     *
     * @throws IllegalArgumentException (or another exception) with a one-line reason when the file
     *     is not a usable dataset
     */
    AnnotatedImages read(Path annotationFile) throws Exception;
}
