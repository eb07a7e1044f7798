package org.dsrcnn.engine.data;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A COCO detection dataset: images, box annotations and categories, validated on load.
 *
 * <p>Category ids need not be contiguous: the categories sorted by id get the contiguous labels
 * 0..K-1 that the model predicts ({@link #labelOf}, {@link #categoryIdOf}). Crowd annotations are
 * kept (evaluation treats them as ignore regions) but {@link #targets} leaves them out. Images
 * without annotations are kept. Which problems are fatal and which skip a record is documented on
 * {@link CocoJsonReader}; every problem is listed in {@link #report()}.
 */
public final class CocoDataset {

    private final Path annotationFile;
    private final Path imageDir;
    private final List<CocoImage> images;
    private final Map<Long, CocoImage> imagesById;
    private final Map<Long, List<CocoAnnotation>> annotationsByImage;
    private final List<CocoAnnotation> annotations;
    private final List<CocoCategory> categories;
    private final Map<Integer, Integer> labelByCategoryId;
    private final ValidationReport report;

    CocoDataset(
            Path annotationFile,
            Path imageDir,
            List<CocoImage> images,
            List<CocoAnnotation> annotations,
            List<CocoCategory> categoriesSortedById,
            ValidationReport report) {
        this.annotationFile = annotationFile;
        this.imageDir = imageDir;
        this.images = List.copyOf(images);
        this.annotations = List.copyOf(annotations);
        this.categories = List.copyOf(categoriesSortedById);
        this.report = report;
        this.imagesById = new HashMap<>();
        this.annotationsByImage = new LinkedHashMap<>();
        for (CocoImage image : images) {
            imagesById.put(image.id(), image);
            annotationsByImage.put(image.id(), new ArrayList<>());
        }
        for (CocoAnnotation a : annotations) {
            annotationsByImage.get(a.imageId()).add(a);
        }
        this.labelByCategoryId = new HashMap<>();
        for (int label = 0; label < categories.size(); label++) {
            labelByCategoryId.put(categories.get(label).id(), label);
        }
    }

    /**
     * Reads a COCO annotation file.
     *
     * @param annotationFile the JSON file
     * @param imageDir the directory image {@code file_name}s are relative to; {@code null} to skip
     *     the image-file checks (e.g. when only evaluating against the annotations)
     * @throws DatasetException with a one-line message (file + what is wrong) when the file is
     *     unusable; non-fatal problems are in {@link #report()}
     */
    public static CocoDataset load(Path annotationFile, Path imageDir) {
        return CocoJsonReader.read(annotationFile, imageDir);
    }

    /**
     * The dataset restricted to its first {@code n} images (in file order) and their annotations,
     * with the same categories: what a quick evaluation on part of a split compares against.
     */
    public CocoDataset firstImages(int n) {
        if (n >= images.size()) {
            return this;
        }
        List<CocoImage> kept = images.subList(0, Math.max(0, n));
        List<CocoAnnotation> keptAnnotations = new ArrayList<>();
        for (CocoImage image : kept) {
            keptAnnotations.addAll(annotationsByImage.get(image.id()));
        }
        return new CocoDataset(annotationFile, imageDir, kept, keptAnnotations, categories, report);
    }

    /**
     * The dataset restricted to the images with these ids (in file order) and their annotations, with
     * the same categories: what an evaluation that skipped unreadable images compares against.
     */
    public CocoDataset onlyImages(java.util.Collection<Long> ids) {
        java.util.Set<Long> wanted = new java.util.HashSet<>(ids);
        if (wanted.size() == images.size() && images.stream().allMatch(i -> wanted.contains(i.id()))) {
            return this;
        }
        List<CocoImage> kept = images.stream().filter(i -> wanted.contains(i.id())).toList();
        List<CocoAnnotation> keptAnnotations = new ArrayList<>();
        for (CocoImage image : kept) {
            keptAnnotations.addAll(annotationsByImage.get(image.id()));
        }
        return new CocoDataset(annotationFile, imageDir, kept, keptAnnotations, categories, report);
    }

    /**
     * Reads one split of a dataset in the layout {@code dsrcnn gen-shapes} writes:
     * {@code dataDir/annotations/<split>.json} with images in {@code dataDir/<split>/}.
     */
    public static CocoDataset loadSplit(Path dataDir, String split) {
        return load(dataDir.resolve("annotations").resolve(split + ".json"), dataDir.resolve(split));
    }

    /** The annotation file this dataset was read from. */
    public Path annotationFile() {
        return annotationFile;
    }

    /** The image directory, when one was given. */
    public Optional<Path> imageDir() {
        return Optional.ofNullable(imageDir);
    }

    /** The images that passed validation, in file order. */
    public List<CocoImage> images() {
        return images;
    }

    /** Number of images. */
    public int size() {
        return images.size();
    }

    /** The image with this id, if it was kept. */
    public Optional<CocoImage> image(long id) {
        return Optional.ofNullable(imagesById.get(id));
    }

    /** The kept annotations of one image (crowd ones included), in file order; empty if none. */
    public List<CocoAnnotation> annotations(long imageId) {
        List<CocoAnnotation> list = annotationsByImage.get(imageId);
        return list == null ? List.of() : Collections.unmodifiableList(list);
    }

    /** Every kept annotation, in file order. */
    public List<CocoAnnotation> annotations() {
        return annotations;
    }

    /** The categories sorted by id; the index in this list is the label. */
    public List<CocoCategory> categories() {
        return categories;
    }

    /** Number of classes K. */
    public int numClasses() {
        return categories.size();
    }

    /** The class names indexed by label. */
    public List<String> classNames() {
        return categories.stream().map(CocoCategory::name).toList();
    }

    /** True when the file declares this category id. */
    public boolean hasCategory(int categoryId) {
        return labelByCategoryId.containsKey(categoryId);
    }

    /** The contiguous label 0..K-1 of a category id. */
    public int labelOf(int categoryId) {
        Integer label = labelByCategoryId.get(categoryId);
        if (label == null) {
            throw new IllegalArgumentException("unknown category id " + categoryId + " in " + annotationFile);
        }
        return label;
    }

    /** The category id of a contiguous label. */
    public int categoryIdOf(int label) {
        if (label < 0 || label >= categories.size()) {
            throw new IllegalArgumentException("label " + label + " outside 0.." + (categories.size() - 1));
        }
        return categories.get(label).id();
    }

    /** The file of an image (requires an image directory). */
    public Path imagePath(CocoImage image) {
        if (imageDir == null) {
            throw new IllegalStateException("dataset " + annotationFile + " was loaded without an image directory");
        }
        return imageDir.resolve(image.fileName());
    }

    /**
     * The training targets of one image in original-image pixels: crowd boxes left out, boxes
     * clipped to the image, boxes left empty by clipping dropped.
     *
     * @return boxes (M, 4) xyxy original pixels, labels (M), width/height = the image's size
     */
    public ImageTargets targets(long imageId) {
        CocoImage image = imagesById.get(imageId);
        if (image == null) {
            throw new IllegalArgumentException("no image " + imageId + " in " + annotationFile);
        }
        List<float[]> boxes = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        for (CocoAnnotation a : annotationsByImage.get(imageId)) {
            if (a.crowd()) {
                continue;
            }
            float x1 = (float) Math.max(0, a.x());
            float y1 = (float) Math.max(0, a.y());
            float x2 = (float) Math.min(image.width(), a.x() + a.w());
            float y2 = (float) Math.min(image.height(), a.y() + a.h());
            if (x2 > x1 && y2 > y1) {
                boxes.add(new float[] {x1, y1, x2, y2});
                labels.add(labelOf(a.categoryId()));
            }
        }
        return new ImageTargets(
                boxes.toArray(new float[0][]),
                labels.stream().mapToInt(Integer::intValue).toArray(),
                image.width(),
                image.height());
    }

    /** Every problem found while loading (never {@code null}; fatal ones never reach a dataset). */
    public ValidationReport report() {
        return report;
    }
}
