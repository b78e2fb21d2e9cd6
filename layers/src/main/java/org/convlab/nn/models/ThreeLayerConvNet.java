package org.convlab.nn.models;

import org.convlab.autograd.Rng;
import org.convlab.autograd.Shapes;
import org.convlab.autograd.Tensor;
import org.convlab.nn.F;
import org.convlab.nn.Init;

/**
 * CS231n's three-layer convolutional network:
 * conv (F filters HH×HH, stride 1, pad (HH−1)/2) – ReLU – 2×2 max-pool – affine – ReLU – affine –
 * softmax, the conv – ReLU – pool stage as one fused node ({@link F#convReluPool}). Parameters W1, b1
 * (conv), W2, b2 (hidden affine), W3, b3 (output affine), with CS231n's
 * defaults: input 3×32×32, 32 filters of 7×7, 100 hidden units, 10 classes, weights drawn as
 * {@code weightScale·randn} with weight scale 1e-3, reg 0.
 */
public final class ThreeLayerConvNet extends Model {
    private final int filterSize;

    private ThreeLayerConvNet(Builder b) {
        super(b.inputShape, b.classes, b.reg);
        if (b.inputShape.length != 3) {
            throw new IllegalArgumentException("ThreeLayerConvNet: input shape must be (C, H, W), got " + Shapes.str(b.inputShape));
        }
        if (b.filterSize % 2 == 0) {
            throw new IllegalArgumentException("ThreeLayerConvNet: filter size must be odd (pad (HH−1)/2 keeps H), got " + b.filterSize);
        }
        int c = b.inputShape[0];
        int h = b.inputShape[1];
        int w = b.inputShape[2];
        if (h % 2 != 0 || w % 2 != 0) {
            throw new IllegalArgumentException("ThreeLayerConvNet: H and W must be even for the 2×2 pool, got " + Shapes.str(b.inputShape));
        }
        this.filterSize = b.filterSize;
        Init init = b.initializer();
        Rng rng = new Rng(b.seed);
        int pooled = b.filters * (h / 2) * (w / 2);
        int k = b.filterSize;
        registerParameter("W1", init.weights(b.dtype, rng, c * k * k, b.filters * k * k, b.filters, c, k, k));
        registerParameter("b1", Tensor.zeros(b.dtype, b.filters));
        registerParameter("W2", init.weights(b.dtype, rng, pooled, b.hidden, pooled, b.hidden));
        registerParameter("b2", Tensor.zeros(b.dtype, b.hidden));
        registerParameter("W3", init.weights(b.dtype, rng, b.hidden, b.classes, b.hidden, b.classes));
        registerParameter("b3", Tensor.zeros(b.dtype, b.classes));
    }

    /** A builder with CS231n's defaults. */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public Tensor scores(Tensor x) {
        Tensor pooled = F.convReluPool(x, parameter("W1"), parameter("b1"), 1, (filterSize - 1) / 2, 2, 2, 2);
        Tensor hidden = F.relu(F.affine(pooled, parameter("W2"), parameter("b2")));
        return F.affine(hidden, parameter("W3"), parameter("b3"));
    }

    @Override
    protected String extraRepr() {
        Tensor w1 = parameter("W1");
        return "input=" + Shapes.str(inputShape()) + ", conv " + w1.size(0) + "×" + filterSize + "×" + filterSize
                + " – relu – pool 2×2 – affine " + parameter("W2").size(0) + "→" + parameter("W2").size(1)
                + " – relu – affine → " + classes() + ", reg=" + reg();
    }

    /** Options of a {@link ThreeLayerConvNet}, with CS231n's defaults. */
    public static final class Builder extends ModelOptions<Builder> {
        private int filters = 32;
        private int filterSize = 7;
        private int hidden = 100;

        private Builder() {
            super(1e-3);
        }

        @Override
        protected Builder self() {
            return this;
        }

        /** Number of conv filters (default 32). */
        public Builder filters(int value) {
            this.filters = value;
            return this;
        }

        /** Conv filter size, odd (default 7). */
        public Builder filterSize(int value) {
            this.filterSize = value;
            return this;
        }

        /** Hidden units of the first affine layer (default 100). */
        public Builder hidden(int value) {
            this.hidden = value;
            return this;
        }

        /** The network. */
        public ThreeLayerConvNet build() {
            return new ThreeLayerConvNet(this);
        }
    }
}
