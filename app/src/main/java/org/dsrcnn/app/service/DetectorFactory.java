package org.dsrcnn.app.service;

import java.nio.file.Path;
import java.util.List;
import org.dsrcnn.engine.config.DsrcnnConfig;
import org.dsrcnn.engine.infer.Detector;

/** Makes detectors: from a model directory, or with random weights. */
public interface DetectorFactory {

    /**
     * Opens a model directory.
     *
     * @throws IllegalArgumentException with a one-line reason when it is not a model of this
     *     architecture
     */
    Detector open(Path modelDir) throws Exception;

    /** A model with random weights (nothing trained). */
    Detector randomWeights(DsrcnnConfig config, List<String> classNames, long seed) throws Exception;
}
