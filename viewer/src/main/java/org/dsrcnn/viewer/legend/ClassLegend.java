package org.dsrcnn.viewer.legend;

import java.util.List;
import java.util.Locale;
import javafx.collections.FXCollections;
import javafx.collections.ObservableSet;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Rectangle;
import org.dsrcnn.viewer.ClassColors;

/**
 * Every class the model knows, in label order: colour swatch, name, "detections · GT" counts and a
 * check box; unchecking adds the label to {@link #hiddenClasses()} (the page hides that class's
 * boxes). Listing all classes, also those with nothing on the image, says what the model can
 * know at all: a shapes model has no "helmet".
 */
public final class ClassLegend extends VBox {

    private final ObservableSet<Integer> hidden = FXCollections.observableSet();
    private final VBox rows = new VBox(2);
    private final Label title = new Label();

    public ClassLegend() {
        getStyleClass().add("class-legend");
        setStyle("-fx-font-size: 11px;"); // fits the thumbnail column
        setSpacing(4);
        title.getStyleClass().add("text-bold");
        getChildren().addAll(title, rows);
    }

    /**
     * Shows the classes with their counts.
     *
     * @param names class names, by label
     * @param detections detections shown per label (length of names)
     * @param groundTruth GT boxes per label, or null when the image has no GT
     */
    public void show(List<String> names, int[] detections, int[] groundTruth) {
        title.setText("Model classes (" + names.size() + ")" + (groundTruth == null ? "" : "  det · GT"));
        if (rows.getChildren().size() != names.size()) {
            rows.getChildren().clear();
            for (int i = 0; i < names.size(); i++) {
                rows.getChildren().add(row(i));
            }
        }
        for (int i = 0; i < names.size(); i++) {
            HBox r = (HBox) rows.getChildren().get(i);
            ((CheckBox) r.getChildren().get(0)).setText(names.get(i));
            String counts = detections[i] + (groundTruth == null ? "" : String.format(Locale.ROOT, " · %d", groundTruth[i]));
            ((Label) r.getChildren().get(2)).setText(counts);
        }
    }

    private HBox row(int label) {
        Rectangle swatch = new Rectangle(12, 12, ClassColors.of(label));
        swatch.setArcWidth(3);
        swatch.setArcHeight(3);
        CheckBox box = new CheckBox();
        box.setId("legend-class-" + label);
        box.setGraphic(swatch);
        box.setSelected(!hidden.contains(label));
        box.setFocusTraversable(false);
        box.setTooltip(new Tooltip("show or hide this class's detections and GT"));
        box.selectedProperty().addListener((obs, o, on) -> {
            if (on) {
                hidden.remove(label);
            } else {
                hidden.add(label);
            }
        });
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        Label counts = new Label();
        counts.getStyleClass().add("text-muted");
        counts.setTooltip(new Tooltip("detections shown · GT boxes"));
        HBox r = new HBox(4, box, gap, counts);
        r.setAlignment(Pos.CENTER_LEFT);
        r.setPadding(new Insets(0, 2, 0, 0));
        return r;
    }

    /** Labels the user has hidden. */
    public ObservableSet<Integer> hiddenClasses() {
        return hidden;
    }
}
