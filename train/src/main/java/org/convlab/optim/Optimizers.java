package org.convlab.optim;

import java.util.List;
import java.util.Map;

import org.convlab.autograd.Tensor;

/**
 * Optimizers by name, with CS231n's defaults besides the learning rate: the one place where
 * {@code ./convlab train} and the sweeps' trials turn an optimizer's name into its builder.
 */
public final class Optimizers {
    /** The names {@link #named} accepts. */
    public static final List<String> NAMES = List.of("adam", "sgd", "momentum", "nesterov", "rmsprop");

    private Optimizers() {
    }

    /**
     * The optimizer of that name: {@code adam}, {@code sgd}, {@code momentum} (μ 0.9), {@code nesterov}
     * (μ 0.9) or {@code rmsprop} (decay 0.99), with CS231n's defaults besides the learning rate.
     *
     * @param name         one of {@link #NAMES}
     * @param learningRate the learning rate
     * @param parameters   the named parameters it updates
     * @return the optimizer, bound to the parameters
     * @throws IllegalArgumentException if the name is not one of {@link #NAMES}
     */
    public static Optimizer named(String name, double learningRate, Map<String, Tensor> parameters) {
        return switch (name) {
            case "adam" -> Adam.builder().learningRate(learningRate).build(parameters);
            case "sgd" -> Sgd.builder().learningRate(learningRate).build(parameters);
            case "momentum" -> SgdMomentum.builder().learningRate(learningRate).build(parameters);
            case "nesterov" -> SgdMomentum.builder().learningRate(learningRate).nesterov(true).build(parameters);
            case "rmsprop" -> RmsProp.builder().learningRate(learningRate).build(parameters);
            default -> throw new IllegalArgumentException("optimizer must be one of " + String.join(", ", NAMES)
                    + ", got '" + name + "'");
        };
    }
}
