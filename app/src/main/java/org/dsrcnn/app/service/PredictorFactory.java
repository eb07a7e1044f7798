package org.dsrcnn.app.service;

import java.nio.file.Path;
import java.util.List;
import org.dsrcnn.engine.config.DsrcnnConfig;
import org.dsrcnn.engine.infer.Detector;
import org.dsrcnn.engine.infer.Predictor;

/** {@link DetectorFactory} with the engine's {@link Predictor} (the real network on DJL/PyTorch). */
public final class PredictorFactory implements DetectorFactory {

    @Override
    public Detector open(Path modelDir) {
        return Predictor.open(modelDir);
    }

    @Override
    public Detector randomWeights(DsrcnnConfig config, List<String> classNames, long seed) {
        return Predictor.randomWeights(config, classNames, seed);
    }
}
