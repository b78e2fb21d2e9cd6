package org.convlab.nn;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.convlab.autograd.DType;
import org.convlab.autograd.NoGrad;
import org.convlab.autograd.Shapes;
import org.convlab.autograd.Tensor;

/**
 * A layer or a network: holds named parameters (tensors that require grad), buffers (state such as
 * batchnorm's running statistics) and child modules, and computes {@link #forward(Tensor)}.
 *
 * <p>Names are dotted paths, as in PyTorch: a {@link Sequential}'s third child's weight is
 * {@code 2.weight}. {@link #outputShape(int[])} infers shapes without data, so {@link #summary}
 * reports a mismatch, naming the layer, before anything runs.
 */
public abstract class Module {
    private final Map<String, Tensor> ownParameters = new LinkedHashMap<>();
    private final Map<String, Tensor> ownBuffers = new LinkedHashMap<>();
    private final Map<String, Module> children = new LinkedHashMap<>();
    private boolean training = true;

    /** Registers a parameter: marks it as requiring grad and names it; returns it. */
    protected final Tensor registerParameter(String name, Tensor value) {
        ownParameters.put(name, value.requiresGrad(true).named(name));
        return value;
    }

    /** Registers a buffer (saved with the parameters, never trained); returns it. */
    protected final Tensor registerBuffer(String name, Tensor value) {
        ownBuffers.put(name, value.named(name));
        return value;
    }

    /** Registers a child module; returns it. */
    protected final <M extends Module> M registerModule(String name, M module) {
        children.put(name, module);
        return module;
    }

    /** The computation of this module, called by {@link #forward(Tensor)}. */
    protected abstract Tensor compute(Tensor x);

    /**
     * Runs the module. A shape or value error is re-thrown with this module's description in front,
     * so the message says which layer refused the input.
     */
    public final Tensor forward(Tensor x) {
        try {
            return compute(x);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(describe() + ": " + e.getMessage(), e);
        }
    }

    /**
     * The output shape for an input shape, batch axis included, without running anything.
     *
     * @throws IllegalArgumentException naming the layer, when it cannot take that input
     */
    public abstract int[] outputShape(int[] inputShape);

    /** A one-line description, e.g. {@code Conv2d(3, 32, kernel=7×7, stride=1, pad=3)}. */
    public String describe() {
        return getClass().getSimpleName() + "(" + extraRepr() + ")";
    }

    /** The arguments shown inside {@link #describe()}; empty by default. */
    protected String extraRepr() {
        return "";
    }

    /** Parameters of this module and its descendants, by dotted name, in registration order. */
    public final Map<String, Tensor> parameters() {
        Map<String, Tensor> all = new LinkedHashMap<>(ownParameters);
        children.forEach((name, child) -> child.parameters().forEach((n, t) -> all.put(name + "." + n, t)));
        return Collections.unmodifiableMap(all);
    }

    /** Buffers of this module and its descendants, by dotted name. */
    public final Map<String, Tensor> buffers() {
        Map<String, Tensor> all = new LinkedHashMap<>(ownBuffers);
        children.forEach((name, child) -> child.buffers().forEach((n, t) -> all.put(name + "." + n, t)));
        return Collections.unmodifiableMap(all);
    }

    /** Parameters and buffers: everything a checkpoint must hold. */
    public final Map<String, Tensor> stateDict() {
        Map<String, Tensor> all = new LinkedHashMap<>(parameters());
        all.putAll(buffers());
        return Collections.unmodifiableMap(all);
    }

    /**
     * Copies values into the parameters and buffers with the same names. Every name must be present
     * with the right shape; nothing is changed unless all of them match.
     */
    public final void loadStateDict(Map<String, Tensor> state) {
        Map<String, Tensor> mine = stateDict();
        for (Map.Entry<String, Tensor> e : mine.entrySet()) {
            Tensor given = state.get(e.getKey());
            if (given == null) {
                throw Shapes.error("loadStateDict", "missing entry", e.getKey() + " (expected " + e.getValue().shapeString() + ")");
            }
            if (!Arrays.equals(given.shape(), e.getValue().shape())) {
                throw Shapes.error("loadStateDict", "shape differs for " + e.getKey(),
                        "expected " + e.getValue().shapeString() + ", got " + given.shapeString());
            }
        }
        try (NoGrad off = NoGrad.begin()) {
            mine.forEach((name, t) -> t.copyFrom(state.get(name)));
        }
    }

    /** The direct children, by name. */
    public final Map<String, Module> children() {
        return Collections.unmodifiableMap(children);
    }

    /** The number of trainable scalars. */
    public final long parameterCount() {
        return parameters().values().stream().mapToLong(Tensor::numel).sum();
    }

    /** Switches this module and its descendants to training mode (dropout active, batch statistics); returns this. */
    public Module train() {
        setTraining(true);
        return this;
    }

    /** Switches to evaluation mode (no dropout, running statistics); returns this. */
    public Module eval() {
        setTraining(false);
        return this;
    }

    private void setTraining(boolean mode) {
        training = mode;
        children.values().forEach(c -> c.setTraining(mode));
    }

    /** Whether the module is in training mode. */
    public final boolean isTraining() {
        return training;
    }

    /** Clears the gradients of all parameters. */
    public final void zeroGrad() {
        parameters().values().forEach(Tensor::zeroGrad);
    }

    /**
     * Converts every parameter and buffer to {@code dtype} in place (e.g. float64 for a gradient
     * check); returns this.
     */
    public Module to(DType dtype) {
        try (NoGrad off = NoGrad.begin()) {
            ownParameters.replaceAll((name, t) -> t.to(dtype).requiresGrad(true).named(name));
            ownBuffers.replaceAll((name, t) -> t.to(dtype).named(name));
        }
        children.values().forEach(c -> c.to(dtype));
        return this;
    }

    /** A parameter of this module by its own (undotted) name. */
    protected final Tensor parameter(String name) {
        return ownParameters.get(name);
    }

    /** A buffer of this module by its own (undotted) name. */
    protected final Tensor buffer(String name) {
        return ownBuffers.get(name);
    }

    /**
     * A table of every layer's output shape and parameter count for inputs of {@code inputShape}
     * (batch axis included), computed without data; a layer that cannot take its input is named.
     */
    public String summary(int... inputShape) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%-44s %-22s %12s%n", "layer", "output shape", "parameters"));
        sb.append(String.format(Locale.ROOT, "%-44s %-22s %12s%n", "input", Shapes.str(inputShape), ""));
        int[] out = summaryRows(sb, "", inputShape);
        sb.append(String.format(Locale.ROOT, "%-44s %-22s %,12d%n", "total", Shapes.str(out), parameterCount()));
        return sb.toString();
    }

    /** Appends this module's rows to a summary; containers list their children instead. */
    int[] summaryRows(StringBuilder sb, String path, int[] inputShape) {
        int[] out;
        try {
            out = outputShape(inputShape);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("summary: layer " + (path.isEmpty() ? "" : path + " ") + describe()
                    + " cannot take input " + Shapes.str(inputShape) + ": " + e.getMessage(), e);
        }
        long own = ownParameters.values().stream().mapToLong(Tensor::numel).sum();
        String label = (path.isEmpty() ? "" : "(" + path + ") ") + describe();
        sb.append(String.format(Locale.ROOT, "%-44s %-22s %,12d%n", label, Shapes.str(out), own));
        return out;
    }

    /** PyTorch-like text: the module, its layers and its parameter count. */
    @Override
    public String toString() {
        if (children.isEmpty()) {
            return describe();
        }
        StringBuilder sb = new StringBuilder(getClass().getSimpleName()).append("(\n");
        children.forEach((name, child) -> sb.append("  (").append(name).append("): ")
                .append(child.toString().replace("\n", "\n  ")).append('\n'));
        return sb.append(")  # ").append(String.format(Locale.ROOT, "%,d", parameterCount())).append(" parameters").toString();
    }
}
