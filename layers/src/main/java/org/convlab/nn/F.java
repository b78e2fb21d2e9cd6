package org.convlab.nn;

import org.convlab.autograd.NoGrad;
import org.convlab.autograd.Rng;
import org.convlab.autograd.Shapes;
import org.convlab.autograd.Tensor;
import org.convlab.nn.conv.FusedConvolution;

/**
 * The functional API: every layer as a function of its inputs and parameters, with CS231n's numeric
 * conventions (NCHW images, conv weights (F, C, HH, WW), cross-correlation, zero padding, affine
 * weights (D, M), losses averaged over N). The {@link Module} classes hold parameters and call these.
 *
 * <p>Everything here except the fused convolutions ({@link #conv2d}, {@link #convReluPool}) is composed
 * from autograd primitives, so its gradient comes from their derivative rules and can be checked with
 * {@link org.convlab.autograd.GradCheck}; the fused ones are checked against the composed ones.
 */
public final class F {
    private F() {
    }

    /**
     * Convolution composed from primitives, the teaching version: zero-pad, {@code unfold} (im2col)
     * into (N, C·HH·WW, H'·W'), multiply by the weights viewed as (F, C·HH·WW), add the bias.
     *
     * @param x      input (N, C, H, W)
     * @param w      filters (F, C, HH, WW)
     * @param b      bias (F)
     * @param stride step between receptive fields
     * @param pad    zero padding on every side
     * @return (N, F, H', W') with H' = 1 + (H + 2·pad − HH)/stride
     */
    public static Tensor conv2dNaive(Tensor x, Tensor w, Tensor b, int stride, int pad) {
        ConvGeometry g = ConvGeometry.of("conv2dNaive", x, w, b, stride, pad);
        Tensor padded = pad == 0 ? x : x.pad(0, pad, pad, pad, pad);
        Tensor cols = padded.unfold(g.kernelH(), g.kernelW(), stride, 0);
        Tensor out = w.reshape(g.filters(), -1).matmul(cols);
        return out.add(b.reshape(1, g.filters(), 1)).reshape(g.batch(), g.filters(), g.outH(), g.outW());
    }

    /**
     * Convolution (N, C, H, W) * (F, C, HH, WW) + (F) → (N, F, H', W'), fused: one graph node whose forward
     * and backward are GEMMs over im2col panels packed straight from the input, with the same values and
     * gradients as {@link #conv2dNaive}; the input's gradient is computed only when it requires grad.
     *
     * @param x      input (N, C, H, W)
     * @param w      filters (F, C, HH, WW)
     * @param b      bias (F)
     * @param stride step between receptive fields
     * @param pad    zero padding on every side
     * @return (N, F, H', W') with H' = 1 + (H + 2·pad − HH)/stride
     */
    public static Tensor conv2d(Tensor x, Tensor w, Tensor b, int stride, int pad) {
        return FusedConvolution.conv2d(x, w, b, stride, pad);
    }

    /**
     * The conv – ReLU – max-pool sandwich, fused into one graph node: equal in values and gradients to
     * {@code maxPool2d(relu(conv2d(x, w, b, stride, pad)), poolH, poolW, poolStride)}, but it never stores
     * the convolution's output and makes no pass over it besides the pooling.
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
     */
    public static Tensor convReluPool(Tensor x, Tensor w, Tensor b, int stride, int pad, int poolH, int poolW,
                                      int poolStride) {
        return FusedConvolution.convReluPool(x, w, b, stride, pad, poolH, poolW, poolStride);
    }

    /** ReLU: {@code max(0, x)}; the gradient is 0 where {@code x <= 0}, as in CS231n. */
    public static Tensor relu(Tensor x) {
        return x.maximum(0);
    }

    /**
     * Max pooling over (poolH × poolW) windows moved by {@code stride}, composed from
     * {@code unfold} and {@code max}: the gradient goes to the first maximum of each window and
     * overlapping windows accumulate. H' = 1 + (H − poolH)/stride, rounded down like CS231n's.
     */
    public static Tensor maxPool2d(Tensor x, int poolH, int poolW, int stride) {
        if (x.dim() != 4) {
            throw Shapes.error("maxPool2d", "input must be (N, C, H, W)", "got " + x.shapeString());
        }
        PoolWindow window = PoolWindow.of("maxPool2d", "window must be positive and fit the input", x.shape(), poolH,
                poolW, stride);
        int n = x.size(0);
        int c = x.size(1);
        int outH = window.outH();
        int outW = window.outW();
        Tensor used = cropTo(x, (outH - 1) * stride + poolH, (outW - 1) * stride + poolW);
        Tensor windows = used.reshape(n * c, 1, used.size(2), used.size(3)).unfold(poolH, poolW, stride, 0);
        return windows.max(1, false).reshape(n, c, outH, outW);
    }

    private static Tensor cropTo(Tensor x, int h, int w) {
        Tensor t = h < x.size(2) ? x.slice(2, 0, h) : x;
        return w < x.size(3) ? t.slice(3, 0, w) : t;
    }

    /**
     * Fully-connected layer: x (N, d1, ..., dk) flattened row-major to (N, D), then {@code x·w + b}.
     *
     * @param w weights (D, M)
     * @param b bias (M)
     */
    public static Tensor affine(Tensor x, Tensor w, Tensor b) {
        if (w.dim() != 2 || b.dim() != 1 || b.size(0) != w.size(1)) {
            throw Shapes.error("affine", "weights must be (D, M) and bias (M)",
                    "w " + w.shapeString() + ", b " + b.shapeString());
        }
        if (x.dim() < 2 || x.numel() / x.size(0) != w.size(0)) {
            throw Shapes.error("affine", "input features per sample differ from the weights' D",
                    "x " + x.shapeString() + " has " + (x.dim() < 1 ? 0 : x.numel() / x.size(0))
                            + " features per sample, w " + w.shapeString() + " expects " + w.size(0));
        }
        return flatten(x).matmul(w).add(b);
    }

    /** Flattens every sample: (N, d1, ..., dk) becomes (N, d1·...·dk). */
    public static Tensor flatten(Tensor x) {
        if (x.dim() < 1) {
            throw Shapes.error("flatten", "input must have a batch axis", "got " + x.shapeString());
        }
        return x.reshape(x.size(0), -1);
    }

    /**
     * Inverted dropout, with CS231n's convention: each unit is <em>kept</em> with probability
     * {@code p} and scaled by 1/p, so nothing changes at test time (PyTorch's p is 1 − p).
     *
     * @param p        probability of keeping a unit, in (0, 1]
     * @param training at test time (false) the input is returned unchanged
     * @param seed     the mask's seed: the same seed drops the same units
     */
    public static Tensor dropout(Tensor x, double p, boolean training, long seed) {
        if (!(p > 0 && p <= 1)) {
            throw Shapes.error("dropout", "keep probability p must be in (0, 1]", "got " + p);
        }
        if (!training || p == 1) {
            return x;
        }
        Tensor mask;
        try (NoGrad off = NoGrad.begin()) {
            mask = Tensor.uniform(x.dtype(), new Rng(seed), 0, 1, x.shape()).lt(p).mul(1.0 / p);
        }
        return x.mul(mask);
    }

    /**
     * Batch normalisation of (N, D) features, as in CS231n: in training mode normalises with the
     * batch mean and variance (dividing by N) and updates the running statistics in place,
     * {@code running = momentum·running + (1 − momentum)·batch}; in test mode uses the running ones.
     *
     * @param gamma       scale (D)
     * @param beta        shift (D)
     * @param runningMean running mean (D), updated in training mode
     * @param runningVar  running variance (D), updated in training mode
     * @param momentum    CS231n's default is 0.9
     * @param eps         CS231n's default is 1e-5
     */
    public static Tensor batchNorm(Tensor x, Tensor gamma, Tensor beta, Tensor runningMean, Tensor runningVar,
                                   boolean training, double momentum, double eps) {
        if (x.dim() != 2) {
            throw Shapes.error("batchNorm", "input must be (N, D)", "got " + x.shapeString());
        }
        return normalize("batchNorm", x, new int[] {0}, new int[] {x.size(1)}, gamma, beta, runningMean, runningVar,
                training, momentum, eps);
    }

    /**
     * Spatial batch normalisation of (N, C, H, W) images: batch normalisation per channel over N, H
     * and W, with parameters and running statistics of shape (C); see {@link #batchNorm}.
     */
    public static Tensor spatialBatchNorm(Tensor x, Tensor gamma, Tensor beta, Tensor runningMean, Tensor runningVar,
                                          boolean training, double momentum, double eps) {
        if (x.dim() != 4) {
            throw Shapes.error("spatialBatchNorm", "input must be (N, C, H, W)", "got " + x.shapeString());
        }
        return normalize("spatialBatchNorm", x, new int[] {0, 2, 3}, new int[] {1, x.size(1), 1, 1}, gamma, beta,
                runningMean, runningVar, training, momentum, eps);
    }

    private static Tensor normalize(String op, Tensor x, int[] axes, int[] statShape, Tensor gamma, Tensor beta,
                                    Tensor runningMean, Tensor runningVar, boolean training, double momentum, double eps) {
        int features = x.size(1);
        for (Tensor t : new Tensor[] {gamma, beta, runningMean, runningVar}) {
            if (t.dim() != 1 || t.size(0) != features) {
                throw Shapes.error(op, "parameters and running statistics must have shape [" + features + "]",
                        "input " + x.shapeString() + ", got " + t.shapeString());
            }
        }
        Tensor mean;
        Tensor var;
        if (training) {
            mean = x.mean(axes, true);
            Tensor centred = x.sub(mean);
            var = centred.mul(centred).mean(axes, true);
            try (NoGrad off = NoGrad.begin()) {
                runningMean.mulInPlace(momentum).addInPlace(1 - momentum, mean.reshape(features));
                runningVar.mulInPlace(momentum).addInPlace(1 - momentum, var.reshape(features));
            }
        } else {
            mean = runningMean.reshape(statShape);
            var = runningVar.reshape(statShape);
        }
        Tensor normalized = x.sub(mean).div(var.add(eps).sqrt());
        return normalized.mul(gamma.reshape(statShape)).add(beta.reshape(statShape));
    }

    /**
     * Multiclass SVM (hinge) loss averaged over N, as in CS231n: for each sample,
     * {@code Σ_{j≠y} max(0, s_j − s_y + 1)}; the correct class is skipped.
     *
     * @param scores (N, C) class scores
     * @param y      N labels in [0, C)
     */
    public static Tensor svmLoss(Tensor scores, int[] y) {
        checkLabels("svmLoss", scores, y);
        Tensor correct = scores.pick(y).unsqueeze(1);
        Tensor margins = scores.sub(correct).add(1).maximum(0);
        return margins.mul(otherClassMask(scores, y)).sum().div(scores.size(0));
    }

    /**
     * Softmax (cross-entropy) loss averaged over N, as in CS231n: each row's maximum is subtracted
     * before exponentiating (inside {@code logSumExp}), so logits of ±1e4 do not overflow.
     *
     * @param scores (N, C) class scores
     * @param y      N labels in [0, C)
     */
    public static Tensor softmaxLoss(Tensor scores, int[] y) {
        checkLabels("softmaxLoss", scores, y);
        return scores.logSumExp(1, false).sub(scores.pick(y)).mean();
    }

    /** L2 regularisation as in the CS231n networks: {@code 0.5·reg·ΣW²} over the given weights (never biases). */
    public static Tensor l2Regularization(double reg, Tensor... weights) {
        if (weights.length == 0) {
            throw Shapes.error("l2Regularization", "needs at least one weight tensor", "");
        }
        Tensor total = null;
        for (Tensor w : weights) {
            Tensor sq = w.mul(w).sum();
            total = total == null ? sq : total.add(sq);
        }
        return total.mul(0.5 * reg);
    }

    /** 1 everywhere except at each row's correct class. */
    private static Tensor otherClassMask(Tensor scores, int[] y) {
        Tensor mask = Tensor.ones(scores.dtype(), scores.shape());
        for (int i = 0; i < y.length; i++) {
            mask.set(0, i, y[i]);
        }
        return mask;
    }

    private static void checkLabels(String op, Tensor scores, int[] y) {
        if (scores.dim() != 2) {
            throw Shapes.error(op, "scores must be (N, C)", "got " + scores.shapeString());
        }
        if (y.length != scores.size(0)) {
            throw Shapes.error(op, "one label per row of scores is needed",
                    y.length + " labels for scores " + scores.shapeString());
        }
        for (int i = 0; i < y.length; i++) {
            if (y[i] < 0 || y[i] >= scores.size(1)) {
                throw Shapes.error(op, "label out of range", "label " + y[i] + " at index " + i
                        + " for " + scores.size(1) + " classes");
            }
        }
    }
}
