package org.dsrcnn.app;

/**
 * Entry point on the plain classpath: JavaFX refuses to start an {@code Application} subclass as
 * the main class unless it is on the module path, so this class starts it. An optional argument
 * opens a folder, an image or a COCO annotation file instead of {@code sample-images/}.
 */
public final class Launcher {
    private Launcher() {}

    public static void main(String[] args) {
        if (System.getProperty("ai.djl.offline") == null) {
            System.setProperty("ai.djl.offline", "true");
        }
        // Made before the FX runtime starts so that opening the default model (libtorch, weights,
        // a warm-up pass: ~3 s) runs while the toolkit and the window come up, not after.
        AppServices services = ProductionServices.create();
        ExplorerApp.services = () -> services;
        javafx.application.Application.launch(ExplorerApp.class, args);
    }
}
