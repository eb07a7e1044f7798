package org.dsrcnn.engine.infer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.dsrcnn.engine.config.DsrcnnConfig;
import org.dsrcnn.engine.trace.Detection;
import org.junit.jupiter.api.Test;

class PostProcessorTest {

    private static final DsrcnnConfig.Inference NO_NMS = new DsrcnnConfig.Inference(false, 0.7, 100, 0.0);

    private static float logit(double p) {
        return (float) Math.log(p / (1 - p));
    }

    // N = 4 proposals, K = 2 classes, input image = original scaled by 2 in x and 4 in y
    private static final float[][] LOGITS = {
        {logit(0.9), logit(0.2)},
        {logit(0.85), logit(0.6)},
        {logit(0.1), logit(0.3)},
        {logit(0.5), logit(0.05)},
    };
    private static final float[][] BOXES = {
        {20, 40, 60, 120},      // original [10, 10, 30, 30]
        {22, 40, 60, 124},      // original [11, 10, 30, 31]: overlaps proposal 0 (IoU 380/441)
        {-10, -20, 400, 1000},  // original [-5, -5, 200, 250] -> clipped to [0, 0, 100, 80]
        {300, 40, 310, 80},     // original [150, 10, 155, 20] -> clipped x to [100, 100]: empty
    };

    @Test
    void withoutNmsTheBestNPairsMappedAndClipped() {
        List<Detection> d = new PostProcessor(NO_NMS).process(LOGITS, BOXES, 2, 4, 100, 80);
        // the 4 best of 8 pairs: (0,c0) 0.9, (1,c0) 0.85, (1,c1) 0.6, (3,c0) 0.5; (3,c0) is empty after
        // clipping, so 3 remain, best first
        assertEquals(3, d.size());
        assertEquals(0, d.get(0).proposal());
        assertEquals(0, d.get(0).label());
        assertEquals(0.9f, d.get(0).score(), 1e-6f);
        assertArrayEquals(new float[] {10, 10, 30, 30}, d.get(0).box(), 1e-5f);
        assertEquals(1, d.get(1).proposal());
        assertEquals(0, d.get(1).label());
        assertEquals(1, d.get(2).proposal());
        assertEquals(1, d.get(2).label());
        assertEquals(0.6f, d.get(2).score(), 1e-6f);
        assertArrayEquals(new float[] {11, 10, 30, 31}, d.get(2).box(), 1e-5f);
    }

    @Test
    void nmsSuppressesSameClassDuplicatesAndCapsAtTopK() {
        PostProcessor nms = new PostProcessor(NO_NMS).withNms(true);
        List<Detection> d = nms.process(LOGITS, BOXES, 2, 4, 100, 80);
        // with NMS the pool is all 8 pairs, minus the two of proposal 3 (empty after clipping).
        // class 0: (0) 0.9 kept, (1) 0.85 overlaps it with IoU 380/441 = 0.86 > 0.7: suppressed,
        // (2) 0.1 overlaps it with IoU 400/8000: kept. class 1: (1) 0.6 kept, (2) 0.3 kept,
        // (0) 0.2 overlaps (1) with IoU 0.86: suppressed. Best first:
        assertEquals(List.of(0, 1, 2, 2), d.stream().map(Detection::proposal).toList());
        assertEquals(List.of(0, 1, 1, 0), d.stream().map(Detection::label).toList());
        assertEquals(0.1f, d.get(3).score(), 1e-6f);
        assertEquals(1, nms.withTopK(1).process(LOGITS, BOXES, 2, 4, 100, 80).size());
        // topK does not cap the no-NMS output (k = N there)
        assertEquals(3, new PostProcessor(NO_NMS).withTopK(1).process(LOGITS, BOXES, 2, 4, 100, 80).size());
    }

    @Test
    void clippingAndScoreThreshold() {
        // lower the pool pressure: one proposal, one class; the big box is clipped to the image
        List<Detection> d = new PostProcessor(NO_NMS).process(
                new float[][] {{logit(0.3)}}, new float[][] {BOXES[2]}, 2, 4, 100, 80);
        assertArrayEquals(new float[] {0, 0, 100, 80}, d.get(0).box(), 1e-6f);
        PostProcessor strict = new PostProcessor(NO_NMS).withScoreThreshold(0.7);
        assertEquals(List.of(0, 1), strict.process(LOGITS, BOXES, 2, 4, 100, 80).stream()
                .map(Detection::proposal).toList());
    }

    @Test
    void badInputIsRejected() {
        PostProcessor p = new PostProcessor(NO_NMS);
        assertThrows(IllegalArgumentException.class, () -> p.process(LOGITS, new float[3][4], 1, 1, 10, 10));
        assertThrows(IllegalArgumentException.class, () -> p.process(
                new float[][] {{Float.NaN}}, new float[][] {{0, 0, 1, 1}}, 1, 1, 10, 10));
        assertThrows(IllegalArgumentException.class, () -> p.process(LOGITS, BOXES, 0, 1, 10, 10));
        assertThrows(IllegalArgumentException.class, () -> p.withTopK(0));
        assertEquals(List.of(), p.process(new float[0][], new float[0][], 1, 1, 10, 10));
    }
}
