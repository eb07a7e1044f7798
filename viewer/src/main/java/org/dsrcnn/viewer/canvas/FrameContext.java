package org.dsrcnn.viewer.canvas;

import javafx.scene.canvas.GraphicsContext;
import org.dsrcnn.engine.trace.DetectionTrace;

/**
 * What every layer draws with, for one frame.
 *
 * @param gc the canvas graphics context
 * @param transform original-image px to view px
 * @param width canvas width (view px)
 * @param height canvas height (view px)
 * @param state the shared data (trace, stage, detections, GT, layer switches, selection)
 * @param tags draws text tags (with a cached text measure)
 */
public record FrameContext(
        GraphicsContext gc, ViewTransform transform, double width, double height, OverlayState state, Tags tags) {

    /** The trace, or null. */
    public DetectionTrace trace() {
        return state.trace();
    }

    /** The stage to draw, clamped to 0..T (0 without a trace). */
    public int stage() {
        DetectionTrace t = state.trace();
        return t == null ? 0 : Math.max(0, Math.min(state.stage(), t.numStages()));
    }

    /** The selected proposal when it exists in the trace, else -1. */
    public int selectedProposal() {
        DetectionTrace t = state.trace();
        int p = state.selectedProposal();
        return t != null && p >= 0 && p < t.numProposals() ? p : -1;
    }

    /** The name of class {@code label} from the trace, else "class N" (or "?" for -1). */
    public String className(int label) {
        DetectionTrace t = state.trace();
        if (t != null && label >= 0 && label < t.classNames().size()) {
            return t.classNames().get(label);
        }
        return label < 0 ? "?" : "class " + label;
    }
}
