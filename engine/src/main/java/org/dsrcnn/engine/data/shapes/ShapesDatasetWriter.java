package org.dsrcnn.engine.data.shapes;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.function.LongConsumer;
import java.util.stream.IntStream;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

/**
 * Writes the shapes dataset in COCO layout: {@code out/train/*.png}, {@code out/val/*.png},
 * {@code out/annotations/train.json}, {@code out/annotations/val.json}. Image ids run 1..N per split
 * and files are named {@code %06d.png} after them. Images are generated in parallel, each from its
 * own (seed, split, index) stream, so the output is byte-identical for a seed whatever the thread
 * count.
 */
public final class ShapesDatasetWriter {

    /** What a run wrote. */
    public record Summary(int images, int objects, int dropped, long small, long medium, long large, double seconds) {
        /** Images per second. */
        public double imagesPerSecond() {
            return seconds > 0 ? images / seconds : Double.NaN;
        }
    }

    static {
        ImageIO.setUseCache(false);
    }

    private final SceneGenerator generator;
    private final long seed;

    /** A writer of {@code size} x {@code size} images from {@code seed}. */
    public ShapesDatasetWriter(int size, long seed) {
        this.generator = new SceneGenerator(size);
        this.seed = seed;
    }

    /**
     * Writes both splits.
     *
     * @param progress told once per finished image (from worker threads)
     */
    public Summary write(Path out, int train, int val, LongConsumer progress) throws IOException {
        if (train < 0 || val < 0) {
            throw new IllegalArgumentException("image counts must be >= 0, got train " + train + ", val " + val);
        }
        long start = System.nanoTime();
        Files.createDirectories(out.resolve("annotations"));
        Summary a = writeSplit(out, "train", 0, train, progress);
        Summary b = writeSplit(out, "val", 1, val, progress);
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Summary(a.images + b.images, a.objects + b.objects, a.dropped + b.dropped,
                a.small + b.small, a.medium + b.medium, a.large + b.large, seconds);
    }

    private Summary writeSplit(Path out, String split, int splitId, int count, LongConsumer progress) throws IOException {
        Path dir = Files.createDirectories(out.resolve(split));
        List<Scene> scenes;
        try {
            scenes = IntStream.range(0, count).parallel().mapToObj(i -> {
                Scene scene = generator.generate(seed, splitId, i);
                writePng(scene, dir.resolve(fileName(i + 1)));
                progress.accept(1);
                return new Scene(null, scene.objects(), scene.dropped()); // keep the labels, not the pixels
            }).toList();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        long small = 0;
        long medium = 0;
        long large = 0;
        int objects = 0;
        int dropped = 0;
        List<List<SceneObject>> labels = scenes.stream().map(Scene::objects).toList();
        for (Scene scene : scenes) {
            dropped += scene.dropped();
            for (SceneObject o : scene.objects()) {
                objects++;
                if (o.area() < 32 * 32) {
                    small++;
                } else if (o.area() > 96 * 96) {
                    large++;
                } else {
                    medium++;
                }
            }
        }
        writeJson(out.resolve("annotations").resolve(split + ".json"), split, labels);
        return new Summary(count, objects, dropped, small, medium, large, 0);
    }

    /** {@code %06d.png}. */
    public static String fileName(long imageId) {
        return String.format(Locale.ROOT, "%06d.png", imageId);
    }

    /**
     * PNG with a light deflate setting (quality 0.75): as small as the default for these noisy images
     * at about half the encoding time.
     */
    public static byte[] encodePng(BufferedImage image) throws IOException {
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("png");
        if (!writers.hasNext()) {
            throw new IOException("no PNG writer available");
        }
        ImageWriter writer = writers.next();
        ImageWriteParam param = writer.getDefaultWriteParam();
        param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        param.setCompressionQuality(0.75f);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(128 * 1024);
        try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
            writer.setOutput(out);
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    private static void writePng(Scene scene, Path file) {
        try {
            Files.write(file, encodePng(scene.image()));
        } catch (IOException e) {
            throw new UncheckedIOException(new IOException(file + ": " + e.getMessage(), e));
        }
    }

    private void writeJson(Path file, String split, List<List<SceneObject>> labels) throws IOException {
        int size = generator.size();
        try (JsonGenerator g = new ObjectMapper().getFactory().createGenerator(file.toFile(), JsonEncoding.UTF8)) {
            g.writeStartObject();
            g.writeObjectFieldStart("info");
            g.writeStringField("description", "dsrcnn synthetic shapes, " + split + " split");
            g.writeNumberField("seed", seed);
            g.writeNumberField("image_size", size);
            g.writeStringField("occlusion_rule", "boxes are the visible extent; objects with less than "
                    + SceneGenerator.MIN_VISIBLE_FRACTION + " of their in-image pixels visible (or fewer than "
                    + SceneGenerator.MIN_VISIBLE_PIXELS + " pixels) are not labelled");
            g.writeEndObject();
            g.writeArrayFieldStart("images");
            for (int i = 0; i < labels.size(); i++) {
                g.writeStartObject();
                g.writeNumberField("id", i + 1);
                g.writeStringField("file_name", fileName(i + 1));
                g.writeNumberField("width", size);
                g.writeNumberField("height", size);
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("annotations");
            long annotationId = 1;
            for (int i = 0; i < labels.size(); i++) {
                for (SceneObject o : labels.get(i)) {
                    g.writeStartObject();
                    g.writeNumberField("id", annotationId++);
                    g.writeNumberField("image_id", i + 1);
                    g.writeNumberField("category_id", o.shape().categoryId());
                    g.writeArrayFieldStart("bbox");
                    g.writeNumber(o.x());
                    g.writeNumber(o.y());
                    g.writeNumber(o.w());
                    g.writeNumber(o.h());
                    g.writeEndArray();
                    g.writeNumberField("area", o.area());
                    g.writeNumberField("iscrowd", 0);
                    g.writeEndObject();
                }
            }
            g.writeEndArray();
            g.writeArrayFieldStart("categories");
            for (ShapeClass c : ShapeClass.ALL) {
                g.writeStartObject();
                g.writeNumberField("id", c.categoryId());
                g.writeStringField("name", c.label());
                g.writeStringField("supercategory", "shape");
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
    }
}
