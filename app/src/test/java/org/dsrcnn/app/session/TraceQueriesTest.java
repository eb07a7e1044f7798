package org.dsrcnn.app.session;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dsrcnn.engine.trace.Detection;
import org.dsrcnn.engine.trace.DetectionTrace;
import org.dsrcnn.engine.trace.StageTrace;
import org.junit.jupiter.api.Test;

class TraceQueriesTest {

    @Test
    void thresholdKeepsScoresAtOrAbove() {
        List<Detection> d = List.of(new Detection(0, 0, 0.9f, new float[4]), new Detection(1, 0, 0.5f, new float[4]),
                new Detection(2, 0, 0.2f, new float[4]));
        assertEquals(2, TraceQueries.atLeast(d, 0.5).size());
        assertEquals(3, TraceQueries.atLeast(d, 0.0).size());
        assertEquals(0, TraceQueries.atLeast(d, 0.95).size());
    }

    @Test
    void topScoresAreSigmoidsOfTheLargestLogitPerStage() {
        // one proposal, two classes; stage 1 logits (0, -1) -> sigmoid(0) = 0.5;
        // stage 2 logits (-2, ln 3) -> sigmoid(ln 3) = 3 / 4 = 0.75
        StageTrace s0 = new StageTrace(0, new float[][] {{0, 0, 1, 1}}, null);
        StageTrace s1 = new StageTrace(1, new float[][] {{0, 0, 1, 1}}, new float[][] {{0f, -1f}});
        StageTrace s2 = new StageTrace(2, new float[][] {{0, 0, 2, 2}}, new float[][] {{-2f, (float) Math.log(3)}});
        DetectionTrace t = new DetectionTrace(4, 4, List.of("a", "b"), List.of(s0, s1, s2), null, List.of(), Map.of());
        assertArrayEquals(new double[] {0.5, 0.75}, TraceQueries.topScores(t, 0), 1e-6);
        assertEquals("proposal #0 · stage 2 · b 0.75 · box [0, 0, 2, 2]", TraceQueries.describe(t, 0, 2));
        assertEquals("proposal #0 · stage 0 (proposal) · box [0, 0, 1, 1]", TraceQueries.describe(t, 0, 0));
    }

    /** The issue: the caption gave coordinates outside the image while the export clips them. */
    @Test
    void captionGivesTheBoxClippedToTheImage() {
        StageTrace s0 = new StageTrace(0, new float[][] {{-7.4f, -2f, 12f, 3f}}, null);
        StageTrace s1 = new StageTrace(1, new float[][] {{-7.4f, 1f, 2f, 9.6f}}, new float[][] {{2f}});
        DetectionTrace t = new DetectionTrace(4, 5, List.of("a"), List.of(s0, s1), null, List.of(), Map.of());
        assertEquals("proposal #0 · stage 0 (proposal) · box [0, 0, 4, 3]", TraceQueries.describe(t, 0, 0));
        assertEquals("proposal #0 · stage 1 · a 0.88 · box [0, 1, 2, 5]", TraceQueries.describe(t, 0, 1));
    }

    @Test
    void timingsPutTotalFirst() {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("backbone", 41.25);
        m.put("stage1", 3.0);
        m.put("total", 120.4);
        assertEquals("total 120 ms · backbone 41.3 · stage1 3.0", TraceQueries.timings(m));
        m.put("stage2", 4.6);
        m.put("postprocess", 0.4);
        // stages summed: 3.0 + 4.6 = 7.6 -> "8"; parts after the stages keep their place
        assertEquals("total 120 ms · backbone 41 · 2 stages 8 · postprocess 0", TraceQueries.timingsShort(m));
    }

    @Test
    void parameterCountsReadLikeWords() {
        assertEquals("950", TraceQueries.count("950"));
        assertEquals("12.3 K", TraceQueries.count("12345"));
        assertEquals("4.57 M", TraceQueries.count("4567890"));
        assertEquals("?", TraceQueries.count("?"));
    }
}
