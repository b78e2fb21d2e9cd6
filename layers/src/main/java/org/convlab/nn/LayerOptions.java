package org.convlab.nn;

import org.convlab.autograd.DType;
import org.convlab.autograd.Rng;

/**
 * The options every layer builder shares: dtype, initialiser and the random source of its
 * weights. Builders extend it, so each option is spelled the same way everywhere.
 *
 * @param <B> the concrete builder, returned by every option for chaining
 */
public abstract class LayerOptions<B extends LayerOptions<B>> {
    DType dtype = DType.F32;
    Init init = Init.kaiming();
    Rng rng;

    /** The concrete builder. */
    protected abstract B self();

    /** The parameters' dtype (default float32; float64 for gradient checks). */
    public B dtype(DType value) {
        this.dtype = value;
        return self();
    }

    /** How the weights are drawn (default Kaiming). */
    public B init(Init value) {
        this.init = value;
        return self();
    }

    /** Draws the weights from a generator shared with other layers. */
    public B rng(Rng value) {
        this.rng = value;
        return self();
    }

    /** Draws the weights from {@code new Rng(seed)} (default seed 0). */
    public B seed(long seed) {
        this.rng = new Rng(seed);
        return self();
    }

    Rng rngOrDefault() {
        return rng != null ? rng : new Rng(0);
    }

    static int require(String layer, String option, Integer value) {
        if (value == null) {
            throw new IllegalArgumentException(layer + ": " + option + " is required");
        }
        if (value <= 0) {
            throw new IllegalArgumentException(layer + ": " + option + " must be positive, got " + value);
        }
        return value;
    }
}
