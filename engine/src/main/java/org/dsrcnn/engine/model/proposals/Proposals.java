package org.dsrcnn.engine.model.proposals;

import org.dsrcnn.engine.ndarray.Scalars;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import java.util.Locale;
import org.dsrcnn.engine.model.layers.Module;

/** Produces the proposal boxes and features that enter head stage 1. */
public abstract class Proposals extends Module {

    /**
     * @param pyramid P2..P5, (B, C, H_l, W_l)
     * @param imageWhwh (B, 4) = (w, h, w, h) of each unpadded input image
     */
    public abstract ProposalSet forward(
            ParameterStore ps, NDArray[] pyramid, NDArray imageWhwh, boolean training);

    /** Sets the softmax temperature of the expert weights; no-op without experts. */
    public void setTemperature(double tau) {}

    /** Current softmax temperature, NaN without experts. */
    public double temperature() {
        return Double.NaN;
    }

    /**
     * Normalised cxcywh boxes to xyxy input pixels.
     *
     * @param cxcywh (B or 1, ..., 4) in image units (0..1)
     * @param whwh (B, 4) = (w, h, w, h) of each image
     * @return (B, ..., 4) xyxy in input pixels
     */
    static NDArray toPixels(NDArray cxcywh, NDArray whwh) {
        NDArray centre = cxcywh.get("..., :2");
        NDArray half = Scalars.mul(cxcywh.get("..., 2:"), 0.5f);
        NDArray xyxy = centre.sub(half).concat(centre.add(half), -1);
        long[] shape = new long[xyxy.getShape().dimension()];
        java.util.Arrays.fill(shape, 1);
        shape[0] = whwh.getShape().get(0);
        shape[shape.length - 1] = 4;
        return xyxy.mul(whwh.reshape(new Shape(shape)));
    }

    /** The box-init modes of {@code proposals.boxInit}. */
    static boolean isRandomInit(String boxInit) {
        switch (boxInit.toLowerCase(Locale.ROOT)) {
            case "random":
                return true;
            case "whole_image":
                return false;
            default:
                throw new IllegalArgumentException(
                        "unknown proposals.boxInit '" + boxInit + "' (expected whole_image or random)");
        }
    }
}
