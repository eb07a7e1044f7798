package org.dsrcnn.engine.model.layers;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.initializer.Initializer;

/**
 * PyTorch / detectron2 initialisers, by the names those libraries use. They draw from the engine's
 * random generator, so {@code Engine.getInstance().setRandomSeed(s)} makes initialisation
 * reproducible.
 *
 * <p>Fans follow PyTorch: for a weight of shape (out, in, k...) fan_in = in * prod(k) and fan_out =
 * out * prod(k).
 */
public final class Initializers {

    private Initializers() {}

    /** fan_in of a weight shape (out, in, k...). */
    public static long fanIn(Shape shape) {
        return shape.dimension() < 2 ? shape.get(0) : shape.get(1) * receptive(shape);
    }

    /** fan_out of a weight shape (out, in, k...). */
    public static long fanOut(Shape shape) {
        return shape.get(0) * receptive(shape);
    }

    private static long receptive(Shape shape) {
        long r = 1;
        for (int i = 2; i < shape.dimension(); i++) {
            r *= shape.get(i);
        }
        return r;
    }

    /** U(-b, b). */
    public static Initializer uniform(double bound) {
        return (NDManager m, Shape s, ai.djl.ndarray.types.DataType t) ->
                m.randomUniform((float) -bound, (float) bound, s, t);
    }

    /** {@code nn.init.xavier_uniform_}: U(±sqrt(6 / (fan_in + fan_out))). */
    public static Initializer xavierUniform() {
        return (m, s, t) -> {
            double bound = Math.sqrt(6.0 / (fanIn(s) + fanOut(s)));
            return m.randomUniform((float) -bound, (float) bound, s, t);
        };
    }

    /**
     * {@code nn.init.kaiming_uniform_(a)} with mode fan_in: U(±gain * sqrt(3 / fan_in)), gain =
     * sqrt(2 / (1 + a^2)). With a = sqrt(5) this is PyTorch's default Linear/Conv weight init,
     * U(±1/sqrt(fan_in)); with a = 1 it is detectron2's {@code c2_xavier_fill}.
     */
    public static Initializer kaimingUniform(double a) {
        return (m, s, t) -> {
            double gain = Math.sqrt(2.0 / (1 + a * a));
            double bound = gain * Math.sqrt(3.0 / fanIn(s));
            return m.randomUniform((float) -bound, (float) bound, s, t);
        };
    }

    /** detectron2's {@code c2_msra_fill}: kaiming normal, fan_out, ReLU gain: N(0, 2 / fan_out). */
    public static Initializer msraFill() {
        return (m, s, t) -> m.randomNormal(0f, (float) Math.sqrt(2.0 / fanOut(s)), s, t);
    }

    /** PyTorch's default bias of a Linear/Conv with the given fan_in: U(±1/sqrt(fan_in)). */
    public static Initializer defaultBias(long fanIn) {
        return uniform(1.0 / Math.sqrt(fanIn));
    }

    /** N(0, 1), PyTorch's {@code nn.Embedding} default. */
    public static Initializer standardNormal() {
        return (m, s, t) -> m.randomNormal(0f, 1f, s, t);
    }

    /** Every entry equal to {@code value}. */
    public static Initializer constant(double value) {
        return (m, s, t) -> m.full(s, (float) value, t);
    }
}
