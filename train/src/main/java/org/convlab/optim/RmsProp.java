package org.convlab.optim;

import java.util.Map;

import org.convlab.autograd.Tensor;

/**
 * RMSProp, CS231n's {@code rmsprop}:
 * {@code cache = d·cache + (1 − d)·dw²; w −= lr·dw / (√cache + ε)}, with ε added outside the square
 * root. State per parameter: {@value #CACHE} (shaped like the parameter, starts at zero). Defaults:
 * learning rate 1e-2, decay rate 0.99, ε 1e-8.
 */
public final class RmsProp extends Optimizer {
    /** The state slot holding the moving average of squared gradients. */
    public static final String CACHE = "cache";

    private final double decayRate;
    private final double epsilon;

    private RmsProp(Builder b, Map<String, Tensor> parameters) {
        super(parameters, b.learningRate, b.weightDecay);
        if (!(b.decayRate >= 0 && b.decayRate < 1)) {
            throw new IllegalArgumentException("RmsProp: decay rate must be in [0, 1), got " + b.decayRate);
        }
        if (!(b.epsilon > 0)) {
            throw new IllegalArgumentException("RmsProp: epsilon must be positive, got " + b.epsilon);
        }
        this.decayRate = b.decayRate;
        this.epsilon = b.epsilon;
    }

    /** A builder with CS231n's defaults: learning rate 1e-2, decay rate 0.99, ε 1e-8. */
    public static Builder builder() {
        return new Builder();
    }

    /** The decay rate d of the squared-gradient average. */
    public double decayRate() {
        return decayRate;
    }

    /** ε, added outside the square root. */
    public double epsilon() {
        return epsilon;
    }

    @Override
    protected Map<String, Tensor> initialState(Tensor parameter) {
        return Map.of(CACHE, Tensor.zeros(parameter.dtype(), parameter.shape()));
    }

    @Override
    protected void update(Tensor parameter, Tensor gradient, Map<String, Tensor> slots) {
        kernels(parameter).rmsProp(parameter, gradient, slots.get(CACHE), learningRate(), decayRate, epsilon,
                weightDecay());
    }

    @Override
    protected String hyperparameters() {
        return "decayRate=" + format(decayRate) + ", eps=" + format(epsilon);
    }

    /** Options of {@link RmsProp}. */
    public static final class Builder extends OptimizerOptions<Builder, RmsProp> {
        private double decayRate = 0.99;
        private double epsilon = 1e-8;

        private Builder() {
            super(1e-2);
        }

        @Override
        protected Builder self() {
            return this;
        }

        /** The decay rate d, in [0, 1) (default 0.99). */
        public Builder decayRate(double value) {
            this.decayRate = value;
            return this;
        }

        /** ε, added outside the square root (default 1e-8). */
        public Builder epsilon(double value) {
            this.epsilon = value;
            return this;
        }

        @Override
        public RmsProp build(Map<String, Tensor> parameters) {
            return new RmsProp(this, parameters);
        }
    }
}
