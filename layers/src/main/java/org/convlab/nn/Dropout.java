package org.convlab.nn;

import org.convlab.autograd.Rng;
import org.convlab.autograd.Tensor;

/**
 * Inverted dropout in training mode, identity in evaluation mode; {@code keep} is the probability
 * of keeping a unit (CS231n's p; PyTorch's p is 1 − keep). Each forward pass draws a fresh mask
 * from the layer's seeded stream.
 */
public final class Dropout extends Module {
    private final double keep;
    private final Rng masks;

    private Dropout(Builder b) {
        if (b.keep == null || !(b.keep > 0 && b.keep <= 1)) {
            throw new IllegalArgumentException("Dropout: keep probability is required and must be in (0, 1], got " + b.keep);
        }
        this.keep = b.keep;
        this.masks = new Rng(b.seed);
    }

    /** A builder; keep is required. */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    protected Tensor compute(Tensor x) {
        return F.dropout(x, keep, isTraining(), masks.nextLong());
    }

    @Override
    public int[] outputShape(int[] inputShape) {
        return inputShape.clone();
    }

    @Override
    protected String extraRepr() {
        return "keep=" + keep;
    }

    /** Options of a {@link Dropout} layer. */
    public static final class Builder {
        private Double keep;
        private long seed;

        private Builder() {
        }

        /** Probability of keeping a unit, in (0, 1] (required). */
        public Builder keep(double value) {
            this.keep = value;
            return this;
        }

        /** Seed of the masks' stream (default 0). */
        public Builder seed(long value) {
            this.seed = value;
            return this;
        }

        /** The layer. */
        public Dropout build() {
            return new Dropout(this);
        }
    }
}
