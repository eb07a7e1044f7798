package org.dsrcnn.engine.data.shapes;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Arc2D;
import java.awt.geom.CubicCurve2D;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.util.SplittableRandom;

/**
 * Things that are not objects: curves and lines, lumpy blobs, rows of text-like marks and
 * speckles. They teach the detector that an edge or a coloured patch is not yet a shape.
 */
final class Clutter {

    private Clutter() {}

    /** Clutter under the objects. */
    static void paintUnder(Graphics2D g, int size, SplittableRandom rng) {
        int n = 2 + rng.nextInt(9);
        for (int i = 0; i < n; i++) {
            switch (rng.nextInt(4)) {
                case 0 -> curve(g, size, rng);
                case 1 -> blob(g, size, rng);
                case 2 -> marks(g, size, rng);
                default -> speckles(g, size, rng);
            }
        }
    }

    /** A few thin lines over everything (they cross objects without hiding them). */
    static void paintOver(Graphics2D g, int size, SplittableRandom rng) {
        int n = rng.nextDouble() < 0.5 ? 0 : 1 + rng.nextInt(2);
        for (int i = 0; i < n; i++) {
            g.setStroke(new BasicStroke((float) (0.6 + 0.8 * rng.nextDouble()), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            g.setColor(Palette.withAlpha(Palette.any(rng), 0.5 + 0.5 * rng.nextDouble()));
            g.draw(new Line2D.Double(rng.nextDouble() * size, rng.nextDouble() * size,
                    rng.nextDouble() * size, rng.nextDouble() * size));
        }
    }

    private static void curve(Graphics2D g, int size, SplittableRandom rng) {
        g.setStroke(new BasicStroke((float) (0.8 + 2.5 * rng.nextDouble()), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.setColor(Palette.withAlpha(Palette.any(rng), 0.5 + 0.5 * rng.nextDouble()));
        g.draw(new CubicCurve2D.Double(
                rng.nextDouble() * size, rng.nextDouble() * size, rng.nextDouble() * size, rng.nextDouble() * size,
                rng.nextDouble() * size, rng.nextDouble() * size, rng.nextDouble() * size, rng.nextDouble() * size));
    }

    /** An irregular lumpy polygon: many corners at jittered radii, unlike any of the eight classes. */
    private static void blob(Graphics2D g, int size, SplittableRandom rng) {
        double r = size * (0.02 + 0.12 * rng.nextDouble());
        double cx = rng.nextDouble() * size;
        double cy = rng.nextDouble() * size;
        int corners = 9 + rng.nextInt(8);
        Path2D.Double p = new Path2D.Double();
        double phase = rng.nextDouble() * 2 * Math.PI;
        for (int i = 0; i < corners; i++) {
            double a = phase + 2 * Math.PI * i / corners;
            double rr = r * (0.55 + 0.8 * rng.nextDouble());
            double x = cx + rr * Math.cos(a) * 1.3;
            double y = cy + rr * Math.sin(a) * 0.8;
            if (i == 0) {
                p.moveTo(x, y);
            } else {
                p.lineTo(x, y);
            }
        }
        p.closePath();
        g.setColor(Palette.withAlpha(rng.nextBoolean() ? Palette.muted(rng) : Palette.any(rng), 0.35 + 0.55 * rng.nextDouble()));
        g.fill(p);
    }

    /** A row of small glyph-like strokes, as from printed text (no fonts: identical on every machine). */
    private static void marks(Graphics2D g, int size, SplittableRandom rng) {
        double h = size * (0.02 + 0.035 * rng.nextDouble());
        double w = h * (0.5 + 0.3 * rng.nextDouble());
        int glyphs = 3 + rng.nextInt(8);
        double x0 = rng.nextDouble() * (size - glyphs * w * 1.3);
        double y0 = rng.nextDouble() * (size - h);
        Color c = rng.nextBoolean() ? new Color(20 + rng.nextInt(50), 20 + rng.nextInt(50), 20 + rng.nextInt(50))
                : new Color(200 + rng.nextInt(56), 200 + rng.nextInt(56), 200 + rng.nextInt(56));
        g.setColor(c);
        g.setStroke(new BasicStroke((float) Math.max(0.8, h * 0.12), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        for (int i = 0; i < glyphs; i++) {
            double x = x0 + i * w * 1.3;
            int strokes = 1 + rng.nextInt(3);
            for (int s = 0; s < strokes; s++) {
                switch (rng.nextInt(5)) {
                    case 0 -> g.draw(new Line2D.Double(x + w * rng.nextDouble(), y0, x + w * rng.nextDouble(), y0 + h));
                    case 1 -> {
                        double y = y0 + h * rng.nextDouble();
                        g.draw(new Line2D.Double(x, y, x + w, y));
                    }
                    case 2 -> g.draw(new Line2D.Double(x, y0 + h, x + w, y0));
                    case 3 -> g.draw(new Arc2D.Double(x, y0 + h * 0.3 * rng.nextDouble(), w, h * 0.6,
                            90 * rng.nextInt(4), 180, Arc2D.OPEN));
                    default -> g.fill(new Ellipse2D.Double(x + w * 0.4, y0 + h * 0.8, h * 0.15, h * 0.15));
                }
            }
        }
    }

    private static void speckles(Graphics2D g, int size, SplittableRandom rng) {
        int n = 15 + rng.nextInt(50);
        Color c = Palette.any(rng);
        for (int i = 0; i < n; i++) {
            double d = 0.8 + 1.6 * rng.nextDouble();
            g.setColor(Palette.withAlpha(c, 0.4 + 0.6 * rng.nextDouble()));
            g.fill(new Ellipse2D.Double(rng.nextDouble() * size, rng.nextDouble() * size, d, d));
        }
    }
}
