package org.dsrcnn.viewer;

import static org.dsrcnn.viewer.FxTestSupport.onFx;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class StageScrubberTest {

    @Test
    void sliderAndStageStayInStepAndClampToT() throws Exception {
        Object[] r = onFx(() -> {
            StageScrubber s = new StageScrubber();
            s.stagesProperty().set(6);
            s.stageProperty().set(3);
            double sliderAt3 = s.slider().getValue();
            s.slider().setValue(5.2);          // snaps to the nearest stage
            int stageFromSlider = s.stageProperty().get();
            s.stageProperty().set(9);          // beyond T = 6 -> clamped
            int clamped = s.stageProperty().get();
            s.stagesProperty().set(2);         // fewer stages -> stage follows
            return new Object[] {sliderAt3, stageFromSlider, clamped, s.stageProperty().get(), s.slider().getMax()};
        });
        assertEquals(3.0, (double) r[0]);
        assertEquals(5, (int) r[1]);
        assertEquals(6, (int) r[2]);
        assertEquals(2, (int) r[3]);
        assertEquals(2.0, (double) r[4]);
    }

    /** The issue: the slider changed length as its caption went from "3 / 6" to "0 / 6 · proposals". */
    @Test
    void sliderKeepsItsLengthWhateverTheCaption() throws Exception {
        double[] widths = onFx(() -> {
            StageScrubber s = new StageScrubber();
            s.stagesProperty().set(6);
            javafx.scene.layout.HBox row = new javafx.scene.layout.HBox(s);
            javafx.scene.layout.HBox.setHgrow(s, javafx.scene.layout.Priority.ALWAYS);
            new javafx.scene.Scene(row, 600, 60);
            double[] out = new double[7];
            for (int t = 0; t <= 6; t++) {
                s.stageProperty().set(t);
                row.applyCss();
                row.layout();
                out[t] = s.slider().getWidth();
            }
            return out;
        });
        for (int t = 1; t <= 6; t++) {
            assertEquals(widths[0], widths[t], 0.5, "slider width at stage " + t + " vs stage 0");
        }
    }
}
