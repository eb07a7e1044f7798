package org.dsrcnn.app.service;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import javax.imageio.ImageIO;

/** {@link ImageLibrary} on the file system with Java's ImageIO (PNG, JPEG, BMP, GIF). */
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
            img = ImageIO.read(file.toFile());
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("corrupt image " + name + ": " + oneLine(e.getMessage()), e);
        }
        if (img == null) {
            throw new IllegalArgumentException("corrupt image " + name + ": no decoder recognises its content");
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
