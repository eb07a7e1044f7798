package org.dsrcnn.engine.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.FloatRange;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class ResizeInfoTest {

    /** 200x100 -> 400x300 (scale 2, 3), mirrored in a 400 wide input: x -> 400 - 2x. */
    @Test
    void handWorkedResizeAndFlip() {
        ResizeInfo r = ResizeInfo.of(200, 100, 400, 300, true);
        // original [10, 20, 50, 40] -> scaled [20, 60, 100, 120] -> mirrored x: [400-100, 400-20]
        assertArrayEquals(new float[] {300, 60, 380, 120}, r.toInput(new float[] {10, 20, 50, 40}), 1e-4f);
        assertArrayEquals(new float[] {10, 20, 50, 40}, r.toOriginal(new float[] {300, 60, 380, 120}), 1e-4f);
        ResizeInfo plain = ResizeInfo.of(200, 100, 400, 300, false);
        assertArrayEquals(new float[] {20, 60, 100, 120}, plain.toInput(new float[] {10, 20, 50, 40}), 1e-4f);
        assertArrayEquals(new float[] {0, 0, 200, 100}, plain.toOriginalClipped(new float[] {-5, -1, 900, 400}));
    }

    @Property(tries = 300)
    void toOriginalUndoesToInput(
            @ForAll @IntRange(min = 1, max = 2000) int w, @ForAll @IntRange(min = 1, max = 2000) int h,
            @ForAll @IntRange(min = 1, max = 1400) int nw, @ForAll @IntRange(min = 1, max = 1400) int nh,
            @ForAll boolean flip,
            @ForAll @FloatRange(min = 0, max = 1) float a, @ForAll @FloatRange(min = 0, max = 1) float b,
            @ForAll @FloatRange(min = 0, max = 1) float c, @ForAll @FloatRange(min = 0, max = 1) float d) {
        ResizeInfo r = ResizeInfo.of(w, h, nw, nh, flip);
        float[] box = {Math.min(a, b) * w, Math.min(c, d) * h, Math.max(a, b) * w, Math.max(c, d) * h};
        float[] in = r.toInput(box);
        float[] back = r.toOriginal(in);
        float tol = 1e-3f * Math.max(w, h);
        assertArrayEquals(box, back, tol);
        // xyxy stays ordered through the mirror
        assertEquals(true, in[0] <= in[2] && in[1] <= in[3]);
    }
}
