package org.dsrcnn.viewer;

import java.util.Locale;
import javafx.beans.property.DoubleProperty;
import javafx.scene.control.ComboBox;
import javafx.util.StringConverter;
import org.dsrcnn.engine.eval.ImageMatching;

/**
 * A choice of one of COCO's ten IoU thresholds (0.50:0.05:0.95, the ones the matching is kept
 * for), shown as "IoU ≥ 0.50" and written to a property.
 */
public final class IouThresholdBox extends ComboBox<Double> {

    /** @param iou the threshold to show and to set on a choice */
    public IouThresholdBox(DoubleProperty iou) {
        for (double t : ImageMatching.iouThresholds()) {
            getItems().add(t);
        }
        setConverter(new StringConverter<>() {
            @Override
            public String toString(Double v) {
                return v == null ? "" : String.format(Locale.ROOT, "IoU ≥ %.2f", v);
            }

            @Override
            public Double fromString(String s) {
                return null;
            }
        });
        setValue(iou.get());
        valueProperty().addListener((obs, o, v) -> {
            if (v != null) {
                iou.set(v);
            }
        });
    }
}
