package org.convlab.optim;

import java.util.LinkedHashMap;
import java.util.Map;

import org.convlab.autograd.DType;
import org.convlab.autograd.Tensor;

/**
 * Adam, CS231n's {@code adam}, with bias correction:
 * <pre>
 * t = t + 1                          (before the correction: the first step uses t = 1)
 * m = β1·m + (1 − β1)·dw;   m̂ = m / (1 − β1^t)
 * v = β2·v + (1 − β2)·dw²;  v̂ = v / (1 − β2^t)
 * w −= lr·m̂ / (√v̂ + ε)               (ε outside the square root)
 * </pre>
 * State per parameter: {@value #FIRST_MOMENT} and {@value #SECOND_MOMENT} (shaped like the parameter,
 * starting at zero) and the step count {@value #STEP} (a float64 scalar holding an integer). Each
 * parameter counts its own steps, as in CS231n where every parameter has its own config. Defaults:
 * learning rate 1e-3, β1 0.9, β2 0.999, ε 1e-8.
 */
public final class Adam extends Optimizer {
    /** The state slot holding the first moment m. */
    public static final String FIRST_MOMENT = "m";
    /** The state slot holding the second moment v. */
    public static final String SECOND_MOMENT = "v";
    /** The state slot holding the step count t, a float64 scalar. */
    public static final String STEP = "t";

    private final double beta1;
    private final double beta2;
    private final double epsilon;

    private Adam(Builder b, Map<String, Tensor> parameters) {
        super(parameters, b.learningRate, b.weightDecay);
        if (!(b.beta1 >= 0 && b.beta1 < 1) || !(b.beta2 >= 0 && b.beta2 < 1)) {
            throw new IllegalArgumentException("Adam: beta1 and beta2 must be in [0, 1), got " + b.beta1 + " and " + b.beta2);
        }
        if (!(b.epsilon > 0)) {
            throw new IllegalArgumentException("Adam: epsilon must be positive, got " + b.epsilon);
        }
        this.beta1 = b.beta1;
        this.beta2 = b.beta2;
        this.epsilon = b.epsilon;
    }

    /** A builder with CS231n's defaults: learning rate 1e-3, β1 0.9, β2 0.999, ε 1e-8. */
    public static Builder builder() {
        return new Builder();
    }

    /** β1, the decay of the first moment. */
    public double beta1() {
        return beta1;
    }

    /** β2, the decay of the second moment. */
    public double beta2() {
        return beta2;
    }

    /** ε, added outside the square root. */
    public double epsilon() {
        return epsilon;
    }

    @Override
    protected Map<String, Tensor> initialState(Tensor parameter) {
        Map<String, Tensor> slots = new LinkedHashMap<>();
        slots.put(FIRST_MOMENT, Tensor.zeros(parameter.dtype(), parameter.shape()));
        slots.put(SECOND_MOMENT, Tensor.zeros(parameter.dtype(), parameter.shape()));
        slots.put(STEP, Tensor.scalar(DType.F64, 0));
        return slots;
    }

    @Override
    protected void update(Tensor parameter, Tensor gradient, Map<String, Tensor> slots) {
        double[] step = slots.get(STEP).doubleArray();
        step[0] += 1;
        double t = step[0];
        kernels(parameter).adam(parameter, gradient, slots.get(FIRST_MOMENT), slots.get(SECOND_MOMENT), learningRate(),
                beta1, beta2, epsilon, 1 - Math.pow(beta1, t), 1 - Math.pow(beta2, t), weightDecay());
    }

    @Override
    protected String hyperparameters() {
        return "beta1=" + format(beta1) + ", beta2=" + format(beta2) + ", eps=" + format(epsilon);
    }

    /** Options of {@link Adam}. */
    public static final class Builder extends OptimizerOptions<Builder, Adam> {
        private double beta1 = 0.9;
        private double beta2 = 0.999;
        private double epsilon = 1e-8;

        private Builder() {
            super(1e-3);
        }

        @Override
        protected Builder self() {
            return this;
        }

        /** β1, in [0, 1) (default 0.9). */
        public Builder beta1(double value) {
            this.beta1 = value;
            return this;
        }

        /** β2, in [0, 1) (default 0.999). */
        public Builder beta2(double value) {
            this.beta2 = value;
            return this;
        }

        /** ε, added outside the square root (default 1e-8). */
        public Builder epsilon(double value) {
            this.epsilon = value;
            return this;
        }

        @Override
        public Adam build(Map<String, Tensor> parameters) {
            return new Adam(this, parameters);
        }
    }
}
