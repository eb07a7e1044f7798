package org.dsrcnn.engine.box;

import org.dsrcnn.engine.ndarray.Scalars;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.index.NDIndex;

/**
 * Box arithmetic on NDArrays whose last axis holds the 4 coordinates; every op is differentiable
 * (autograd flows through all of them) and the result lives on the input's manager.
 *
 * <p>Degenerate boxes follow {@link BoxOps}: sides below zero are clamped to 0, an empty union or
 * enclosing box is guarded by a floor of {@value #AREA_FLOOR} square pixels, so finite input never
 * gives NaN (two zero-area boxes have IoU 0 and GIoU 0, as in {@link BoxOps}).
 */
public final class NdBoxOps {

    /** Floor on a union or enclosing area, so 0 / 0 never happens. */
    public static final double AREA_FLOOR = 1e-7;

    private NdBoxOps() {}

    /** (..., 4) cxcywh to (..., 4) xyxy, same units. */
    public static NDArray cxcywhToXyxy(NDArray boxes) {
        NDArray c = boxes.get(new NDIndex("..., 0:2"));
        NDArray half = Scalars.mul(boxes.get(new NDIndex("..., 2:4")), 0.5f);
        return NDArrays.concat(new NDList(c.sub(half), c.add(half)), -1);
    }

    /** (..., 4) xyxy to (..., 4) cxcywh, same units. */
    public static NDArray xyxyToCxcywh(NDArray boxes) {
        NDArray lo = boxes.get(new NDIndex("..., 0:2"));
        NDArray hi = boxes.get(new NDIndex("..., 2:4"));
        return NDArrays.concat(new NDList(Scalars.mul(lo.add(hi), 0.5f), hi.sub(lo)), -1);
    }

    /**
     * Boxes (..., 4) divided by whwh, which broadcasts against them (e.g. (4) for one image or (P,4)
     * with one row per box): pixels to [0, 1] units.
     */
    public static NDArray normalize(NDArray boxes, NDArray whwh) {
        return boxes.div(whwh);
    }

    /** (..., 4) xyxy to (...) areas, negative sides clamped to 0. */
    public static NDArray area(NDArray boxes) {
        NDArray w = Scalars.maximum(boxes.get(new NDIndex("..., 2")).sub(boxes.get(new NDIndex("..., 0"))), 0f);
        NDArray h = Scalars.maximum(boxes.get(new NDIndex("..., 3")).sub(boxes.get(new NDIndex("..., 1"))), 0f);
        return w.mul(h);
    }

    /**
     * GIoU of matched pairs: a (P,4) and b (P,4) xyxy in the same pixel frame give (P) values in
     * [-1, 1]. This is what the GIoU loss uses: loss = sum(1 - pairedGiou).
     */
    public static NDArray pairedGiou(NDArray a, NDArray b) {
        return giou(a, b);
    }

    /** IoU of matched pairs: a (P,4), b (P,4) xyxy to (P). */
    public static NDArray pairedIou(NDArray a, NDArray b) {
        return iouAndUnion(a, b)[0];
    }

    /** All-pairs IoU: a (M,4), b (N,4) xyxy to (M,N). */
    public static NDArray pairwiseIou(NDArray a, NDArray b) {
        return iouAndUnion(a.expandDims(1), b.expandDims(0))[0];
    }

    /** All-pairs GIoU: a (M,4), b (N,4) xyxy to (M,N). */
    public static NDArray pairwiseGiou(NDArray a, NDArray b) {
        return giou(a.expandDims(1), b.expandDims(0));
    }

    /** GIoU of broadcastable (..., 4) xyxy arrays. */
    private static NDArray giou(NDArray a, NDArray b) {
        NDArray[] iouUnion = iouAndUnion(a, b);
        NDArray lo = a.get(new NDIndex("..., 0:2")).minimum(b.get(new NDIndex("..., 0:2")));
        NDArray hi = a.get(new NDIndex("..., 2:4")).maximum(b.get(new NDIndex("..., 2:4")));
        NDArray wh = Scalars.maximum(hi.sub(lo), 0f);
        NDArray enclosing = wh.get(new NDIndex("..., 0")).mul(wh.get(new NDIndex("..., 1")));
        NDArray guarded = Scalars.maximum(enclosing, (float) AREA_FLOOR);
        return iouUnion[0].sub(enclosing.sub(iouUnion[1]).div(guarded));
    }

    /** {IoU, union} of broadcastable (..., 4) xyxy arrays. */
    private static NDArray[] iouAndUnion(NDArray a, NDArray b) {
        NDArray lo = a.get(new NDIndex("..., 0:2")).maximum(b.get(new NDIndex("..., 0:2")));
        NDArray hi = a.get(new NDIndex("..., 2:4")).minimum(b.get(new NDIndex("..., 2:4")));
        NDArray wh = Scalars.maximum(hi.sub(lo), 0f);
        NDArray inter = wh.get(new NDIndex("..., 0")).mul(wh.get(new NDIndex("..., 1")));
        NDArray union = area(a).add(area(b)).sub(inter);
        return new NDArray[] {inter.div(Scalars.maximum(union, (float) AREA_FLOOR)), union};
    }
}
