package org.dsrcnn.engine.model.roi;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.ndarray.types.DataType;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import org.dsrcnn.engine.ndarray.HostArrays;

/**
 * Multi-level RoIAlign (detectron2 {@code ROIPooler} with {@code ROIAlignV2}): each box is pooled
 * from the level chosen by {@link LevelAssigner} into S x S bins of the mean of g x g bilinear
 * samples (torchvision {@code roi_align}, aligned=True; see {@link RoiSampling}).
 *
 * <p>The engine has no roi_align op and a gather of every sample's four corner pixels would
 * materialise (boxes * S^2 * g^2 * 4, C) floats (hundreds of MB at B=8, N=100). Instead the sampling
 * weights form a sparse (boxes * S^2, pyramid pixels) matrix with at most 16 entries per row (fewer
 * for small boxes, whose samples share pixels), and the pooled features are one sparse x dense
 * product with the pixel-major pyramid. Its backward pass (the transposed product) carries the
 * gradient to the feature maps; the boxes get none, as in torchvision.
 */
public final class RoiAlign {

    private final int size;
    private final int samplingRatio;
    private final LevelAssigner assigner;

    /**
     * @param size S (7)
     * @param samplingRatio g (2); <= 0 for the adaptive ceil(roi size / S)
     * @param assigner level rule (P2..P5)
     */
    public RoiAlign(int size, int samplingRatio, LevelAssigner assigner) {
        if (size <= 0) {
            throw new IllegalArgumentException("pooler resolution must be positive, got " + size);
        }
        this.size = size;
        this.samplingRatio = samplingRatio;
        this.assigner = assigner;
    }

    /**
     * @param pyramid the FPN levels, pixel-major
     * @param boxes (B, N, 4) xyxy in input pixels (values read to the host; no gradient flows to them)
     * @return (B * N, S * S, C): row b * N + n, bin i * S + j (spatial-major, channel-minor)
     */
    public NDArray pool(FeaturePyramid pyramid, NDArray boxes) {
        Shape bs = boxes.getShape();
        if (bs.dimension() != 3 || bs.get(2) != 4 || bs.get(0) != pyramid.batch()) {
            throw new IllegalArgumentException(
                    "RoIAlign expects boxes (B=" + pyramid.batch() + ", N, 4), got " + bs);
        }
        int perImage = (int) bs.get(1);
        float[] coords = boxes.stopGradient().toFloatArray();
        RoiSampling.Coo coo = RoiSampling.weights(coords, perImage, pyramid, assigner, size, samplingRatio);
        NDArray pixels = pyramid.pixels();
        NDArray weights = sparseMatrix(pixels.getManager(), coo);
        NDArray pooled = weights.matMul(pixels);
        return pooled.reshape(bs.get(0) * perImage, (long) size * size, pyramid.channels());
    }

    /**
     * The weights as a sparse COO tensor whose index and value storage belongs to libtorch: host
     * arrays are views of Java buffers that die with their NDArray objects, while the sparse tensor
     * is kept by autograd until the backward pass (see {@link HostArrays}). The views are copied
     * ({@code stack}, {@code duplicate}) and closed at once.
     */
    private static NDArray sparseMatrix(NDManager manager, RoiSampling.Coo coo) {
        Shape n = new Shape(coo.nnz());
        NDArray index;
        NDArray values;
        try (NDArray rows = manager.create(coo.rows(), n, DataType.INT64);
                NDArray cols = manager.create(coo.cols(), n, DataType.INT64);
                NDArray valueView = manager.create(coo.values(), n, DataType.FLOAT32)) {
            index = rows.stack(cols); // (2, nnz), a libtorch copy
            values = valueView.duplicate();
        }
        if (!(index instanceof PtNDArray)) {
            throw new UnsupportedOperationException(
                    "RoIAlign needs the PyTorch engine (sparse COO tensors), got " + manager.getEngine().getEngineName());
        }
        return JniUtils.createSparseCoo(
                (PtNDArray) index, (PtNDArray) values, new Shape(coo.numRows(), coo.numCols()));
    }

    public int size() {
        return size;
    }

    public LevelAssigner assigner() {
        return assigner;
    }
}
