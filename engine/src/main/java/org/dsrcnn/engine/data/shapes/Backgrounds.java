package org.dsrcnn.engine.data.shapes;

import java.awt.AlphaComposite;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.MultipleGradientPaint;
import java.awt.RadialGradientPaint;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.SplittableRandom;

/**
 * Textured backgrounds: gradients, stripes, tiles, soft blobs and smooth value noise, one as the
 * base and often a second blended over it, so the detector cannot rely on a flat backdrop.
 */
final class Backgrounds {

    private static final int STYLES = 6;

    private Backgrounds() {}

    static void paint(Graphics2D g, int size, SplittableRandom rng) {
        paintStyle(g, size, rng.nextInt(STYLES), rng);
        if (rng.nextDouble() < 0.6) {
            var saved = g.getComposite();
            g.setComposite(AlphaComposite.getInstance(AlphaComposite.SRC_OVER, (float) (0.15 + 0.35 * rng.nextDouble())));
            paintStyle(g, size, rng.nextInt(STYLES), rng);
            g.setComposite(saved);
        }
    }

    private static void paintStyle(Graphics2D g, int size, int style, SplittableRandom rng) {
        switch (style) {
            case 0 -> linearGradient(g, size, rng);
            case 1 -> radialGradient(g, size, rng);
            case 2 -> stripes(g, size, rng);
            case 3 -> tiles(g, size, rng);
            case 4 -> blobs(g, size, rng);
            default -> valueNoise(g, size, rng);
        }
    }

    private static void linearGradient(Graphics2D g, int size, SplittableRandom rng) {
        g.setPaint(new GradientPaint((float) (rng.nextDouble() * size), (float) (rng.nextDouble() * size),
                Palette.muted(rng), (float) (rng.nextDouble() * size), (float) (rng.nextDouble() * size),
                Palette.muted(rng)));
        g.fillRect(0, 0, size, size);
    }

    private static void radialGradient(Graphics2D g, int size, SplittableRandom rng) {
        float radius = (float) (size * (0.3 + rng.nextDouble()));
        g.setPaint(new RadialGradientPaint((float) (rng.nextDouble() * size), (float) (rng.nextDouble() * size),
                radius, new float[] {0f, 1f}, new Color[] {Palette.muted(rng), Palette.muted(rng)},
                MultipleGradientPaint.CycleMethod.REFLECT));
        g.fillRect(0, 0, size, size);
    }

    private static void stripes(Graphics2D g, int size, SplittableRandom rng) {
        Color base = Palette.muted(rng);
        g.setColor(base);
        g.fillRect(0, 0, size, size);
        double period = size * (0.02 + 0.1 * rng.nextDouble());
        double width = period * (0.2 + 0.6 * rng.nextDouble());
        Color stripe = Palette.scaled(base, rng.nextBoolean() ? 0.75 + 0.15 * rng.nextDouble() : 1.1 + 0.25 * rng.nextDouble());
        AffineTransform saved = g.getTransform();
        g.rotate(rng.nextDouble() * Math.PI, size / 2.0, size / 2.0);
        g.setColor(stripe);
        for (double x = -size; x < 2 * size; x += period) {
            g.fill(new Rectangle2D.Double(x, -size, width, 3 * size));
        }
        g.setTransform(saved);
    }

    private static void tiles(Graphics2D g, int size, SplittableRandom rng) {
        Color a = Palette.muted(rng);
        Color b = Palette.scaled(a, 0.8 + 0.4 * rng.nextDouble());
        double cell = size * (0.04 + 0.12 * rng.nextDouble());
        AffineTransform saved = g.getTransform();
        g.rotate(rng.nextDouble() * Math.PI / 2, size / 2.0, size / 2.0);
        int n = (int) Math.ceil(2 * size / cell) + 2;
        for (int i = -n / 2; i < n; i++) {
            for (int j = -n / 2; j < n; j++) {
                g.setColor(((i + j) & 1) == 0 ? a : b);
                g.fill(new Rectangle2D.Double(i * cell, j * cell, cell + 0.5, cell + 0.5));
            }
        }
        g.setTransform(saved);
    }

    private static void blobs(Graphics2D g, int size, SplittableRandom rng) {
        g.setColor(Palette.muted(rng));
        g.fillRect(0, 0, size, size);
        int n = 8 + rng.nextInt(20);
        for (int i = 0; i < n; i++) {
            double w = size * (0.1 + 0.5 * rng.nextDouble());
            double h = w * (0.4 + 1.2 * rng.nextDouble());
            g.setColor(Palette.withAlpha(Palette.muted(rng), 0.15 + 0.3 * rng.nextDouble()));
            g.fill(new Ellipse2D.Double(rng.nextDouble() * size - w / 2, rng.nextDouble() * size - h / 2, w, h));
        }
    }

    /** A coarse grid of muted colours, smoothly interpolated over the image. */
    private static void valueNoise(Graphics2D g, int size, SplittableRandom rng) {
        int cells = 3 + rng.nextInt(12);
        BufferedImage grid = new BufferedImage(cells, cells, BufferedImage.TYPE_INT_RGB);
        Color base = Palette.muted(rng);
        for (int y = 0; y < cells; y++) {
            for (int x = 0; x < cells; x++) {
                grid.setRGB(x, y, Palette.scaled(base, 0.7 + 0.6 * rng.nextDouble()).getRGB());
            }
        }
        Graphics2D smooth = (Graphics2D) g.create();
        smooth.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        smooth.drawImage(grid, 0, 0, size, size, null);
        smooth.dispose();
    }
}
