package org.dsrcnn.engine.model.layers;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.Initializer;
import ai.djl.util.PairList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Base block of the network. Unlike DJL's built-in blocks, every parameter gets its full shape when
 * the module is constructed (all shapes follow from the config), so the model can be counted and
 * described without allocating it, and every parameter has a readable dotted name such as {@code
 * head.stage3.dynamic_conv.dynamic_layer.weight} (PyTorch naming, so converted checkpoints map
 * one-to-one).
 *
 * <p>Modules are called through typed {@code forward} methods of their subclasses; the generic
 * {@link #forward(ParameterStore, NDList, boolean, PairList)} path is only supported by single-input
 * layers that override {@link #forwardInternal}.
 */
public abstract class Module extends AbstractBlock {

    private final LinkedHashMap<String, Module> modules = new LinkedHashMap<>();
    private final LinkedHashMap<String, Parameter> ownParameters = new LinkedHashMap<>();

    /**
     * Registers a named sub-module; the name becomes a segment of its parameters' names. The empty
     * name inlines the sub-module: its parameters are named as if they were this module's own (as
     * detectron2's {@code Conv2d} carries {@code weight} next to {@code norm.*}).
     */
    protected final <M extends Module> M register(String name, M module) {
        if (modules.containsKey(name)) {
            throw new IllegalArgumentException("duplicate module name " + name);
        }
        modules.put(name, module);
        addChildBlock(name, module);
        return module;
    }

    /** Creates a trainable parameter of a fixed shape. */
    protected final Parameter trainable(String name, Shape shape, Initializer initializer) {
        return newParameter(name, shape, initializer, true);
    }

    /**
     * Creates a parameter that is saved and loaded with the model but never trained (running
     * statistics, frozen affine terms): {@code requiresGradient() == false}.
     */
    protected final Parameter buffer(String name, Shape shape, Initializer initializer) {
        return newParameter(name, shape, initializer, false);
    }

    private Parameter newParameter(
            String name, Shape shape, Initializer initializer, boolean requiresGrad) {
        if (ownParameters.containsKey(name)) {
            throw new IllegalArgumentException("duplicate parameter name " + name);
        }
        Parameter p =
                Parameter.builder()
                        .setName(name)
                        .setType(Parameter.Type.OTHER)
                        .optShape(shape)
                        .optInitializer(initializer)
                        .optRequiresGrad(requiresGrad)
                        .build();
        ownParameters.put(name, p);
        addParameter(p);
        return p;
    }

    /** The directly registered sub-modules, in registration order. */
    public final Map<String, Module> modules() {
        return Collections.unmodifiableMap(modules);
    }

    /**
     * Adds this module's parameters and those of its sub-modules to {@code out}, in registration
     * order, named {@code prefix + "." + path} (or just the path when the prefix is empty).
     */
    public final void collectParameters(String prefix, Map<String, Parameter> out) {
        String dot = prefix.isEmpty() ? "" : prefix + ".";
        for (Map.Entry<String, Parameter> e : ownParameters.entrySet()) {
            String name = dot + e.getKey();
            if (out.put(name, e.getValue()) != null) {
                throw new IllegalStateException("two parameters are named " + name);
            }
        }
        for (Map.Entry<String, Module> e : modules.entrySet()) {
            String child = e.getKey().isEmpty() ? prefix : dot + e.getKey();
            e.getValue().collectParameters(child, out);
        }
    }

    /** Allocates and initialises every parameter of this module and its sub-modules (float32). */
    public final void initialize(NDManager manager) {
        initialize(manager, DataType.FLOAT32);
    }

    /** {@inheritDoc} Input shapes are ignored: every parameter shape is fixed at construction. */
    @Override
    public void initialize(NDManager manager, DataType dataType, Shape... inputShapes) {
        beforeInitialize(inputShapes);
        for (Parameter parameter : ownParameters.values()) {
            parameter.initialize(manager, dataType);
        }
        initializeChildBlocks(manager, dataType, inputShapes);
    }

    /** {@inheritDoc} */
    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        for (Module m : modules.values()) {
            m.initialize(manager, dataType, inputShapes);
        }
    }

    /** The value of a parameter for this forward pass, on the device of {@code like}. */
    protected static NDArray value(ParameterStore ps, Parameter p, NDArray like, boolean training) {
        return ps.getValue(p, like.getDevice(), training);
    }

    /**
     * Moves an array computed from a parameter (e.g. a reshaped weight) to the manager of an
     * activation, so that it is freed with the forward pass instead of living as long as the
     * model's parameters.
     */
    protected static NDArray scoped(NDArray fromParameter, NDArray activation) {
        fromParameter.attach(activation.getManager());
        return fromParameter;
    }

    /** {@link #scoped(NDArray, NDArray)} for every array of a list (e.g. a split weight). */
    protected static NDList scoped(NDList fromParameter, NDArray activation) {
        fromParameter.attach(activation.getManager());
        return fromParameter;
    }

    /** {@inheritDoc} */
    @Override
    protected NDList forwardInternal(
            ParameterStore parameterStore,
            NDList inputs,
            boolean training,
            PairList<String, Object> params) {
        throw new UnsupportedOperationException(
                getClass().getSimpleName() + " takes typed inputs: call its forward(...) method");
    }

    /** {@inheritDoc} */
    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        throw new UnsupportedOperationException(
                getClass().getSimpleName() + " takes typed inputs: its output shapes are documented on forward(...)");
    }
}
