package org.dsrcnn.app.service;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dsrcnn.engine.data.CocoCategory;
import org.dsrcnn.engine.data.CocoDataset;
import org.dsrcnn.engine.data.CocoImage;
import org.dsrcnn.engine.data.ImageTargets;
import org.dsrcnn.viewer.canvas.LabeledBoxes;

/**
 * {@link DatasetReader} for COCO annotation files with the engine's {@link CocoDataset}. The
 * image folder is found from the file's place: {@code DIR/annotations/<split>.json} (the layout
 * {@code dsrcnn gen-shapes} writes) reads images from {@code DIR/<split>/}; any other file reads
 * them from its own folder.
 */
public final class CocoDatasetReader implements DatasetReader {

    /** The folder the images of an annotation file are looked up in. */
    public static Path imageDirOf(Path annotationFile) {
        Path abs = annotationFile.toAbsolutePath();
        Path parent = abs.getParent();
        String name = abs.getFileName().toString();
        String stem = name.endsWith(".json") ? name.substring(0, name.length() - 5) : name;
        if (parent.getFileName() != null && parent.getFileName().toString().equals("annotations")
                && parent.getParent() != null && Files.isDirectory(parent.getParent().resolve(stem))) {
            return parent.getParent().resolve(stem);
        }
        return parent;
    }

    @Override
    public AnnotatedImages read(Path annotationFile) {
        if (!Files.isRegularFile(annotationFile)) {
            throw new IllegalArgumentException("no such annotation file: " + annotationFile);
        }
        Path imageDir = imageDirOf(annotationFile);
        CocoDataset d = CocoDataset.load(annotationFile, imageDir);
        List<Path> images = new ArrayList<>();
        Map<Path, Long> ids = new LinkedHashMap<>();
        Map<Path, LabeledBoxes> gt = new LinkedHashMap<>();
        Map<Path, LabeledBoxes> crowd = new LinkedHashMap<>();
        for (CocoImage img : d.images()) {
            Path file = d.imagePath(img);
            images.add(file);
            ids.put(file, img.id());
            ImageTargets t = d.targets(img.id());
            gt.put(file, new LabeledBoxes(t.boxes(), t.labels()));
            // targets() leaves crowd regions out (training ignores them); evaluation needs them as ignore regions
            List<float[]> crowdBoxes = new ArrayList<>();
            List<Integer> crowdLabels = new ArrayList<>();
            for (org.dsrcnn.engine.data.CocoAnnotation a : d.annotations(img.id())) {
                if (a.crowd()) {
                    crowdBoxes.add(new float[] {(float) a.x(), (float) a.y(), (float) (a.x() + a.w()), (float) (a.y() + a.h())});
                    crowdLabels.add(d.labelOf(a.categoryId()));
                }
            }
            crowd.put(file, new LabeledBoxes(crowdBoxes.toArray(new float[0][]),
                    crowdLabels.stream().mapToInt(Integer::intValue).toArray()));
        }
        List<Integer> categoryIds = d.categories().stream().map(CocoCategory::id).toList();
        String problems = d.report().isClean() ? "" : d.report().summary();
        // "shapes · val" for DIR/annotations/val.json, else the annotation file's name
        Path abs = annotationFile.toAbsolutePath();
        String name = imageDir.equals(abs.getParent())
                ? abs.getFileName().toString()
                : imageDir.getParent().getFileName() + " · " + imageDir.getFileName();
        return new AnnotatedImages(name, annotationFile, images, ids, gt, d.classNames(), categoryIds, problems, crowd);
    }
}
