package org.dsrcnn.engine.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Random;
import org.dsrcnn.engine.config.DsrcnnConfig;
import org.dsrcnn.engine.config.Presets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class ImagePreprocessorTest {

    private static final DsrcnnConfig.Input SMALL = Presets.load("small").input();

    /** A grey 300x200 image with a white rectangle covering pixels [60, 140) x [40, 100). */
    private static BufferedImage sceneWithRectangle() {
        BufferedImage img = new BufferedImage(300, 200, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(new Color(128, 128, 128));
        g.fillRect(0, 0, 300, 200);
        g.setColor(Color.WHITE);
        g.fillRect(60, 40, 80, 60);
        g.dispose();
        return img;
    }

    /** The xyxy extent of input pixels whose red channel is nearer white than grey. */
    private static float[] brightExtent(PreparedImage p) {
        float white = (255 - 123.675f) / 58.395f;
        float grey = (128 - 123.675f) / 58.395f;
        float mid = (white + grey) / 2;
        int x1 = Integer.MAX_VALUE;
        int y1 = Integer.MAX_VALUE;
        int x2 = -1;
        int y2 = -1;
        for (int y = 0; y < p.height(); y++) {
            for (int x = 0; x < p.width(); x++) {
                if (p.chw()[y * p.width() + x] > mid) {
                    x1 = Math.min(x1, x);
                    y1 = Math.min(y1, y);
                    x2 = Math.max(x2, x + 1);
                    y2 = Math.max(y2, y + 1);
                }
            }
        }
        return new float[] {x1, y1, x2, y2};
    }

    /**
     * The classic bug draws boxes shifted: here the pixels, the transformed GT box and the box mapped
     * back must all agree. Short side 100 halves the image (150x100) and the mirror maps x to 150 - x:
     * [60,40,140,100] -> [30,20,70,50] -> [80,20,120,50]; with an exact halving the bright pixels are
     * exactly that box. At other scales they agree within a pixel.
     */
    @ParameterizedTest
    @CsvSource({"100, true, 0", "100, false, 0", "273, true, 1", "273, false, 1", "160, true, 1"})
    void pixelsBoxesAndTheMapBackAgree(int shortSide, boolean flip, float tolerance) {
        ImagePreprocessor pre = new ImagePreprocessor(SMALL);
        ImageTargets gt = new ImageTargets(new float[][] {{60, 40, 140, 100}}, new int[] {3}, 300, 200);
        PreparedImage p = pre.prepare(ImageDecoding.toFloat(sceneWithRectangle()), gt, 9, shortSide, 10_000, flip);
        float[] box = p.targets().boxes()[0];
        float[] seen = brightExtent(p);
        assertArrayEquals(box, seen, tolerance + 1e-3f, "pixels vs transformed GT");
        assertArrayEquals(new float[] {60, 40, 140, 100}, p.resize().toOriginal(seen),
                (tolerance + 1e-3f) * 300f / p.width(), "pixels mapped back");
        assertEquals(3, p.targets().labels()[0]);
        assertEquals(p.width(), (int) p.targets().width());
        if (shortSide == 100) {
            assertEquals(150, p.width());
            assertEquals(100, p.height());
            assertArrayEquals(flip ? new float[] {80, 20, 120, 50} : new float[] {30, 20, 70, 50}, box, 1e-4f);
        }
    }

    @Test
    void normalizesWithTheConfigMeanAndStd() {
        BufferedImage img = new BufferedImage(320, 320, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(new Color(200, 100, 50));
        g.fillRect(0, 0, 320, 320);
        g.dispose();
        PreparedImage p = new ImagePreprocessor(SMALL).forInference(img); // test size 320: no resize
        assertEquals(320, p.width());
        int plane = 320 * 320;
        assertEquals((200 - 123.675) / 58.395, p.chw()[0], 1e-5);
        assertEquals((100 - 116.28) / 57.12, p.chw()[plane + 77], 1e-5);
        assertEquals((50 - 103.53) / 57.375, p.chw()[2 * plane + 999], 1e-5);
        assertEquals(-1, p.imageId());
        assertEquals(0, p.targets().size());
    }

    @Test
    void flipMirrorsThePixels() {
        BufferedImage img = new BufferedImage(4, 2, BufferedImage.TYPE_INT_RGB);
        img.setRGB(0, 0, 0xFF0000); // red at top-left
        PreparedImage p = new ImagePreprocessor(SMALL).prepare(ImageDecoding.toFloat(img),
                new ImageTargets(new float[0][], new int[0], 4, 2), 1, 2, 100, true);
        float red = (255 - 123.675f) / 58.395f;
        assertEquals(red, p.chw()[3], 1e-5); // now at top-right
        assertEquals(-123.675f / 58.395f, p.chw()[0], 1e-5);
    }

    @Test
    void trainingDrawsSideThenFlipFromTheGivenRandom() {
        DsrcnnConfig.Input in = SMALL; // sides 224, 256, 288; max 384; flip on
        ImagePreprocessor pre = new ImagePreprocessor(in);
        ImageTargets gt = new ImageTargets(new float[][] {{0, 0, 10, 10}}, new int[] {0}, 300, 200);
        for (long seed = 0; seed < 20; seed++) {
            Random expected = new Random(seed);
            int side = in.trainShortSides().get(expected.nextInt(3));
            boolean flip = expected.nextBoolean();
            PreparedImage p = pre.forTraining(sceneWithRectangle(), gt, 5, new Random(seed));
            // 300x200: side 224 -> 336x224, 256 -> 384x256, 288 -> 432x288 capped at 384 -> 384x256
            int expectedHeight = side == 224 ? 224 : 256;
            assertEquals(expectedHeight, p.height());
            assertEquals(expectedHeight == 224 ? 336 : 384, p.width());
            assertEquals(flip, p.resize().flipped());
            assertEquals(5, p.imageId());
        }
    }

    @Test
    void imageSizeMustMatchItsAnnotations() {
        ImageTargets wrong = new ImageTargets(new float[0][], new int[0], 640, 480);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new ImagePreprocessor(SMALL).forTraining(sceneWithRectangle(), wrong, 12, new Random(1)));
        assertEquals("image 12 is 300x200 but its annotations say 640x480", e.getMessage());
    }

    @Test
    void boxesLeftEmptyByClippingAreDropped() {
        ResizeInfo r = ResizeInfo.of(100, 100, 50, 50, false);
        ImageTargets gt = new ImageTargets(new float[][] {{-20, 0, -10, 10}, {90, 90, 130, 120}}, new int[] {1, 2}, 100, 100);
        ImageTargets t = ImagePreprocessor.transformTargets(gt, r);
        assertEquals(1, t.size());
        assertArrayEquals(new float[] {45, 45, 50, 50}, t.boxes()[0]);
        assertEquals(List.of(2), List.of(t.labels()[0]));
        assertTrue(t.width() == 50 && t.height() == 50);
    }
}
