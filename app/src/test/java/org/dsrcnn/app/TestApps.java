package org.dsrcnn.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.dsrcnn.app.service.DetectorFactory;
import org.dsrcnn.app.service.EngineDetectorService;
import org.dsrcnn.engine.config.DsrcnnConfig;
import org.dsrcnn.engine.infer.Detector;

/** The services the app tests start the window with: files as in production, the project's sample images. */
final class TestApps {

    private TestApps() {}

    static AppServices services(Path temp) throws Exception {
        Path home = Files.createDirectories(temp.resolve("home"));
        Files.createDirectories(home.resolve("assets/models/default"));
        DetectorFactory factory = new DetectorFactory() {
            @Override
            public Detector open(Path modelDir) {
                return new SyntheticDetector();
            }

            @Override
            public Detector randomWeights(DsrcnnConfig config, List<String> classNames, long seed) {
                return new SyntheticDetector();
            }
        };
        EngineDetectorService detector = new EngineDetectorService(factory, home);
        return AppServices.standard(home, detector, new org.dsrcnn.app.service.CocoDatasetReader(), temp.resolve("user"),
                AppServices.projectHome().resolve("sample-images"));
    }
}
