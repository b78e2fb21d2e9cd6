package org.convlab.optim;

import java.util.Map;

import org.convlab.autograd.Tensor;

/**
 * Vanilla stochastic gradient descent, CS231n's {@code sgd}: {@code w -= lr·dw}. It keeps no state.
 * Default learning rate 1e-2.
 */
public final class Sgd extends Optimizer {

    private Sgd(Builder b, Map<String, Tensor> parameters) {
        super(parameters, b.learningRate, b.weightDecay);
    }

    /** A builder with CS231n's default learning rate, 1e-2. */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    protected Map<String, Tensor> initialState(Tensor parameter) {
        return Map.of();
    }

    @Override
    protected void update(Tensor parameter, Tensor gradient, Map<String, Tensor> slots) {
        kernels(parameter).sgd(parameter, gradient, learningRate(), weightDecay());
    }

    @Override
    protected String hyperparameters() {
        return "";
    }

    /** Options of {@link Sgd}. */
    public static final class Builder extends OptimizerOptions<Builder, Sgd> {
        private Builder() {
            super(1e-2);
        }

        @Override
        protected Builder self() {
            return this;
        }

        @Override
        public Sgd build(Map<String, Tensor> parameters) {
            return new Sgd(this, parameters);
        }
    }
}
