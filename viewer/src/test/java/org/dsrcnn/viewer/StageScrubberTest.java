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
}
