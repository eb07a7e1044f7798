package org.dsrcnn.engine.infer;

import ai.djl.Device;
import ai.djl.engine.Engine;
import java.util.Locale;

/**
 * The {@code --device cpu|gpu|auto} choice. The engine creates every tensor of a forward pass on the
 * model's manager, i.e. on this device; the only host work per pass is the Java RoIAlign weights
 * (uploaded as one sparse matrix per stage) and, in training, the matchers. A GPU needs a CUDA build
 * of libtorch 2.7.1 (none is on Maven Central; see the README's GPU section).
 */
public final class Devices {

    private Devices() {}

    /**
     * @param choice "cpu", "gpu" (the first GPU; an error when there is none) or "auto" (a GPU when
     *     the engine sees one, else the CPU)
     * @throws IllegalArgumentException on another word, or "gpu" without a visible GPU
     */
    public static Device parse(String choice) {
        String c = choice == null ? "cpu" : choice.toLowerCase(Locale.ROOT);
        int gpus = c.equals("cpu") ? 0 : Engine.getInstance().getGpuCount();
        switch (c) {
            case "cpu":
                return Device.cpu();
            case "gpu":
                if (gpus == 0) {
                    throw new IllegalArgumentException("--device gpu: the PyTorch engine sees no GPU (this libtorch is "
                            + Engine.getInstance().getVersion() + " for CPU? set PYTORCH_LIBRARY_PATH to a CUDA build)");
                }
                return Device.gpu();
            case "auto":
                return gpus > 0 ? Device.gpu() : Device.cpu();
            default:
                throw new IllegalArgumentException("--device must be cpu, gpu or auto, got '" + choice + "'");
        }
    }
}
