package org.dsrcnn.app.service;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** Images on disk: which files a folder holds, and reading one. */
public interface ImageLibrary {

    /**
     * The images of a folder (not recursive), sorted by file name.
     *
     * @throws IllegalArgumentException when the path is not a readable folder
     */
    List<Path> listImages(Path folder) throws IOException;

    /**
     * Decodes an image file.
     *
     * @throws IllegalArgumentException with a one-line reason when the file is missing, of an
     *     unsupported type, or corrupt
     */
    BufferedImage read(Path file);

    /** True when the file name has an extension this library reads. */
    boolean isSupported(Path file);
}
