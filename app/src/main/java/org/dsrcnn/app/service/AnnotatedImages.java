package org.dsrcnn.app.service;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.dsrcnn.viewer.canvas.LabeledBoxes;

/**
 * A dataset as the browser shows it: image files with their ground truth.
 *
 * @param name shown above the thumbnails
 * @param source the annotation file
 * @param images the image files, in dataset order
 * @param imageIds each image's id in the dataset (COCO {@code image_id}), by file
 * @param groundTruth each image's GT boxes (xyxy original-image px) with labels 0..K-1 of
 *     {@code classNames}, by file
 * @param classNames the dataset's class names, indexed by label
 * @param categoryIds the dataset's category id of each label (COCO {@code category_id})
 * @param problems one line about what validation skipped or doubted, empty when clean
 * @param crowd each image's crowd regions (COCO {@code iscrowd}: ignore regions for evaluation),
 *     labelled as {@code groundTruth}, by file
 */
public record AnnotatedImages(
        String name,
        Path source,
        List<Path> images,
        Map<Path, Long> imageIds,
        Map<Path, LabeledBoxes> groundTruth,
        List<String> classNames,
        List<Integer> categoryIds,
        String problems,
        Map<Path, LabeledBoxes> crowd) {

    /** The crowd regions of an image with labels re-indexed to a model's classes (see {@link #groundTruthFor}). */
    public LabeledBoxes crowdFor(Path image, List<String> modelClasses) {
        return relabel(crowd.get(image), modelClasses);
    }

    /**
     * The GT of an image with labels re-indexed to a model's classes (matched by name); a class
     * the model does not know gets -1.
     */
    public LabeledBoxes groundTruthFor(Path image, List<String> modelClasses) {
        return relabel(groundTruth.get(image), modelClasses);
    }

    private LabeledBoxes relabel(LabeledBoxes gt, List<String> modelClasses) {
        if (gt == null) {
            return LabeledBoxes.EMPTY;
        }
        int[] labels = new int[gt.size()];
        for (int i = 0; i < labels.length; i++) {
            int l = gt.labels()[i];
            labels[i] = l >= 0 && l < classNames.size() ? modelClasses.indexOf(classNames.get(l)) : -1;
        }
        return new LabeledBoxes(gt.boxes(), labels);
    }

    /**
     * The dataset's category id for a model label (matched by class name), or {@code label + 1}
     * when the dataset has no class of that name.
     */
    public int categoryIdFor(int modelLabel, List<String> modelClasses) {
        if (modelLabel >= 0 && modelLabel < modelClasses.size()) {
            int l = classNames.indexOf(modelClasses.get(modelLabel));
            if (l >= 0) {
                return categoryIds.get(l);
            }
        }
        return modelLabel + 1;
    }
}
