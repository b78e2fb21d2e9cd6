package org.convlab.nn.models;

import org.convlab.autograd.Rng;
import org.convlab.autograd.Shapes;
import org.convlab.autograd.Tensor;
import org.convlab.nn.F;
import org.convlab.nn.Init;

/**
 * A LeNet-style network: conv (F1 filters K×K, stride 1, pad (K−1)/2) – ReLU – 2×2 max-pool – conv (F2
 * filters K×K) – ReLU – 2×2 max-pool – affine – softmax. Each conv – ReLU – pool stage is one fused node
 * ({@link F#convReluPool}). Parameters W1, b1, W2, b2 (convolutions) and W3, b3 (affine); L2
 * regularisation {@code 0.5·reg·ΣW²} over W1…W3. Defaults: input 1×28×28 (Fashion-MNIST), 8 and 16
 * filters of 5×5, 10 classes, Kaiming initialisation (or a Gaussian weight scale when one is set), reg 0.
 */
public final class LeNet extends Model {
    private final int filterSize;

    private LeNet(Builder b) {
        super(b.inputShape, b.classes, b.reg);
        if (b.inputShape.length != 3) {
            throw new IllegalArgumentException("LeNet: input shape must be (C, H, W), got " + Shapes.str(b.inputShape));
        }
        if (b.filterSize < 1 || b.filterSize % 2 == 0) {
            throw new IllegalArgumentException("LeNet: filter size must be odd (pad (K−1)/2 keeps H), got "
                    + b.filterSize);
        }
        if (b.firstFilters < 1 || b.secondFilters < 1) {
            throw new IllegalArgumentException("LeNet: filter counts must be positive, got " + b.firstFilters + " and "
                    + b.secondFilters);
        }
        int c = b.inputShape[0];
        int h = b.inputShape[1];
        int w = b.inputShape[2];
        if (h % 4 != 0 || w % 4 != 0) {
            throw new IllegalArgumentException("LeNet: H and W must be multiples of 4 for the two 2×2 pools, got "
                    + Shapes.str(b.inputShape));
        }
        this.filterSize = b.filterSize;
        Init init = b.initializer();
        Rng rng = new Rng(b.seed);
        int k = b.filterSize;
        int flat = b.secondFilters * (h / 4) * (w / 4);
        registerParameter("W1", init.weights(b.dtype, rng, c * k * k, b.firstFilters * k * k, b.firstFilters, c, k, k));
        registerParameter("b1", Tensor.zeros(b.dtype, b.firstFilters));
        registerParameter("W2", init.weights(b.dtype, rng, b.firstFilters * k * k, b.secondFilters * k * k,
                b.secondFilters, b.firstFilters, k, k));
        registerParameter("b2", Tensor.zeros(b.dtype, b.secondFilters));
        registerParameter("W3", init.weights(b.dtype, rng, flat, b.classes, flat, b.classes));
        registerParameter("b3", Tensor.zeros(b.dtype, b.classes));
    }

    /** A builder with the defaults above. */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public Tensor scores(Tensor x) {
        int pad = (filterSize - 1) / 2;
        Tensor first = F.convReluPool(x, parameter("W1"), parameter("b1"), 1, pad, 2, 2, 2);
        Tensor second = F.convReluPool(first, parameter("W2"), parameter("b2"), 1, pad, 2, 2, 2);
        return F.affine(second, parameter("W3"), parameter("b3"));
    }

    @Override
    protected String extraRepr() {
        return "input=" + Shapes.str(inputShape()) + ", conv " + parameter("W1").size(0) + "×" + filterSize + "×"
                + filterSize + " – relu – pool 2×2 – conv " + parameter("W2").size(0) + "×" + filterSize + "×"
                + filterSize + " – relu – pool 2×2 – affine " + parameter("W3").size(0) + "→" + classes()
                + ", reg=" + reg();
    }

    /** Options of a {@link LeNet}, with the defaults above. */
    public static final class Builder extends ModelOptions<Builder> {
        private int firstFilters = 8;
        private int secondFilters = 16;
        private int filterSize = 5;

        private Builder() {
            super(1e-3);
            inputShape = new int[] {1, 28, 28};
            init = Init.kaiming();
        }

        @Override
        protected Builder self() {
            return this;
        }

        /** A Gaussian weight scale instead of the default Kaiming initialisation. */
        @Override
        public Builder weightScale(double value) {
            init = null;
            return super.weightScale(value);
        }

        /** Filters of the first and second convolution (default 8 and 16). */
        public Builder filters(int first, int second) {
            this.firstFilters = first;
            this.secondFilters = second;
            return this;
        }

        /** Filter size of both convolutions, odd (default 5). */
        public Builder filterSize(int value) {
            this.filterSize = value;
            return this;
        }

        /** The network. */
        public LeNet build() {
            return new LeNet(this);
        }
    }
}
