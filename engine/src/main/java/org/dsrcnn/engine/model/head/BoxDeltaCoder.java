package org.dsrcnn.engine.model.head;

import org.dsrcnn.engine.ndarray.Scalars;
import org.dsrcnn.engine.ndarray.HostArrays;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import java.util.List;

/**
 * Sparse R-CNN's {@code apply_deltas}: with (wx, wy, ww, wh) weights and a max clamp on the size
 * deltas, box (x1, y1, x2, y2) and deltas d become
 *
 * <pre>
 *   w = x2 - x1, cx = x1 + w / 2          (likewise y, h)
 *   cx' = d0 / wx * w + cx                 cy' = d1 / wy * h + cy
 *   w'  = exp(min(d2 / ww, clamp)) * w     h'  = exp(min(d3 / wh, clamp)) * h
 *   out = (cx' - w'/2, cy' - h'/2, cx' + w'/2, cy' + h'/2)
 * </pre>
 *
 * Boxes are xyxy in input pixels; nothing is clipped.
 */
public final class BoxDeltaCoder {

    private final float[] inverseWeights;
    private final double scaleClamp;

    /**
     * @param weights (wx, wy, ww, wh), (2, 2, 1, 1) in Sparse R-CNN
     * @param scaleClamp max of d2 / ww and d3 / wh, log(100000 / 16)
     */
    public BoxDeltaCoder(List<Double> weights, double scaleClamp) {
        if (weights.size() != 4) {
            throw new IllegalArgumentException("head.boxWeights needs 4 values, got " + weights);
        }
        inverseWeights = new float[4];
        for (int i = 0; i < 4; i++) {
            if (!(weights.get(i) > 0)) {
                throw new IllegalArgumentException("head.boxWeights must be positive, got " + weights);
            }
            inverseWeights[i] = (float) (1.0 / weights.get(i));
        }
        this.scaleClamp = scaleClamp;
    }

    /**
     * @param deltas (R, 4)
     * @param boxes (R, 4) xyxy, input pixels
     * @return (R, 4) xyxy, input pixels
     */
    public NDArray decode(NDArray deltas, NDArray boxes) {
        NDArray d = deltas.mul(HostArrays.owned(deltas.getManager(), inverseWeights).toDevice(deltas.getDevice(), false));
        NDArray xy1 = boxes.get(":, :2");
        NDArray size = boxes.get(":, 2:").sub(xy1);
        NDArray centre = xy1.add(Scalars.mul(size, 0.5f));
        NDArray newCentre = d.get(":, :2").mul(size).add(centre);
        NDArray halfSize = Scalars.mul(Scalars.minimum(d.get(":, 2:"), (float) scaleClamp).exp().mul(size), 0.5f);
        return NDArrays.concat(new NDList(newCentre.sub(halfSize), newCentre.add(halfSize)), 1);
    }
}
