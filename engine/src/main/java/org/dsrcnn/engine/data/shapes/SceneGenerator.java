package org.dsrcnn.engine.data.shapes;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.awt.geom.Area;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Draws one synthetic scene: a textured background, clutter, 1-8 shapes of random class, colour,
 * size, rotation and mild stretch (they may overlap and hide each other, and may be cut by the image
 * border), thin lines over everything, sometimes a slight blur, and mostly (70 %) sensor-like noise.
 *
 * <p>Labels are the <b>visible extent</b>: each object's pixels are tracked in an id buffer drawn
 * without antialiasing in the same order as the picture, so a later object takes the pixels it
 * covers. The box is the bounding box of the object's remaining pixels and the {@code area} their
 * count. <b>Occlusion rule</b>: an object keeps its label only if at least
 * {@value #MIN_VISIBLE_FRACTION} of the pixels it would cover inside the image stay visible and at
 * least {@value #MIN_VISIBLE_PIXELS} pixels remain; otherwise it stays in the picture unlabelled (as
 * a heavily occluded object in a real dataset).
 *
 * <p>Sizes: the radius of the shape's circumscribed circle is, for 30 % of the objects (at most two
 * per image), uniform in [62, 125] * size / 256 pixels, else log-uniform in [6, 60] * size / 256,
 * which gives COCO small (area &lt; 32^2), medium and large (&gt; 96^2) objects in roughly COCO's
 * proportions at the default size of 256. Every random
 * choice comes from one {@link SplittableRandom} seeded from (seed, split, index), so a scene is the
 * same on every run.
 */
public final class SceneGenerator {

    /** Minimum share of an object's in-image pixels that must stay visible for it to be labelled. */
    public static final double MIN_VISIBLE_FRACTION = 0.35;
    /** Minimum visible pixels for a label. */
    public static final int MIN_VISIBLE_PIXELS = 12;

    private static final int MAX_OBJECTS = 8;
    /** Radius range (px at size 256), log-uniform, of most objects. */
    private static final double[] RADIUS = {6, 60};
    /** Share of objects drawn big, uniform radius in BIG_RADIUS, at most MAX_BIG per image. */
    private static final double BIG_SHARE = 0.3;
    private static final double[] BIG_RADIUS = {62, 125};
    private static final int MAX_BIG = 2;
    private static final double[] GAUSSIAN = gaussianTable(4096);

    private final int size;
    private final double unit;

    /** A generator of {@code size} x {@code size} scenes (size &gt;= 64). */
    public SceneGenerator(int size) {
        if (size < 64 || size > 4096) {
            throw new IllegalArgumentException("image size must be in 64..4096, got " + size);
        }
        this.size = size;
        this.unit = size / 256.0;
    }

    /** The image side in pixels. */
    public int size() {
        return size;
    }

    /**
     * The scene at (seed, split, index): a pure function of the three.
     *
     * @param split a small number that separates streams (0 = train, 1 = val)
     */
    public Scene generate(long seed, int split, long index) {
        SplittableRandom rng = new SplittableRandom(streamSeed(seed, split, index));
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        Backgrounds.paint(g, size, rng);
        Clutter.paintUnder(g, size, rng);

        Visibility visibility = new Visibility(size, size);
        int count = objectCount(rng);
        ShapeClass[] classes = new ShapeClass[count];
        int large = 0;
        for (int k = 0; k < count; k++) {
            ShapeClass cls = ShapeClass.ALL.get(rng.nextInt(ShapeClass.ALL.size()));
            double radius;
            if (rng.nextDouble() < BIG_SHARE && large < MAX_BIG) {
                large++;
                radius = unit * (BIG_RADIUS[0] + rng.nextDouble() * (BIG_RADIUS[1] - BIG_RADIUS[0]));
            } else {
                radius = unit * Math.exp(Math.log(RADIUS[0]) + rng.nextDouble() * Math.log(RADIUS[1] / RADIUS[0]));
            }
            visibility.add(drawObject(g, image, cls, radius, rng));
            classes[k] = cls;
        }
        Clutter.paintOver(g, size, rng);
        g.dispose();
        visibility.dispose();
        if (rng.nextDouble() < 0.3) {
            blur3x3(image);
        }
        if (rng.nextDouble() < 0.7) {
            addNoise(image, rng);
        }

        List<SceneObject> objects = new ArrayList<>();
        int dropped = 0;
        List<Visibility.Extent> extents = visibility.extents();
        for (int k = 0; k < count; k++) {
            Visibility.Extent e = extents.get(k);
            if (e == null || e.pixels() < MIN_VISIBLE_PIXELS || e.fraction() < MIN_VISIBLE_FRACTION) {
                dropped++;
                continue;
            }
            objects.add(new SceneObject(classes[k], e.x(), e.y(), e.w(), e.h(), e.pixels(), e.fraction()));
        }
        return new Scene(image, List.copyOf(objects), dropped);
    }

    /** 1..8, most often 2..6. */
    private static int objectCount(SplittableRandom rng) {
        int n = 1 + rng.nextInt(6);
        if (rng.nextDouble() < 0.3) {
            n += rng.nextInt(3);
        }
        return Math.min(n, MAX_OBJECTS);
    }

    /** Paints one object and returns the region it covers (fill plus outline, if any). */
    private Shape drawObject(Graphics2D g, BufferedImage image, ShapeClass cls, double radius, SplittableRandom rng) {
        double margin = 0.4 * radius;
        double cx = size > 2 * margin ? margin + rng.nextDouble() * (size - 2 * margin) : size / 2.0;
        double cy = size > 2 * margin ? margin + rng.nextDouble() * (size - 2 * margin) : size / 2.0;
        double stretch = Math.exp(0.15 * (2 * rng.nextDouble() - 1));
        AffineTransform t = new AffineTransform();
        t.translate(cx, cy);
        t.rotate(rng.nextDouble() * 2 * Math.PI);
        t.scale(radius * stretch, radius / stretch);
        Shape shape = t.createTransformedShape(cls.unitOutline());
        Color color = contrastingColor(image, shape, rng);
        double style = rng.nextDouble();
        Shape footprint = shape;
        if (style < 0.65) {
            g.setColor(color);
            g.fill(shape);
        } else if (style < 0.85) {
            g.setColor(color);
            g.fill(shape);
            BasicStroke stroke = new BasicStroke((float) Math.max(1, radius * 0.08));
            g.setStroke(stroke);
            g.setColor(Palette.scaled(color, rng.nextBoolean() ? 0.55 : 1.5));
            g.draw(shape);
            Area area = new Area(shape);
            area.add(new Area(stroke.createStrokedShape(shape)));
            footprint = area;
        } else {
            Rectangle b = shape.getBounds();
            g.setPaint(new GradientPaint(b.x, b.y, color, b.x + (float) (b.width * rng.nextDouble()), b.y + b.height,
                    Palette.scaled(color, 0.6 + 0.2 * rng.nextDouble())));
            g.fill(shape);
        }
        return footprint;
    }

    /** The vivid colour (of 24 tries) farthest from what lies under the shape, once one is far enough. */
    private static Color contrastingColor(BufferedImage image, Shape shape, SplittableRandom rng) {
        Rectangle b = shape.getBounds().intersection(new Rectangle(0, 0, image.getWidth(), image.getHeight()));
        int[] under = new int[9];
        int n = 0;
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                int x = b.x + (int) ((i + 0.5) * b.width / 3);
                int y = b.y + (int) ((j + 0.5) * b.height / 3);
                if (!b.isEmpty() && shape.contains(x + 0.5, y + 0.5)) {
                    under[n++] = image.getRGB(x, y);
                }
            }
        }
        Color best = Palette.vivid(rng);
        double bestDistance = minDistance(best, under, n);
        for (int attempt = 0; attempt < 24 && bestDistance < 90; attempt++) {
            Color c = Palette.vivid(rng);
            double d = minDistance(c, under, n);
            if (d > bestDistance) {
                best = c;
                bestDistance = d;
            }
        }
        return best;
    }

    private static double minDistance(Color c, int[] rgb, int n) {
        double min = Double.MAX_VALUE;
        for (int i = 0; i < n; i++) {
            min = Math.min(min, Palette.distance(c, rgb[i]));
        }
        return n == 0 ? 255 : min;
    }

    /** A 3x3 box blur (edges clamped): the softness of a real lens. */
    private static void blur3x3(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        int[] px = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
        int[] src = px.clone();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int r = 0;
                int gr = 0;
                int b = 0;
                for (int dy = -1; dy <= 1; dy++) {
                    int yy = Math.max(0, Math.min(h - 1, y + dy));
                    for (int dx = -1; dx <= 1; dx++) {
                        int xx = Math.max(0, Math.min(w - 1, x + dx));
                        int v = src[yy * w + xx];
                        r += (v >> 16) & 0xFF;
                        gr += (v >> 8) & 0xFF;
                        b += v & 0xFF;
                    }
                }
                px[y * w + x] = ((r + 4) / 9) << 16 | ((gr + 4) / 9) << 8 | ((b + 4) / 9);
            }
        }
    }

    /**
     * Gaussian noise: a shared luminance part plus a smaller part per channel. Sigma is 0.5..8.5,
     * skewed low (most images are clean-ish, some grainy): noise is what makes PNGs large.
     */
    private static void addNoise(BufferedImage image, SplittableRandom rng) {
        double u = rng.nextDouble();
        double sigma = 0.5 + 8 * u * u;
        double chroma = sigma * 0.35;
        int[] px = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
        int mask = GAUSSIAN.length - 1;
        for (int i = 0; i < px.length; i++) {
            long bits = rng.nextLong();
            double luma = sigma * GAUSSIAN[(int) (bits & mask)];
            int v = px[i];
            int r = clamp(((v >> 16) & 0xFF) + luma + chroma * GAUSSIAN[(int) ((bits >>> 12) & mask)]);
            int g = clamp(((v >> 8) & 0xFF) + luma + chroma * GAUSSIAN[(int) ((bits >>> 24) & mask)]);
            int b = clamp((v & 0xFF) + luma + chroma * GAUSSIAN[(int) ((bits >>> 36) & mask)]);
            px[i] = r << 16 | g << 8 | b;
        }
    }

    private static int clamp(double v) {
        return (int) Math.max(0, Math.min(255, Math.round(v)));
    }

    /** Standard normal quantiles at (i + 0.5) / n: a table lookup is far cheaper than nextGaussian. */
    private static double[] gaussianTable(int n) {
        double[] t = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = inverseNormal((i + 0.5) / n);
        }
        return t;
    }

    /** Inverse standard normal CDF by bisection on erf (only used to build the table once). */
    private static double inverseNormal(double p) {
        double lo = -10;
        double hi = 10;
        for (int i = 0; i < 100; i++) {
            double mid = (lo + hi) / 2;
            if (normalCdf(mid) < p) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return (lo + hi) / 2;
    }

    /** Standard normal CDF via the Abramowitz-Stegun 7.1.26 erf approximation (error &lt; 1.5e-7). */
    private static double normalCdf(double x) {
        double z = Math.abs(x) / Math.sqrt(2);
        double t = 1 / (1 + 0.3275911 * z);
        double erf = 1 - (((((1.061405429 * t - 1.453152027) * t) + 1.421413741) * t - 0.284496736) * t + 0.254829592)
                * t * Math.exp(-z * z);
        return x >= 0 ? (1 + erf) / 2 : (1 - erf) / 2;
    }

    /** The seed of one image's random stream. */
    static long streamSeed(long seed, int split, long index) {
        return mix(mix(mix(seed) + split) + index);
    }

    private static long mix(long z) {
        z += 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
