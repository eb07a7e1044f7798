package org.dsrcnn.app;

import java.nio.file.Files;
import java.nio.file.Path;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;

/** Saves scene snapshots to {@code docs/screenshots/} of the project (for the README and review). */
public final class Screenshots {

    private Screenshots() {}

    /** Snapshots the scene (call on the FX thread) and writes {@code <home>/docs/screenshots/<name>.png}. */
    public static Path save(Scene scene, String name) throws Exception {
        scene.getRoot().applyCss();
        scene.getRoot().layout();
        WritableImage img = scene.snapshot(null);
        Path dir = AppServices.projectHome().resolve("docs").resolve("screenshots");
        Files.createDirectories(dir);
        Path file = dir.resolve(name + ".png");
        ImageIO.write(SwingFXUtils.fromFXImage(img, null), "png", file.toFile());
        return file;
    }
}
