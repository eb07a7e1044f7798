package org.dsrcnn.engine.data.shapes;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.DataBufferInt;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SceneGeneratorTest {

    private static int[] pixels(Scene s) {
        return ((DataBufferInt) s.image().getRaster().getDataBuffer()).getData();
    }

    @Test
    void aSceneIsAPureFunctionOfSeedSplitAndIndex() {
        SceneGenerator g = new SceneGenerator(128);
        Scene a = g.generate(11, 0, 5);
        g.generate(11, 0, 6); // nothing carries over between calls
        Scene b = new SceneGenerator(128).generate(11, 0, 5);
        assertArrayEquals(pixels(a), pixels(b));
        assertEquals(a.objects(), b.objects());
        assertFalse(java.util.Arrays.equals(pixels(a), pixels(g.generate(12, 0, 5))));
        assertFalse(java.util.Arrays.equals(pixels(a), pixels(g.generate(11, 1, 5))));
        assertFalse(java.util.Arrays.equals(pixels(a), pixels(g.generate(11, 0, 4))));
    }

    /**
     * Over 150 scenes at 256 px: every class occurs, COCO's three area bands each hold at least 10 %
     * of the objects, and every label obeys the occlusion rule and lies inside the image.
     */
    @Test
    void objectsSpanSmallMediumAndLargeAreasAndEveryClass() {
        SceneGenerator g = new SceneGenerator(256);
        int small = 0;
        int medium = 0;
        int large = 0;
        int dropped = 0;
        Map<ShapeClass, Integer> perClass = new EnumMap<>(ShapeClass.class);
        for (int i = 0; i < 150; i++) {
            Scene s = g.generate(3, 0, i);
            dropped += s.dropped();
            assertTrue(s.objects().size() + s.dropped() >= 1 && s.objects().size() + s.dropped() <= 8);
            for (SceneObject o : s.objects()) {
                perClass.merge(o.shape(), 1, Integer::sum);
                if (o.area() < 32 * 32) {
                    small++;
                } else if (o.area() > 96 * 96) {
                    large++;
                } else {
                    medium++;
                }
                assertTrue(o.x() >= 0 && o.y() >= 0 && o.x() + o.w() <= 256 && o.y() + o.h() <= 256, o.toString());
                assertTrue(o.area() <= o.w() * o.h(), o.toString());
                assertTrue(o.visibleFraction() >= SceneGenerator.MIN_VISIBLE_FRACTION, o.toString());
                assertTrue(o.area() >= SceneGenerator.MIN_VISIBLE_PIXELS, o.toString());
            }
        }
        int total = small + medium + large;
        String histogram = "small " + small + ", medium " + medium + ", large " + large + ", dropped " + dropped;
        assertTrue(small >= 0.1 * total, histogram);
        assertTrue(medium >= 0.1 * total, histogram);
        assertTrue(large >= 0.1 * total, histogram);
        assertTrue(dropped < 0.2 * total, histogram);
        assertEquals(8, perClass.size(), perClass.toString());
    }

    @Test
    void sizesOutsideTheSupportedRangeAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> new SceneGenerator(32));
    }
}
