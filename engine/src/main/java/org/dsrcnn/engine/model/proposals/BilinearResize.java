package org.dsrcnn.engine.model.proposals;

import org.dsrcnn.engine.ndarray.HostArrays;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/**
 * Bilinear resizing with {@code align_corners=False} (PyTorch {@code upsample_bilinear2d}, no
 * antialiasing) as two small matrix products, out = R_h x X x R_w^T. Written out because the
 * engine's bilinear interpolate antialiases when shrinking, and because the DPG resizes a single
 * channel, for which two matrix products are cheapest.
 *
 * <p>Output index o samples source coordinate max(0, (o + 0.5) * in / out - 0.5) between pixels
 * floor and floor + 1 (the last pixel repeats).
 */
public final class BilinearResize {

    private BilinearResize() {}

    /**
     * The (out, in) interpolation matrix along one axis.
     *
     * @return row-major out x in weights; each row sums to 1
     */
    public static float[] matrix(int in, int out) {
        float[] m = new float[out * in];
        double scale = (double) in / out;
        for (int o = 0; o < out; o++) {
            double src = Math.max(0, (o + 0.5) * scale - 0.5);
            int i0 = Math.min((int) src, in - 1);
            int i1 = i0 < in - 1 ? i0 + 1 : i0;
            double frac = src - i0;
            m[o * in + i0] += (float) (1 - frac);
            m[o * in + i1] += (float) frac;
        }
        return m;
    }

    /**
     * @param x (B, h, w)
     * @return (B, outH, outW)
     */
    public static NDArray resize(NDArray x, int outH, int outW) {
        Shape s = x.getShape();
        int h = (int) s.get(1);
        int w = (int) s.get(2);
        NDManager m = x.getManager();
        NDArray rh = HostArrays.owned(m, matrix(h, outH), new Shape(outH, h)).toDevice(x.getDevice(), false);
        NDArray rwT = HostArrays.owned(m, matrix(w, outW), new Shape(outW, w)).toDevice(x.getDevice(), false).transpose();
        return rh.matMul(x).matMul(rwT);
    }
}
