package org.dsrcnn.engine.data.shapes;

import java.awt.Shape;
import java.awt.geom.Area;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.util.List;

/**
 * The eight object classes. Category ids in the written dataset are {@code ordinal() + 1}; the
 * contiguous labels are {@code ordinal()}.
 */
public enum ShapeClass {
    CIRCLE,
    SQUARE,
    TRIANGLE,
    STAR,
    HEXAGON,
    CROSS,
    RING,
    ARROW;

    /** All classes, in category order. */
    public static final List<ShapeClass> ALL = List.of(values());

    /** The class name written to {@code categories}. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The COCO category id (1-based). */
    public int categoryId() {
        return ordinal() + 1;
    }

    /**
     * The outline centred at the origin, inside the unit circle (its farthest point at radius
     * about 1), so a size is a radius in pixels for every class.
     */
    public Shape unitOutline() {
        return switch (this) {
            case CIRCLE -> new Ellipse2D.Double(-1, -1, 2, 2);
            case SQUARE -> new Rectangle2D.Double(-0.72, -0.72, 1.44, 1.44);
            case TRIANGLE -> polygon(3, 1.0, 1.0, -Math.PI / 2);
            case STAR -> polygon(5, 1.0, 0.45, -Math.PI / 2);
            case HEXAGON -> polygon(6, 1.0, 1.0, 0);
            case CROSS -> cross();
            case RING -> ring();
            case ARROW -> arrow();
        };
    }

    /** A regular polygon with {@code points} corners; alternating radii make a star. */
    private static Shape polygon(int points, double outer, double inner, double start) {
        Path2D.Double p = new Path2D.Double();
        int vertices = outer == inner ? points : 2 * points;
        for (int i = 0; i < vertices; i++) {
            double r = outer == inner || i % 2 == 0 ? outer : inner;
            double a = start + 2 * Math.PI * i / vertices;
            if (i == 0) {
                p.moveTo(r * Math.cos(a), r * Math.sin(a));
            } else {
                p.lineTo(r * Math.cos(a), r * Math.sin(a));
            }
        }
        p.closePath();
        return p;
    }

    private static Shape cross() {
        double arm = 0.3;
        Area a = new Area(new Rectangle2D.Double(-0.95, -arm, 1.9, 2 * arm));
        a.add(new Area(new Rectangle2D.Double(-arm, -0.95, 2 * arm, 1.9)));
        return a;
    }

    private static Shape ring() {
        Area a = new Area(new Ellipse2D.Double(-1, -1, 2, 2));
        a.subtract(new Area(new Ellipse2D.Double(-0.55, -0.55, 1.1, 1.1)));
        return a;
    }

    private static Shape arrow() {
        Path2D.Double p = new Path2D.Double();
        p.moveTo(-1, -0.2);
        p.lineTo(0.15, -0.2);
        p.lineTo(0.15, -0.55);
        p.lineTo(1, 0);
        p.lineTo(0.15, 0.55);
        p.lineTo(0.15, 0.2);
        p.lineTo(-1, 0.2);
        p.closePath();
        return p;
    }
}
