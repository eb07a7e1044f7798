package org.dsrcnn.viewer;

import javafx.scene.paint.Color;

/**
 * The colour of each DPG expert, shared by the mix chart, the weight heat map legend and the
 * expert boxes on the canvas so the three read together. Distinct from nothing in particular:
 * experts are few (4 in the paper), so a fixed qualitative palette is clearer than a hue wheel.
 */
public final class ExpertColors {

    private static final Color[] PALETTE = {
        Color.web("#1f77b4"), Color.web("#ff7f0e"), Color.web("#2ca02c"), Color.web("#d62728"),
        Color.web("#9467bd"), Color.web("#8c564b"), Color.web("#e377c2"), Color.web("#7f7f7f"),
    };

    private ExpertColors() {}

    /** The colour of expert {@code e} (0-based); wraps after 8 experts. */
    public static Color of(int e) {
        return PALETTE[Math.floorMod(e, PALETTE.length)];
    }
}
