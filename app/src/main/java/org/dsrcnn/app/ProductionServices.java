package org.dsrcnn.app;

import java.nio.file.Path;
import org.dsrcnn.app.service.CocoDatasetReader;
import org.dsrcnn.app.service.EngineDetectorService;
import org.dsrcnn.app.service.PredictorFactory;

/** The services of the real app: the engine's Predictor, files, {@code ~/.dsrcnn/}. */
final class ProductionServices {

    private ProductionServices() {}

    /** The services, with the default model already being opened in the background. */
    static AppServices create() {
        Path home = AppServices.projectHome();
        EngineDetectorService detector = new EngineDetectorService(new PredictorFactory(), home);
        detector.preloadDefault();
        return AppServices.standard(home, detector, new CocoDatasetReader(), AppServices.userDir(), null);
    }
}
