package org.dsrcnn.app;

import java.nio.file.Path;
import java.util.List;
import org.dsrcnn.app.service.CocoDatasetReader;
import org.dsrcnn.app.service.DetectorFactory;
import org.dsrcnn.app.service.EngineDetectorService;
import org.dsrcnn.engine.config.DsrcnnConfig;
import org.dsrcnn.engine.infer.Detector;

/** The services of the real app: the engine's detector, files, {@code ~/.dsrcnn/}. */
final class ProductionServices {

    private ProductionServices() {}

    static AppServices create() {
        Path home = AppServices.projectHome();
        DetectorFactory factory = new DetectorFactory() {
            @Override
            public Detector open(Path modelDir) {
                throw new IllegalStateException("this build has no engine Predictor yet");
            }

            @Override
            public Detector randomWeights(DsrcnnConfig config, List<String> classNames, long seed) {
                throw new IllegalStateException("this build has no engine Predictor yet");
            }
        };
        EngineDetectorService detector = new EngineDetectorService(factory, home);
        return AppServices.standard(home, detector, new CocoDatasetReader(), AppServices.userDir(), null);
    }
}
