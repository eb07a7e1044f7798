package org.dsrcnn.engine.model.head;

import org.dsrcnn.engine.ndarray.Scalars;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import org.dsrcnn.engine.model.layers.Initializers;
import org.dsrcnn.engine.model.layers.LinearLayer;
import org.dsrcnn.engine.model.layers.Module;

/**
 * {@code torch.nn.MultiheadAttention(C, heads, dropout=0)} used as self-attention (q = k = v = x,
 * no positional encoding) among the N proposals of each image. Parameters {@code in_proj_weight}
 * (3C, C), {@code in_proj_bias} (3C, zeros), {@code out_proj.{weight,bias}} (bias zeros); weights
 * Xavier uniform as in Sparse R-CNN's head.
 */
public final class MultiHeadSelfAttention extends Module {

    private final int dim;
    private final int heads;
    private final Parameter inProjWeight;
    private final Parameter inProjBias;
    private final LinearLayer outProj;

    public MultiHeadSelfAttention(int dim, int heads) {
        if (heads <= 0 || dim % heads != 0) {
            throw new IllegalArgumentException(
                    "head.hiddenDim " + dim + " is not divisible by head.heads " + heads);
        }
        this.dim = dim;
        this.heads = heads;
        inProjWeight = trainable("in_proj_weight", new Shape(3L * dim, dim), Initializers.xavierUniform());
        inProjBias = trainable("in_proj_bias", new Shape(3L * dim), Initializers.constant(0));
        outProj =
                register(
                        "out_proj",
                        new LinearLayer(dim, dim, true, Initializers.xavierUniform(), Initializers.constant(0)));
    }

    /**
     * @param x (B, N, C) proposal features
     * @return (B, N, C) attention output (before the residual and norm)
     */
    public NDArray forward(ParameterStore ps, NDArray x, boolean training) {
        Shape s = x.getShape();
        long b = s.get(0);
        long n = s.get(1);
        long headDim = dim / heads;
        NDArray qkv =
                Linear.linear(x, value(ps, inProjWeight, x, training), value(ps, inProjBias, x, training))
                        .singletonOrThrow()
                        .reshape(b, n, 3, heads, headDim)
                        .transpose(2, 0, 3, 1, 4); // (3, B, heads, N, headDim)
        NDArray q = Scalars.mul(qkv.get(0), (float) (1.0 / Math.sqrt(headDim)));
        NDArray k = qkv.get(1);
        NDArray v = qkv.get(2);
        NDArray attention = q.matMul(k.transpose(0, 1, 3, 2)).softmax(-1); // (B, heads, N, N)
        NDArray out = attention.matMul(v).transpose(0, 2, 1, 3).reshape(b, n, dim);
        return outProj.forward(ps, out, training);
    }
}
