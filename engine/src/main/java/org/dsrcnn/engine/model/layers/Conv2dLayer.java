package org.dsrcnn.engine.model.layers;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.Initializer;
import ai.djl.util.PairList;

/**
 * 2-D convolution of NCHW maps, square kernel, as {@code torch.nn.Conv2d}: weight (out, in/groups,
 * k, k) and optional bias (out).
 */
public final class Conv2dLayer extends Module {

    private final int in;
    private final int out;
    private final int kernel;
    private final int stride;
    private final int padding;
    private final int groups;
    private final Parameter weight;
    private final Parameter bias;

    /**
     * @param weightInit initialiser of the weight
     * @param biasInit initialiser of the bias, or null for a convolution without bias
     */
    public Conv2dLayer(
            int in,
            int out,
            int kernel,
            int stride,
            int padding,
            int groups,
            Initializer weightInit,
            Initializer biasInit) {
        if (in % groups != 0 || out % groups != 0) {
            throw new IllegalArgumentException(
                    "conv channels " + in + "->" + out + " not divisible by groups " + groups);
        }
        this.in = in;
        this.out = out;
        this.kernel = kernel;
        this.stride = stride;
        this.padding = padding;
        this.groups = groups;
        weight = trainable("weight", new Shape(out, in / groups, kernel, kernel), weightInit);
        bias = biasInit == null ? null : trainable("bias", new Shape(out), biasInit);
    }

    /**
     * @param x (B, in, H, W)
     * @return (B, out, floor((H + 2p - k) / s) + 1, same for W)
     */
    public NDArray forward(ParameterStore ps, NDArray x, boolean training) {
        NDArray w = value(ps, weight, x, training);
        NDArray b = bias == null ? null : value(ps, bias, x, training);
        NDArray input = x;
        int s = stride;
        if (kernel == 1 && stride > 1 && padding == 0) {
            // A strided 1x1 conv only reads every stride-th pixel, so subsample first and convolve
            // with stride 1 (identical output). Reason: oneDNN 3.7.1 (PyTorch 2.7.1 CPU) dies with
            // SIGFPE creating the backward-data kernel of 1x1 stride-2 convs with >= 512 input
            // channels on this AVX-512 machine (ResNet-50's res4/res5 shortcuts), killing the JVM.
            input = x.get(":, :, ::" + stride + ", ::" + stride);
            s = 1;
        }
        return Conv2d.conv2d(
                        input,
                        w,
                        b,
                        new Shape(s, s),
                        new Shape(padding, padding),
                        new Shape(1, 1),
                        groups)
                .singletonOrThrow();
    }

    public int inChannels() {
        return in;
    }

    public int outChannels() {
        return out;
    }

    /** {@inheritDoc} */
    @Override
    protected NDList forwardInternal(
            ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        return new NDList(forward(ps, inputs.singletonOrThrow(), training));
    }

    /** {@inheritDoc} */
    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape s = inputShapes[0];
        long h = (s.get(2) + 2L * padding - kernel) / stride + 1;
        long w = (s.get(3) + 2L * padding - kernel) / stride + 1;
        return new Shape[] {new Shape(s.get(0), out, h, w)};
    }
}
