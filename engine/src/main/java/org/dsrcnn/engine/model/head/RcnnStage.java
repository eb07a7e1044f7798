package org.dsrcnn.engine.model.head;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.training.ParameterStore;
import java.util.ArrayList;
import java.util.List;
import org.dsrcnn.engine.config.DsrcnnConfig;
import org.dsrcnn.engine.model.layers.Initializers;
import org.dsrcnn.engine.model.layers.LayerNormLayer;
import org.dsrcnn.engine.model.layers.LinearLayer;
import org.dsrcnn.engine.model.layers.Module;
import org.dsrcnn.engine.model.roi.FeaturePyramid;
import org.dsrcnn.engine.model.roi.RoiAlign;

/**
 * One stage of the dynamic head (Sparse R-CNN {@code RCNNHead}, dropout 0):
 *
 * <pre>
 *   roi  = RoIAlign(P2..P5, boxes)                          (B N, S^2, C)
 *   f    = norm1(f + self_attn(f))                          attention among each image's N proposals
 *   obj  = norm2(f + dynamic_conv(f, roi))
 *   obj  = norm3(obj + linear2(relu(linear1(obj))))
 *   cls  = [relu(LN(Linear_nobias(.)))] x clsLayers (obj);  reg likewise x regLayers
 *   logits = class_logits(cls);  boxes' = decode(bboxes_delta(reg), boxes)
 * </pre>
 *
 * Initialisation follows Sparse R-CNN: Xavier uniform for every weight matrix, PyTorch default
 * biases, attention biases 0, and class_logits.bias = -log((1 - p) / p) for the focal prior p.
 */
public final class RcnnStage extends Module {

    /** What a stage produces. */
    public record Result(
            /** (B, N, K) class logits. */
            NDArray logits,
            /** (B, N, 4) refined boxes, xyxy input pixels (with gradient to this stage's deltas). */
            NDArray boxes,
            /** (B, N, C) object features for the next stage. */
            NDArray features) {}

    private final RoiAlign roiAlign;
    private final MultiHeadSelfAttention selfAttn;
    private final LayerNormLayer norm1;
    private final DynamicConv dynamicConv;
    private final LayerNormLayer norm2;
    private final LinearLayer linear1;
    private final LinearLayer linear2;
    private final LayerNormLayer norm3;
    private final Tower clsTower;
    private final Tower regTower;
    private final LinearLayer classLogits;
    private final LinearLayer bboxesDelta;
    private final BoxDeltaCoder coder;

    public RcnnStage(DsrcnnConfig.Head cfg, RoiAlign roiAlign) {
        int c = cfg.hiddenDim();
        int bins = cfg.poolerResolution() * cfg.poolerResolution();
        this.roiAlign = roiAlign;
        selfAttn = register("self_attn", new MultiHeadSelfAttention(c, cfg.heads()));
        norm1 = register("norm1", new LayerNormLayer(c));
        dynamicConv = register("dynamic_conv", new DynamicConv(c, cfg.dimDynamic(), cfg.numDynamic(), bins));
        norm2 = register("norm2", new LayerNormLayer(c));
        linear1 = register("linear1", xavierLinear(c, cfg.feedforward(), true));
        linear2 = register("linear2", xavierLinear(cfg.feedforward(), c, true));
        norm3 = register("norm3", new LayerNormLayer(c));
        clsTower = register("cls_tower", new Tower(c, cfg.clsLayers()));
        regTower = register("reg_tower", new Tower(c, cfg.regLayers()));
        if (!(cfg.priorProb() > 0 && cfg.priorProb() < 1)) {
            throw new IllegalArgumentException("head.priorProb must lie in (0, 1), got " + cfg.priorProb());
        }
        double priorBias = -Math.log((1 - cfg.priorProb()) / cfg.priorProb());
        classLogits =
                register(
                        "class_logits",
                        new LinearLayer(c, cfg.numClasses(), true, Initializers.xavierUniform(),
                                Initializers.constant(priorBias)));
        bboxesDelta = register("bboxes_delta", xavierLinear(c, 4, true));
        coder = new BoxDeltaCoder(cfg.boxWeights(), cfg.scaleClamp());
    }

    private static LinearLayer xavierLinear(int in, int out, boolean bias) {
        return new LinearLayer(in, out, bias, Initializers.xavierUniform(), Initializers.defaultBias(in));
    }

    /**
     * @param pyramid P2..P5, pixel-major
     * @param boxes (B, N, 4) xyxy input pixels (read on the host for RoIAlign; gradient flows only
     *     through the delta decoding)
     * @param features (B, N, C)
     */
    public Result forward(
            ParameterStore ps, FeaturePyramid pyramid, NDArray boxes, NDArray features, boolean training) {
        Shape s = features.getShape();
        long b = s.get(0);
        long n = s.get(1);
        long c = s.get(2);
        NDArray roi = roiAlign.pool(pyramid, boxes);
        NDArray f = norm1.forward(ps, features.add(selfAttn.forward(ps, features, training)), training);
        f = f.reshape(b * n, c);
        NDArray obj = norm2.forward(ps, f.add(dynamicConv.forward(ps, f, roi, training)), training);
        NDArray ffn = linear2.forward(ps, Activation.relu(linear1.forward(ps, obj, training)), training);
        obj = norm3.forward(ps, obj.add(ffn), training);
        NDArray cls = clsTower.forward(ps, obj, training);
        NDArray reg = regTower.forward(ps, obj, training);
        NDArray logits = classLogits.forward(ps, cls, training).reshape(b, n, -1);
        NDArray deltas = bboxesDelta.forward(ps, reg, training);
        NDArray newBoxes = coder.decode(deltas, boxes.reshape(b * n, 4)).reshape(b, n, 4);
        return new Result(logits, newBoxes, obj.reshape(b, n, c));
    }

    /** clsLayers / regLayers x [Linear(C, C, no bias) -> LN -> ReLU], named {@code i.linear}, {@code i.norm}. */
    private static final class Tower extends Module {
        final List<Layer> layers = new ArrayList<>();

        Tower(int c, int count) {
            for (int i = 0; i < count; i++) {
                layers.add(register(Integer.toString(i), new Layer(c)));
            }
        }

        /** (R, C) -> (R, C). */
        NDArray forward(ParameterStore ps, NDArray x, boolean training) {
            NDArray y = x;
            for (Layer layer : layers) {
                y = Activation.relu(layer.norm.forward(ps, layer.linear.forward(ps, y, training), training));
            }
            return y;
        }
    }

    private static final class Layer extends Module {
        final LinearLayer linear;
        final LayerNormLayer norm;

        Layer(int c) {
            linear = register("linear", new LinearLayer(c, c, false, Initializers.xavierUniform(), null));
            norm = register("norm", new LayerNormLayer(c));
        }
    }
}
