package org.dsrcnn.viewer;

import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;

/**
 * Picks a head stage 0..T: 0 = the proposals entering stage 1 (the DPG output), T = final. A
 * snapping slider with one tick per stage and a caption naming the stage.
 */
public final class StageScrubber extends HBox {

    private final IntegerProperty stage = new SimpleIntegerProperty(this, "stage", 0);
    private final IntegerProperty stages = new SimpleIntegerProperty(this, "stages", 6);
    private final Slider slider = new Slider(0, 6, 0);
    private final Label caption = new Label();
    private boolean syncing;

    public StageScrubber() {
        getStyleClass().add("stage-scrubber");
        setAlignment(Pos.CENTER_LEFT);
        setSpacing(10);
        Label title = new Label("Stage");
        title.getStyleClass().add("title-label");
        slider.setMajorTickUnit(1);
        slider.setMinorTickCount(0);
        slider.setSnapToTicks(true);
        slider.setShowTickMarks(true);
        slider.setShowTickLabels(true);
        slider.setBlockIncrement(1);
        slider.setId("stage-slider");
        slider.setTooltip(new Tooltip("0 = proposals entering stage 1 (DPG output); keys 0-6"));
        HBox.setHgrow(slider, Priority.ALWAYS);
        // the slider's tick axis animates its labels on every resize; a scrubber should just move
        slider.skinProperty().addListener((obs, o, skin) -> {
            if (slider.lookup(".axis") instanceof javafx.scene.chart.Axis<?> axis) {
                axis.setAnimated(false);
            }
        });
        title.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        slider.setMinWidth(140);
        caption.setId("stage-caption");
        getChildren().addAll(title, slider, caption);

        slider.valueProperty().addListener((obs, o, v) -> {
            if (!syncing) {
                int s = (int) Math.round(v.doubleValue());
                stage.set(s);
            }
        });
        stage.addListener((obs, o, v) -> sync());
        stages.addListener((obs, o, v) -> sync());
        sync();
    }

    private void sync() {
        syncing = true;
        try {
            int t = Math.max(1, stages.get());
            slider.setMax(t);
            int s = Math.max(0, Math.min(t, stage.get()));
            if (s != stage.get()) {
                stage.set(s);
            }
            slider.setValue(s);
            caption.setText(caption(s, t));
            // the caption is as wide as its longest text, so the slider keeps its length on every stage
            javafx.scene.text.Text m = new javafx.scene.text.Text();
            m.setFont(caption.getFont());
            double widest = 0;
            for (int i = 0; i <= t; i++) {
                m.setText(caption(i, t));
                widest = Math.max(widest, m.getLayoutBounds().getWidth());
            }
            double w = Math.ceil(widest) + caption.snappedLeftInset() + caption.snappedRightInset() + 2;
            caption.setMinWidth(w);
            caption.setPrefWidth(w);
        } finally {
            syncing = false;
        }
    }

    private static String caption(int s, int t) {
        return s == 0 ? "0 / " + t + " · proposals" : s == t ? s + " / " + t + " · final" : s + " / " + t;
    }

    /** The selected stage 0..T. */
    public IntegerProperty stageProperty() {
        return stage;
    }

    /** The number of head stages T. */
    public IntegerProperty stagesProperty() {
        return stages;
    }

    /** The slider (for tests and keyboard focus). */
    public Slider slider() {
        return slider;
    }
}
