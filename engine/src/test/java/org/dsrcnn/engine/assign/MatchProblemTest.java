package org.dsrcnn.engine.assign;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class MatchProblemTest {

    private static final float[][] LOGITS = {{0, 1}};
    private static final float[][] BOXES = {{0, 0, 5, 5}};

    private static String reason(Runnable r) {
        return assertThrows(IllegalArgumentException.class, r::run).getMessage();
    }

    @Test
    void rejectsBadInputWithOneLine() {
        assertEquals("gt 0: box must be finite with x2 >= x1 and y2 >= y1, got [5.0, 0.0, 1.0, 5.0]",
                reason(() -> new MatchProblem(LOGITS, BOXES, new float[][] {{5, 0, 1, 5}}, new int[] {0}, 10, 10, 1, 1)));
        assertEquals("prediction 0: box must be finite with x2 >= x1 and y2 >= y1, got [0.0, NaN, 5.0, 5.0]",
                reason(() -> new MatchProblem(LOGITS, new float[][] {{0, Float.NaN, 5, 5}}, new float[0][], new int[0], 10, 10, 1, 1)));
        assertEquals("gt 0 has class 2, outside 0..1",
                reason(() -> new MatchProblem(LOGITS, BOXES, new float[][] {{0, 0, 1, 1}}, new int[] {2}, 10, 10, 1, 1)));
        assertEquals("gt: 1 boxes but 2 labels",
                reason(() -> new MatchProblem(LOGITS, BOXES, new float[][] {{0, 0, 1, 1}}, new int[] {0, 1}, 10, 10, 1, 1)));
        assertEquals("predictions: 1 logit rows but 2 boxes",
                reason(() -> new MatchProblem(LOGITS, new float[][] {{0, 0, 1, 1}, {0, 0, 1, 1}}, new float[0][], new int[0], 10, 10, 1, 1)));
        assertEquals("prediction 0: a box needs 4 numbers x1,y1,x2,y2, got 3",
                reason(() -> new MatchProblem(LOGITS, new float[][] {{0, 0, 1}}, new float[0][], new int[0], 10, 10, 1, 1)));
        assertEquals("prediction 0 has a non-finite logit: NaN",
                reason(() -> new MatchProblem(new float[][] {{Float.NaN, 0}}, BOXES, new float[0][], new int[0], 10, 10, 1, 1)));
        assertEquals("stage must be in 1..6 (stages >= 1), got 7",
                reason(() -> new MatchProblem(LOGITS, BOXES, new float[0][], new int[0], 10, 10, 7, 6)));
        assertEquals("image size must be positive and finite, got 0.0 x 10.0",
                reason(() -> new MatchProblem(LOGITS, BOXES, new float[0][], new int[0], 0, 10, 1, 1)));
    }

    @Test
    void acceptsDegenerateButOrderedBoxes() {
        MatchProblem p = new MatchProblem(LOGITS, new float[][] {{3, 3, 3, 3}}, new float[][] {{1, 1, 1, 4}},
                new int[] {1}, 10, 10, 1, 1);
        assertEquals(2, p.numClasses());
    }
}
