package org.convlab.nn;

import org.convlab.autograd.DType;
import org.convlab.autograd.Rng;
import org.convlab.autograd.Tensor;

/**
 * How a layer's weights are drawn (biases always start at zero). Every initialiser draws from an
 * explicit {@link Rng}, so the same seed gives the same network.
 */
public interface Init {
    /**
     * Draws a weight tensor.
     *
     * @param fanIn  inputs feeding each output unit (C·HH·WW for a conv, D for an affine layer)
     * @param fanOut outputs each input feeds (F·HH·WW for a conv, M for an affine layer)
     */
    Tensor weights(DType dtype, Rng rng, int fanIn, int fanOut, int... shape);

    /** Kaiming (He) normal for ReLU networks: standard deviation sqrt(2 / fanIn). */
    static Init kaiming() {
        return new Normal("kaiming", (in, out) -> Math.sqrt(2.0 / in));
    }

    /** Xavier (Glorot) normal: standard deviation sqrt(2 / (fanIn + fanOut)). */
    static Init xavier() {
        return new Normal("xavier", (in, out) -> Math.sqrt(2.0 / (in + out)));
    }

    /** CS231n's {@code weight_scale * randn(...)}: a fixed standard deviation. */
    static Init gaussian(double weightScale) {
        if (!(weightScale > 0)) {
            throw new IllegalArgumentException("Init.gaussian: weightScale must be positive, got " + weightScale);
        }
        return new Normal("gaussian(" + weightScale + ")", (in, out) -> weightScale);
    }

    /** The standard deviation of a normal initialiser as a function of the fans. */
    @FunctionalInterface
    interface FanRule {
        /** The standard deviation for these fans. */
        double std(int fanIn, int fanOut);
    }

    /**
     * Zero-mean normal weights.
     *
     * @param name how the initialiser prints
     * @param rule its standard deviation
     */
    record Normal(String name, FanRule rule) implements Init {
        @Override
        public Tensor weights(DType dtype, Rng rng, int fanIn, int fanOut, int... shape) {
            return Tensor.randn(dtype, rng, shape).mul(rule.std(fanIn, fanOut)).detach();
        }

        @Override
        public String toString() {
            return name;
        }
    }
}
