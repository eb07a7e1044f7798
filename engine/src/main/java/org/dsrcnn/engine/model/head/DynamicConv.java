package org.dsrcnn.engine.model.head;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import org.dsrcnn.engine.model.layers.Initializers;
import org.dsrcnn.engine.model.layers.LayerNormLayer;
import org.dsrcnn.engine.model.layers.LinearLayer;
import org.dsrcnn.engine.model.layers.Module;

/**
 * Sparse R-CNN's instance interaction: each proposal feature generates the two 1x1 "convolution"
 * kernels applied to its own RoI features.
 *
 * <pre>
 *   params = dynamic_layer(feat)                       (R, 2 C D)
 *   P1 = params[:, :C D] as (C, D), P2 = params[:, C D:] as (D, C)   (row-major)
 *   x = relu(norm1(roi @ P1))                           (R, S^2, D)
 *   x = relu(norm2(x @ P2))                             (R, S^2, C)
 *   out = relu(norm3(out_layer(flatten(x))))            flatten index = s * C + c
 * </pre>
 *
 * Only num_dynamic = 2 exists in Sparse R-CNN (the two products above).
 */
public final class DynamicConv extends Module {

    private final int dim;
    private final int dimDynamic;
    private final LinearLayer dynamicLayer;
    private final LayerNormLayer norm1;
    private final LayerNormLayer norm2;
    private final LinearLayer outLayer;
    private final LayerNormLayer norm3;

    /**
     * @param dim C
     * @param dimDynamic D
     * @param numDynamic must be 2
     * @param bins S^2, RoI bins per proposal
     */
    public DynamicConv(int dim, int dimDynamic, int numDynamic, int bins) {
        if (numDynamic != 2) {
            throw new IllegalArgumentException(
                    "head.numDynamic must be 2 (Sparse R-CNN's two dynamic 1x1 layers), got " + numDynamic);
        }
        this.dim = dim;
        this.dimDynamic = dimDynamic;
        dynamicLayer =
                register(
                        "dynamic_layer",
                        new LinearLayer(dim, numDynamic * dim * dimDynamic, true, Initializers.xavierUniform(),
                                Initializers.defaultBias(dim)));
        norm1 = register("norm1", new LayerNormLayer(dimDynamic));
        norm2 = register("norm2", new LayerNormLayer(dim));
        outLayer =
                register(
                        "out_layer",
                        new LinearLayer(dim * bins, dim, true, Initializers.xavierUniform(),
                                Initializers.defaultBias((long) dim * bins)));
        norm3 = register("norm3", new LayerNormLayer(dim));
    }

    /**
     * @param features (R, C) proposal features
     * @param roi (R, S^2, C) pooled RoI features
     * @return (R, C)
     */
    public NDArray forward(ParameterStore ps, NDArray features, NDArray roi, boolean training) {
        long r = features.getShape().get(0);
        // params = dynamic_layer(features) split in half along the outputs; splitting the weight and
        // bias instead of the (R, 2CD) output is the same product, but its backward concatenates
        // two (CD, C) weight gradients rather than two (R, CD) activation gradients
        NDList w = scoped(value(ps, dynamicLayer.weight(), features, training).split(2, 0), features);
        NDList b = scoped(value(ps, dynamicLayer.bias(), features, training).split(2, 0), features);
        NDArray p1 = Linear.linear(features, w.get(0), b.get(0)).singletonOrThrow().reshape(r, dim, dimDynamic);
        NDArray p2 = Linear.linear(features, w.get(1), b.get(1)).singletonOrThrow().reshape(r, dimDynamic, dim);
        NDArray x = Activation.relu(norm1.forward(ps, roi.matMul(p1), training));
        x = Activation.relu(norm2.forward(ps, x.matMul(p2), training));
        Shape s = x.getShape();
        x = x.reshape(r, s.get(1) * s.get(2));
        return Activation.relu(norm3.forward(ps, outLayer.forward(ps, x, training), training));
    }
}
