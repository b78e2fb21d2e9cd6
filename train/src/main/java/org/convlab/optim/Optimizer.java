package org.convlab.optim;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.convlab.autograd.NoGrad;
import org.convlab.autograd.Shapes;
import org.convlab.autograd.Tensor;

/**
 * A first-order optimizer with CS231n's update rules, bound to a model's named parameters.
 *
 * <p>{@link #step()} updates every parameter that has a gradient, in place, inside {@link NoGrad}, on
 * the live float32 or float64 storage; parameters without a gradient are left alone (their state does
 * not advance). Each parameter has its own state (velocity, cache, moments, step count), kept as named
 * tensors and readable and settable by parameter name, e.g. {@code adam.state("W1").get("m")}; a
 * checkpoint saves {@link #stateDict()} and restores it with {@link #loadStateDict(Map)}.
 *
 * <p><b>Weight decay</b> is classic coupled L2: the gradient used by the rule is
 * {@code g = dw + weightDecay·w}, for every parameter the optimizer updates (biases included), as in
 * PyTorch's {@code weight_decay}. It is off by default; CS231n's models regularise through their loss
 * instead (their {@code reg}, which spares the biases). It is not AdamW's decoupled decay.
 *
 * <pre>{@code
 * Optimizer adam = Adam.builder().learningRate(1e-3).build(model.parameters());
 * model.zeroGrad();
 * model.loss(x, y).backward();
 * adam.step();
 * }</pre>
 */
public abstract class Optimizer {
    private final Map<String, Tensor> parameters;
    private final Map<String, Map<String, Tensor>> state = new LinkedHashMap<>();
    private final double weightDecay;
    private double learningRate;

    /**
     * An optimizer of {@code parameters}, by name, in iteration order.
     *
     * @throws IllegalArgumentException if there are no parameters, the learning rate is not positive
     *     and finite, or the weight decay is negative
     */
    protected Optimizer(Map<String, Tensor> parameters, double learningRate, double weightDecay) {
        if (parameters.isEmpty()) {
            throw new IllegalArgumentException(getClass().getSimpleName() + ": no parameters to optimize");
        }
        if (!(weightDecay >= 0) || Double.isInfinite(weightDecay)) {
            throw new IllegalArgumentException(getClass().getSimpleName()
                    + ": weight decay must be non-negative and finite, got " + weightDecay);
        }
        if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
            throw new IllegalArgumentException(getClass().getSimpleName()
                    + ": learning rate must be positive and finite, got " + learningRate);
        }
        this.parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
        this.weightDecay = weightDecay;
        this.learningRate = learningRate;
    }

    /**
     * The fresh state of one parameter, by slot name, e.g. {@code m}, {@code v} and {@code t} for Adam;
     * called once per parameter, the first time its state is needed.
     */
    protected abstract Map<String, Tensor> initialState(Tensor parameter);

    /**
     * Applies the rule to one parameter, in place; called inside {@link NoGrad}.
     *
     * @param parameter the live parameter
     * @param gradient  its gradient, same shape and dtype
     * @param slots     its state, as made by {@link #initialState}, updated in place
     */
    protected abstract void update(Tensor parameter, Tensor gradient, Map<String, Tensor> slots);

    /** The hyperparameters shown by {@link #toString()} after the learning rate, e.g. {@code beta1=0.9}. */
    protected abstract String hyperparameters();

    /** Updates every parameter that has a gradient, in place, without recording a graph. */
    @SuppressWarnings("try") // the NoGrad scope is used for its effect only
    public final void step() {
        try (NoGrad off = NoGrad.begin()) {
            parameters.forEach((name, w) -> {
                Tensor dw = w.grad();
                if (dw != null) {
                    update(w, dw, slots(name));
                }
            });
        }
    }

    /** Clears the gradients of every parameter. */
    public final void zeroGrad() {
        parameters.values().forEach(Tensor::zeroGrad);
    }

    /** The current learning rate (a schedule may change it between steps). */
    public final double learningRate() {
        return learningRate;
    }

    /**
     * Sets the learning rate used by the next steps; 0 (the end of a cosine schedule) freezes the
     * parameters.
     *
     * @throws IllegalArgumentException if it is negative, NaN or infinite
     */
    public final void setLearningRate(double value) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(getClass().getSimpleName()
                    + ": learning rate must be non-negative and finite, got " + value);
        }
        this.learningRate = value;
    }

    /** The coupled L2 weight decay added to every gradient (0 when off). */
    public final double weightDecay() {
        return weightDecay;
    }

    /** The parameters, by name, in the order they were given. */
    public final Map<String, Tensor> parameters() {
        return parameters;
    }

    /**
     * The live state of one parameter, by slot name. Writing into these tensors (inside
     * {@link NoGrad}) changes the optimizer.
     *
     * @throws IllegalArgumentException if no parameter has that name
     */
    public final Map<String, Tensor> state(String parameter) {
        return Collections.unmodifiableMap(slots(checkName("state", parameter)));
    }

    /**
     * Copies values into some or all state slots of one parameter. Every given slot is checked (name,
     * shape) before anything is copied; values of another dtype are converted.
     *
     * @throws IllegalArgumentException if the parameter or a slot is unknown or a shape differs
     */
    @SuppressWarnings("try") // the NoGrad scope is used for its effect only
    public final void setState(String parameter, Map<String, Tensor> values) {
        Map<String, Tensor> mine = slots(checkName("setState", parameter));
        for (Map.Entry<String, Tensor> e : values.entrySet()) {
            Tensor target = mine.get(e.getKey());
            if (target == null) {
                throw Shapes.error("setState", "unknown slot '" + e.getKey() + "' for " + parameter,
                        "this optimizer keeps " + mine.keySet());
            }
            checkShape("setState", parameter + "." + e.getKey(), target, e.getValue());
        }
        try (NoGrad off = NoGrad.begin()) {
            values.forEach((slot, value) -> mine.get(slot).copyFrom(value));
        }
    }

    /**
     * The whole state as one flat map of live tensors, keyed {@code parameter.slot} (e.g.
     * {@code W1.m}), parameters in order: what a checkpoint saves.
     */
    public final Map<String, Tensor> stateDict() {
        Map<String, Tensor> all = new LinkedHashMap<>();
        parameters.keySet().forEach(name -> slots(name).forEach((slot, t) -> all.put(name + "." + slot, t)));
        return Collections.unmodifiableMap(all);
    }

    /**
     * Restores the whole state from a map shaped like {@link #stateDict()}. Every entry must be present
     * with the right shape and no other entry may be, and nothing is changed unless all of them match.
     *
     * @throws IllegalArgumentException naming the first missing, unexpected or misshapen entry
     */
    @SuppressWarnings("try") // the NoGrad scope is used for its effect only
    public final void loadStateDict(Map<String, Tensor> values) {
        Map<String, Tensor> mine = stateDict();
        for (Map.Entry<String, Tensor> e : mine.entrySet()) {
            Tensor given = values.get(e.getKey());
            if (given == null) {
                throw Shapes.error("loadStateDict", "missing optimizer state", e.getKey()
                        + " (expected " + e.getValue().shapeString() + ")");
            }
            checkShape("loadStateDict", e.getKey(), e.getValue(), given);
        }
        for (String key : values.keySet()) {
            if (!mine.containsKey(key)) {
                throw Shapes.error("loadStateDict", "unexpected optimizer state", key + " (this " + getClass().getSimpleName()
                        + " keeps " + String.join(", ", mine.keySet()) + ")");
            }
        }
        try (NoGrad off = NoGrad.begin()) {
            mine.forEach((key, t) -> t.copyFrom(values.get(key)));
        }
    }

    /** The class and its hyperparameters, e.g. {@code Adam(lr=1e-3, beta1=0.9, beta2=0.999, eps=1e-8)}. */
    @Override
    public String toString() {
        String extra = hyperparameters();
        return getClass().getSimpleName() + "(lr=" + format(learningRate) + (extra.isEmpty() ? "" : ", " + extra)
                + (weightDecay > 0 ? ", weightDecay=" + format(weightDecay) : "") + ")";
    }

    /**
     * A hyperparameter as it is usually written: {@code 0.9}, {@code 0.999}, {@code 1e-3},
     * {@code 2.5e-4}, {@code 1e-8}.
     */
    protected static String format(double value) {
        if (value != 0 && Math.abs(value) < 1e-2) {
            String[] parts = String.format(Locale.ROOT, "%.6e", value).split("e");
            String mantissa = new BigDecimal(parts[0]).stripTrailingZeros().toPlainString();
            return mantissa + "e" + Integer.parseInt(parts[1]);
        }
        return new BigDecimal(Double.toString(value)).stripTrailingZeros().toPlainString();
    }

    /** The kernels for this parameter's dtype. */
    static UpdateKernels kernels(Tensor parameter) {
        return UpdateKernels.of(parameter.dtype());
    }

    private Map<String, Tensor> slots(String name) {
        return state.computeIfAbsent(name, n -> new LinkedHashMap<>(initialState(parameters.get(n))));
    }

    private String checkName(String op, String parameter) {
        if (!parameters.containsKey(parameter)) {
            throw Shapes.error(op, "unknown parameter '" + parameter + "'", "parameters are " + parameters.keySet());
        }
        return parameter;
    }

    private static void checkShape(String op, String key, Tensor expected, Tensor given) {
        if (!Arrays.equals(expected.shape(), given.shape())) {
            throw Shapes.error(op, "shape differs for " + key,
                    "expected " + expected.shapeString() + ", got " + given.shapeString());
        }
    }
}
