package org.convlab.nn;

import org.convlab.autograd.Shapes;
import org.convlab.autograd.Tensor;

/** A convolution layer: filters (F, C, HH, WW) and bias (F), computed by the fused {@link F#conv2d}. */
public final class Conv2d extends WeightedLayer {
    private final int inChannels;
    private final int outChannels;
    private final int kernelH;
    private final int kernelW;
    private final int stride;
    private final int pad;

    private Conv2d(Builder b) {
        this.inChannels = LayerOptions.require("Conv2d", "inChannels", b.inChannels);
        this.outChannels = LayerOptions.require("Conv2d", "outChannels", b.outChannels);
        this.kernelH = LayerOptions.require("Conv2d", "kernel", b.kernelH);
        this.kernelW = LayerOptions.require("Conv2d", "kernel", b.kernelW);
        this.stride = LayerOptions.require("Conv2d", "stride", b.stride);
        if (b.pad < 0) {
            throw new IllegalArgumentException("Conv2d: pad must be non-negative, got " + b.pad);
        }
        this.pad = b.pad;
        int fanIn = inChannels * kernelH * kernelW;
        int fanOut = outChannels * kernelH * kernelW;
        registerWeightAndBias(b, fanIn, fanOut, outChannels, outChannels, inChannels, kernelH, kernelW);
    }

    /** A builder; inChannels, outChannels and kernel are required. */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    protected Tensor compute(Tensor x) {
        return F.conv2d(x, weight(), bias(), stride, pad);
    }

    @Override
    public int[] outputShape(int[] inputShape) {
        if (inputShape.length != 4 || inputShape[1] != inChannels) {
            throw new IllegalArgumentException("expected input (N, " + inChannels + ", H, W), got "
                    + Shapes.str(inputShape));
        }
        return ConvGeometry.of("Conv2d", inputShape, outChannels, kernelH, kernelW, stride, pad).outputShape();
    }

    @Override
    protected String extraRepr() {
        String kernel = kernelH == kernelW ? Integer.toString(kernelH) : kernelH + "×" + kernelW;
        return inChannels + ", " + outChannels + ", kernel=" + kernel + ", stride=" + stride + ", pad=" + pad;
    }

    /** Options of a {@link Conv2d}. */
    public static final class Builder extends LayerOptions<Builder> {
        private Integer inChannels;
        private Integer outChannels;
        private Integer kernelH;
        private Integer kernelW;
        private Integer stride = 1;
        private int pad;

        private Builder() {
        }

        @Override
        protected Builder self() {
            return this;
        }

        /** Input channels C (required). */
        public Builder inChannels(int value) {
            this.inChannels = value;
            return this;
        }

        /** Number of filters F (required). */
        public Builder outChannels(int value) {
            this.outChannels = value;
            return this;
        }

        /** A square kernel (required, or {@link #kernel(int, int)}). */
        public Builder kernel(int size) {
            return kernel(size, size);
        }

        /** A kernel of HH × WW. */
        public Builder kernel(int height, int width) {
            this.kernelH = height;
            this.kernelW = width;
            return this;
        }

        /** Stride (default 1). */
        public Builder stride(int value) {
            this.stride = value;
            return this;
        }

        /** Zero padding on every side (default 0). */
        public Builder pad(int value) {
            this.pad = value;
            return this;
        }

        /** The layer. */
        public Conv2d build() {
            return new Conv2d(this);
        }
    }
}
