package org.dsrcnn.app;

import java.nio.file.Files;
import java.nio.file.Path;
import org.dsrcnn.app.service.DatasetReader;
import org.dsrcnn.app.service.DetectorService;
import org.dsrcnn.app.service.Exporter;
import org.dsrcnn.app.service.FileExporter;
import org.dsrcnn.app.service.FileImageLibrary;
import org.dsrcnn.app.service.ImageLibrary;
import org.dsrcnn.app.service.RecentItems;

/**
 * The app's services, made in one place (the composition root).
 *
 * @param home the project root (holds {@code assets/} and {@code sample-images/})
 * @param detector the detector service
 * @param library images on disk
 * @param exporter exports
 * @param recent recent items (in {@code ~/.dsrcnn/} for the real app)
 * @param datasets reads annotated datasets, or null
 * @param startFolder the folder opened at start-up, or null
 */
public record AppServices(
        Path home,
        DetectorService detector,
        ImageLibrary library,
        Exporter exporter,
        RecentItems recent,
        DatasetReader datasets,
        Path startFolder) {

    /**
     * The project root: {@code -Ddsrcnn.home}, else {@code $DSRCNN_HOME}, else the working
     * directory.
     */
    public static Path projectHome() {
        String prop = System.getProperty("dsrcnn.home");
        if (prop != null && !prop.isBlank()) {
            return Path.of(prop).toAbsolutePath().normalize();
        }
        String env = System.getenv("DSRCNN_HOME");
        if (env != null && !env.isBlank()) {
            return Path.of(env).toAbsolutePath().normalize();
        }
        return Path.of("").toAbsolutePath();
    }

    /**
     * The Training page's runs folder: {@code -Ddsrcnn.runs}, else {@code ~/.dsrcnn/runs} (the
     * page can switch to another folder).
     */
    public Path runsFolder() {
        String prop = System.getProperty("dsrcnn.runs");
        if (prop != null && !prop.isBlank()) {
            return Path.of(prop).toAbsolutePath().normalize();
        }
        return userDir().resolve("runs");
    }

    /** Where per-user state lives: {@code ~/.dsrcnn/}. */
    public static Path userDir() {
        return Path.of(System.getProperty("user.home"), ".dsrcnn");
    }

    /** The standard file services around a detector service. */
    public static AppServices standard(
            Path home, DetectorService detector, DatasetReader datasets, Path userDir, Path startFolder) {
        Path folder = startFolder;
        if (folder == null) {
            Path samples = home.resolve("sample-images");
            folder = Files.isDirectory(samples) ? samples : null;
        }
        return new AppServices(home, detector, new FileImageLibrary(), new FileExporter(), new RecentItems(userDir), datasets, folder);
    }
}
