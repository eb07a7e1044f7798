package org.dsrcnn.engine.model.roi;

/**
 * detectron2's {@code assign_boxes_to_levels}: a box of area A (input pixels) is pooled from level
 * floor(4 + log2(sqrt(A) / 224 + 1e-8)), clamped to [minLevel, maxLevel] (2..5 here, i.e. P2..P5;
 * canonical box 224 px -> P4). Degenerate boxes (area <= 0 or not a number) go to the finest level.
 */
public final class LevelAssigner {

    public static final int CANONICAL_SIZE = 224;
    public static final int CANONICAL_LEVEL = 4;

    private final int minLevel;
    private final int maxLevel;

    public LevelAssigner(int minLevel, int maxLevel) {
        if (minLevel > maxLevel) {
            throw new IllegalArgumentException("minLevel " + minLevel + " > maxLevel " + maxLevel);
        }
        this.minLevel = minLevel;
        this.maxLevel = maxLevel;
    }

    /** The level (2 = P2, stride 4) for an xyxy box in input pixels. */
    public int level(double x1, double y1, double x2, double y2) {
        double area = (x2 - x1) * (y2 - y1);
        if (!(area > 0)) {
            return minLevel;
        }
        double lvl =
                Math.floor(CANONICAL_LEVEL + Math.log(Math.sqrt(area) / CANONICAL_SIZE + 1e-8) / Math.log(2));
        if (lvl < minLevel) {
            return minLevel;
        }
        if (lvl > maxLevel) {
            return maxLevel;
        }
        return (int) lvl;
    }

    public int minLevel() {
        return minLevel;
    }

    public int maxLevel() {
        return maxLevel;
    }
}
