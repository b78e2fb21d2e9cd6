package org.convlab.nn;

import org.convlab.autograd.Shapes;
import org.convlab.autograd.Tensor;

/** Max pooling over windows of poolH × poolW moved by a stride; see {@link F#maxPool2d}. */
public final class MaxPool2d extends Module {
    private final int poolH;
    private final int poolW;
    private final int stride;

    private MaxPool2d(Builder b) {
        this.poolH = LayerOptions.require("MaxPool2d", "pool", b.poolH);
        this.poolW = LayerOptions.require("MaxPool2d", "pool", b.poolW);
        this.stride = LayerOptions.require("MaxPool2d", "stride", b.stride != null ? b.stride : b.poolH);
    }

    /** A builder; pool is required, stride defaults to the pool height. */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    protected Tensor compute(Tensor x) {
        return F.maxPool2d(x, poolH, poolW, stride);
    }

    @Override
    public int[] outputShape(int[] inputShape) {
        if (inputShape.length != 4 || inputShape[2] < poolH || inputShape[3] < poolW) {
            throw new IllegalArgumentException("expected (N, C, H, W) with H ≥ " + poolH + " and W ≥ " + poolW
                    + ", got " + Shapes.str(inputShape));
        }
        return new int[] {inputShape[0], inputShape[1], PoolWindow.pooledSize(inputShape[2], poolH, stride),
            PoolWindow.pooledSize(inputShape[3], poolW, stride)};
    }

    @Override
    protected String extraRepr() {
        return "pool=" + (poolH == poolW ? Integer.toString(poolH) : poolH + "×" + poolW) + ", stride=" + stride;
    }

    /** Options of a {@link MaxPool2d}. */
    public static final class Builder {
        private Integer poolH;
        private Integer poolW;
        private Integer stride;

        private Builder() {
        }

        /** A square window (required, or {@link #pool(int, int)}). */
        public Builder pool(int size) {
            return pool(size, size);
        }

        /** A window of poolH × poolW. */
        public Builder pool(int height, int width) {
            this.poolH = height;
            this.poolW = width;
            return this;
        }

        /** Step between windows (default: the pool height, i.e. no overlap for square windows). */
        public Builder stride(int value) {
            this.stride = value;
            return this;
        }

        /** The layer. */
        public MaxPool2d build() {
            return new MaxPool2d(this);
        }
    }
}
