package org.convlab.optim;

import java.util.Map;

import org.convlab.autograd.Tensor;

/**
 * The options every optimizer builder shares, spelled the same way everywhere: the learning rate and
 * the coupled L2 weight decay. Builders extend it and end with {@code build(model.parameters())}.
 *
 * @param <B> the concrete builder, returned by every option for chaining
 * @param <O> the optimizer it builds
 */
public abstract class OptimizerOptions<B extends OptimizerOptions<B, O>, O extends Optimizer> {
    double learningRate;
    double weightDecay;

    OptimizerOptions(double defaultLearningRate) {
        this.learningRate = defaultLearningRate;
    }

    /** The concrete builder. */
    protected abstract B self();

    /** The learning rate (CS231n's default for this rule unless set). */
    public B learningRate(double value) {
        this.learningRate = value;
        return self();
    }

    /**
     * Coupled L2 weight decay: the rule sees {@code dw + value·w} (default 0, off). See
     * {@link Optimizer}.
     */
    public B weightDecay(double value) {
        this.weightDecay = value;
        return self();
    }

    /**
     * The optimizer of these parameters, e.g. {@code model.parameters()}.
     *
     * @throws IllegalArgumentException if an option is out of range or there are no parameters
     */
    public abstract O build(Map<String, Tensor> parameters);
}
