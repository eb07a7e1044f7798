package org.dsrcnn.viewer.charts;

import static org.dsrcnn.viewer.FxTestSupport.onFx;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

class ExpertMixChartTest {

    @Test
    void weightAxisThinsItsLabelsInsteadOfOverlappingThem() throws Exception {
        // label gap = plot height / intervals must stay >= 14 px: 106 px (the 140 px default) and
        // 56 px keep quarters (26.5, 14.0), 55 px halves (27.5), 28 px halves (14), 27 px only 0 and 1
        int[] steps = onFx(() -> new int[] {
            ExpertMixChart.gridSteps(106), ExpertMixChart.gridSteps(56), ExpertMixChart.gridSteps(55),
            ExpertMixChart.gridSteps(28), ExpertMixChart.gridSteps(27), ExpertMixChart.gridSteps(6)});
        assertArrayEquals(new int[] {4, 4, 2, 2, 1, 1}, steps);
    }
}
