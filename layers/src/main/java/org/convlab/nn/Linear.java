package org.convlab.nn;

import org.convlab.autograd.Shapes;
import org.convlab.autograd.Tensor;

/**
 * A fully-connected (affine) layer with CS231n's layout: weight (D, M), bias (M),
 * {@code out = flatten(x)·W + b}; see {@link F#affine}.
 */
public final class Linear extends WeightedLayer {
    private final int inFeatures;
    private final int outFeatures;

    private Linear(Builder b) {
        this.inFeatures = LayerOptions.require("Linear", "inFeatures", b.inFeatures);
        this.outFeatures = LayerOptions.require("Linear", "outFeatures", b.outFeatures);
        registerWeightAndBias(b, inFeatures, outFeatures, outFeatures, inFeatures, outFeatures);
    }

    /** A builder; inFeatures and outFeatures are required. */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    protected Tensor compute(Tensor x) {
        return F.affine(x, weight(), bias());
    }

    @Override
    public int[] outputShape(int[] inputShape) {
        int features = inputShape.length < 2 ? -1 : Shapes.numel(inputShape) / inputShape[0];
        if (features != inFeatures) {
            throw new IllegalArgumentException("expected " + inFeatures + " features per sample, got "
                    + Shapes.str(inputShape) + (features > 0 ? " = " + features + " features" : ""));
        }
        return new int[] {inputShape[0], outFeatures};
    }

    @Override
    protected String extraRepr() {
        return inFeatures + " -> " + outFeatures;
    }

    /** Options of a {@link Linear} layer. */
    public static final class Builder extends LayerOptions<Builder> {
        private Integer inFeatures;
        private Integer outFeatures;

        private Builder() {
        }

        @Override
        protected Builder self() {
            return this;
        }

        /** Input features D per sample (required). */
        public Builder inFeatures(int value) {
            this.inFeatures = value;
            return this;
        }

        /** Output features M (required). */
        public Builder outFeatures(int value) {
            this.outFeatures = value;
            return this;
        }

        /** The layer. */
        public Linear build() {
            return new Linear(this);
        }
    }
}
