package org.dsrcnn.app.service;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import org.dsrcnn.engine.data.ImageDecoding;
import org.dsrcnn.engine.data.ImageReadException;

/** {@link ImageLibrary} on the file system, decoded as the engine decodes (PNG, JPEG, BMP, GIF). */
public final class FileImageLibrary implements ImageLibrary {

    /** Extensions read (lower case, without the dot). */
    public static final Set<String> EXTENSIONS = Set.of("png", "jpg", "jpeg", "bmp", "gif");

    @Override
    public List<Path> listImages(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            throw new IllegalArgumentException("not a folder: " + folder);
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(Files::isRegularFile).filter(this::isSupported)
                    .sorted((a, b) -> a.getFileName().toString().compareToIgnoreCase(b.getFileName().toString()))
                    .toList();
        }
    }

    @Override
    public boolean isSupported(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 && EXTENSIONS.contains(name.substring(dot + 1).toLowerCase(Locale.ROOT));
    }

    @Override
    public BufferedImage read(Path file) {
        String name = file.getFileName().toString();
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("no such image file: " + file);
        }
        if (!isSupported(file)) {
            throw new IllegalArgumentException(
                    "unsupported file " + name + ": the explorer reads " + String.join(", ", EXTENSIONS.stream().sorted().toList()));
        }
        BufferedImage img;
        try {
            // the engine's decoder: the pixel-count limit, CMYK JPEGs, truncated files (as the CLI reads them)
            img = ImageDecoding.read(file);
        } catch (ImageReadException e) {
            String what = e.kind() == ImageReadException.Kind.TOO_LARGE ? "image too large " : "corrupt image ";
            throw new IllegalArgumentException(what + name + ": " + oneLine(e.reason()), e);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("corrupt image " + name + ": " + oneLine(e.getMessage()), e);
        }
        if (img.getWidth() < 1 || img.getHeight() < 1) {
            throw new IllegalArgumentException("empty image " + name);
        }
        return img;
    }

    private static String oneLine(String s) {
        if (s == null || s.isBlank()) {
            return "cannot decode";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
