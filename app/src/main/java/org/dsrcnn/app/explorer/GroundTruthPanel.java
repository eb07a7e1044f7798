package org.dsrcnn.app.explorer;

import java.util.Locale;
import javafx.geometry.Insets;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.VBox;
import org.dsrcnn.engine.eval.CocoMetrics;
import org.dsrcnn.engine.eval.ImageMatching;

/**
 * "Against ground truth": the IoU of the marks, the stage whose detections are marked, the TP /
 * FP / FN counts of the shown detections and the image's own AP (COCO, over all its detections).
 */
final class GroundTruthPanel extends VBox {

    final ComboBox<Double> iou;
    final CheckBox atStage = new CheckBox("Detections of the shown stage");
    final CheckBox marks = new CheckBox("TP / FP / FN marks");
    final Label counts = new Label();
    final Label ap = new Label();

    GroundTruthPanel(ExplorerViewModel vm) {
        iou = new org.dsrcnn.viewer.IouThresholdBox(vm.markIouProperty());
        setId("gt-panel");
        setStyle("-fx-font-size: 11px;"); // fits the thumbnail column
        setSpacing(4);
        setPadding(new Insets(8, 10, 4, 10));
        Label title = new Label("Against GT");
        title.getStyleClass().add("text-bold");

        iou.setId("mark-iou");
        iou.setTooltip(new Tooltip("a detection is a TP when it overlaps a free GT box of its class this much"
                + " (COCO's greedy matching by score; crowd regions are ignored)"));
        marks.setId("toggle-marks");
        marks.selectedProperty().bindBidirectional(vm.showMarksProperty());
        atStage.setId("detections-at-stage");
        atStage.selectedProperty().bindBidirectional(vm.detectionsAtStageProperty());
        atStage.setTooltip(new Tooltip("stage t's boxes and scores post-processed as if it were the last"
                + " (how many objects stage 2 already has right)"));

        counts.setId("gt-counts");
        counts.setWrapText(true);
        ap.setId("gt-ap");
        ap.setWrapText(true);
        ap.getStyleClass().add("text-small");
        atStage.setText("Detections of the shown stage");
        atStage.setWrapText(true);
        getChildren().addAll(title, iou, marks, atStage, counts, ap);
        vm.marksProperty().addListener(o -> update(vm));
        update(vm);
    }

    private void update(ExplorerViewModel vm) {
        GroundTruthMarks m = vm.marksProperty().get();
        boolean has = m != null;
        iou.setDisable(!has);
        marks.setDisable(!has);
        atStage.setDisable(!has);
        if (!has) {
            counts.setText("No GT on this image: open a COCO dataset, or draw boxes on the Assignment page.");
            ap.setText("");
            return;
        }
        ImageMatching.Counts c = m.counts();
        counts.setText(String.format(Locale.ROOT, "TP %d · FP %d · FN %d\nstage %d, score ≥ %.2f", c.tp(), c.fp(),
                c.fn(), vm.detectionStage(), m.minScore()));
        CocoMetrics im = m.matching().metrics();
        ap.setText(im.ap() < 0 ? "image AP: no GT of a shown class"
                : String.format(Locale.ROOT, "image AP %.3f · AP50 %.3f\nAP75 %.3f (all %d detections)", im.ap(),
                        im.ap50(), im.ap75(), m.detections().size()));
    }
}
