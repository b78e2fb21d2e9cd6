package org.convlab.optim;

import java.util.Map;

import org.convlab.autograd.Tensor;

/**
 * SGD with momentum, CS231n's {@code sgd_momentum}, or with Nesterov momentum as in the CS231n notes.
 *
 * <ul>
 *   <li>classic: {@code v = μ·v − lr·dw; w += v}</li>
 *   <li>Nesterov: {@code v_prev = v; v = μ·v − lr·dw; w += −μ·v_prev + (1 + μ)·v}</li>
 * </ul>
 *
 * <p>State per parameter: {@value #VELOCITY} (shaped like the parameter, starts at zero). Defaults:
 * learning rate 1e-2, momentum μ = 0.9, classic.
 */
public final class SgdMomentum extends Optimizer {
    /** The state slot holding the velocity v. */
    public static final String VELOCITY = "velocity";

    private final double momentum;
    private final boolean nesterov;

    private SgdMomentum(Builder b, Map<String, Tensor> parameters) {
        super(parameters, b.learningRate, b.weightDecay);
        if (!(b.momentum >= 0 && b.momentum < 1)) {
            throw new IllegalArgumentException("SgdMomentum: momentum must be in [0, 1), got " + b.momentum);
        }
        this.momentum = b.momentum;
        this.nesterov = b.nesterov;
    }

    /** A builder with CS231n's defaults: learning rate 1e-2, momentum 0.9, classic momentum. */
    public static Builder builder() {
        return new Builder();
    }

    /** The momentum μ. */
    public double momentum() {
        return momentum;
    }

    /** Whether the Nesterov rule is used. */
    public boolean nesterov() {
        return nesterov;
    }

    @Override
    protected Map<String, Tensor> initialState(Tensor parameter) {
        return Map.of(VELOCITY, Tensor.zeros(parameter.dtype(), parameter.shape()));
    }

    @Override
    protected void update(Tensor parameter, Tensor gradient, Map<String, Tensor> slots) {
        Tensor velocity = slots.get(VELOCITY);
        if (nesterov) {
            kernels(parameter).nesterov(parameter, gradient, velocity, learningRate(), momentum, weightDecay());
        } else {
            kernels(parameter).momentum(parameter, gradient, velocity, learningRate(), momentum, weightDecay());
        }
    }

    @Override
    protected String hyperparameters() {
        return "momentum=" + format(momentum) + (nesterov ? ", nesterov" : "");
    }

    /** Options of {@link SgdMomentum}. */
    public static final class Builder extends OptimizerOptions<Builder, SgdMomentum> {
        private double momentum = 0.9;
        private boolean nesterov;

        private Builder() {
            super(1e-2);
        }

        @Override
        protected Builder self() {
            return this;
        }

        /** The momentum μ, in [0, 1) (default 0.9). */
        public Builder momentum(double value) {
            this.momentum = value;
            return this;
        }

        /** Uses Nesterov's rule instead of classic momentum (default false). */
        public Builder nesterov(boolean value) {
            this.nesterov = value;
            return this;
        }

        @Override
        public SgdMomentum build(Map<String, Tensor> parameters) {
            return new SgdMomentum(this, parameters);
        }
    }
}
