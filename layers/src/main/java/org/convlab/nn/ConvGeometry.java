package org.convlab.nn;

import org.convlab.autograd.Shapes;
import org.convlab.autograd.Tensor;

/**
 * The checked shapes of one convolution: input (N, C, H, W), filters (F, C, HH, WW), bias (F),
 * stride, pad, and the output size H' = 1 + (H + 2·pad − HH)/stride, W' likewise, which must be
 * positive whole numbers. Shared by the composed and the fused convolution so both reject the same
 * inputs with the same messages.
 *
 * @param batch    N
 * @param channels C
 * @param height   H
 * @param width    W
 * @param filters  F
 * @param kernelH  HH
 * @param kernelW  WW
 * @param stride   step between receptive fields
 * @param pad      zero padding on every side
 * @param outH     H'
 * @param outW     W'
 */
public record ConvGeometry(int batch, int channels, int height, int width, int filters, int kernelH, int kernelW,
                           int stride, int pad, int outH, int outW) {

    /** Checks the operands of {@code op} and computes the output size, or throws naming op and shapes. */
    public static ConvGeometry of(String op, Tensor x, Tensor w, Tensor b, int stride, int pad) {
        if (x.dim() != 4) {
            throw Shapes.error(op, "input must be (N, C, H, W)", "got " + x.shapeString());
        }
        if (w.dim() != 4) {
            throw Shapes.error(op, "weights must be (F, C, HH, WW)", "got " + w.shapeString());
        }
        if (w.size(1) != x.size(1)) {
            throw Shapes.error(op, "input channels differ from the weights' channels",
                    "x " + x.shapeString() + " has " + x.size(1) + ", w " + w.shapeString() + " expects " + w.size(1));
        }
        if (b.dim() != 1 || b.size(0) != w.size(0)) {
            throw Shapes.error(op, "bias must have one value per filter",
                    "b " + b.shapeString() + " for w " + w.shapeString());
        }
        Shapes.sameDType(op, x, w);
        Shapes.sameDType(op, x, b);
        return of(op, x.shape(), w.size(0), w.size(2), w.size(3), stride, pad);
    }

    /** The geometry for an input shape and a filter bank, e.g. for shape inference without data. */
    public static ConvGeometry of(String op, int[] inputShape, int filters, int kernelH, int kernelW, int stride, int pad) {
        if (stride <= 0 || pad < 0) {
            throw Shapes.error(op, "stride must be positive and pad non-negative", "stride " + stride + ", pad " + pad);
        }
        int outH = outputSize(op, "H", inputShape[2], kernelH, stride, pad);
        int outW = outputSize(op, "W", inputShape[3], kernelW, stride, pad);
        return new ConvGeometry(inputShape[0], inputShape[1], inputShape[2], inputShape[3], filters, kernelH, kernelW,
                stride, pad, outH, outW);
    }

    private static int outputSize(String op, String axis, int in, int kernel, int stride, int pad) {
        int span = in + 2 * pad - kernel;
        if (span < 0 || span % stride != 0) {
            throw Shapes.error(op, "output " + axis + " = 1 + (" + axis + " + 2·pad − kernel)/stride is not a positive whole number",
                    "1 + (" + in + " + 2·" + pad + " − " + kernel + ")/" + stride);
        }
        return 1 + span / stride;
    }

    /** The output shape (N, F, H', W'). */
    public int[] outputShape() {
        return new int[] {batch, filters, outH, outW};
    }

    /** Multiply-adds × 2 of the forward pass: 2·N·F·C·HH·WW·H'·W'. */
    public long forwardFlops() {
        return 2L * batch * filters * channels * kernelH * kernelW * outH * outW;
    }
}
