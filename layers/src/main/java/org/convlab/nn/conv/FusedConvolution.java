package org.convlab.nn.conv;

import org.convlab.autograd.Autograd;
import org.convlab.autograd.Tensor;
import org.convlab.nn.ConvGeometry;
import org.convlab.nn.PoolWindow;

/**
 * The fused convolution ops behind {@link org.convlab.nn.F#conv2d} and {@link org.convlab.nn.F#convReluPool}:
 * each is one node of the autograd graph with a hand-written forward and backward, in float32 and float64.
 * They compute the same values and gradients as the composed ops ({@link org.convlab.nn.F#conv2dNaive},
 * {@link org.convlab.nn.F#relu}, {@link org.convlab.nn.F#maxPool2d}) without materialising the im2col
 * matrix; see {@code TypeConvolution.java.tmpl} for how the work is split.
 */
public final class FusedConvolution {
    private FusedConvolution() {
    }

    /**
     * Convolution: (N, C, H, W) * (F, C, HH, WW) + (F) → (N, F, H', W') with H' = 1 + (H + 2·pad − HH)/stride,
     * recorded as one {@code conv2d} node. The backward pass computes the input's gradient only when the
     * input requires grad.
     *
     * @param x      input (N, C, H, W)
     * @param w      filters (F, C, HH, WW)
     * @param b      bias (F)
     * @param stride step between receptive fields
     * @param pad    zero padding on every side
     * @return the output (N, F, H', W')
     * @throws IllegalArgumentException naming {@code conv2d} and the shapes, if they do not fit together
     */
    public static Tensor conv2d(Tensor x, Tensor w, Tensor b, int stride, int pad) {
        ConvGeometry g = ConvGeometry.of("conv2d", x, w, b, stride, pad);
        ConvKernels kernels = ConvKernels.of(x.dtype());
        Tensor out = Tensor.zeros(x.dtype(), g.outputShape());
        kernels.forward(g, x, w, b, out);
        return Autograd.record("conv2d", out, (grad, needs) -> kernels.backward(g, x, w, grad, needs), x, w, b);
    }

    /**
     * The conv – ReLU – max-pool sandwich as one {@code conv_relu_pool} node: {@code maxPool2d(relu(conv2d(x,
     * w, b, stride, pad)), poolH, poolW, poolStride)} in values and gradients (each window's gradient goes to
     * its first maximum), without storing the convolution's output: the forward pass keeps one position
     * per pooled output instead.
     *
     * @param x          input (N, C, H, W)
     * @param w          filters (F, C, HH, WW)
     * @param b          bias (F)
     * @param stride     the convolution's stride
     * @param pad        the convolution's zero padding
     * @param poolH      pooling window height
     * @param poolW      pooling window width
     * @param poolStride step between pooling windows
     * @return (N, F, 1 + (H' − poolH)/poolStride, 1 + (W' − poolW)/poolStride)
     * @throws IllegalArgumentException naming {@code convReluPool} and the shapes, if they do not fit together
     */
    public static Tensor convReluPool(Tensor x, Tensor w, Tensor b, int stride, int pad, int poolH, int poolW,
                                      int poolStride) {
        ConvGeometry g = ConvGeometry.of("convReluPool", x, w, b, stride, pad);
        PoolWindow pool = PoolWindow.of("convReluPool",
                "pooling window must be positive and fit the convolution's output", g.outputShape(), poolH, poolW,
                poolStride);
        ConvKernels kernels = ConvKernels.of(x.dtype());
        Tensor out = Tensor.zeros(x.dtype(), g.batch(), g.filters(), pool.outH(), pool.outW());
        int[] argmax = new int[out.numel()];
        kernels.forwardReluPool(g, pool, x, w, b, out, argmax);
        return Autograd.record("conv_relu_pool", out,
                (grad, needs) -> kernels.backwardReluPool(g, pool, x, w, grad, argmax, needs), x, w, b);
    }
}
