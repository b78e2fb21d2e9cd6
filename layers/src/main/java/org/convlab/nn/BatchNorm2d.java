package org.convlab.nn;

import org.convlab.autograd.Tensor;

/** Spatial batch normalisation of (N, C, H, W) images, per channel; see {@link F#spatialBatchNorm}. */
public final class BatchNorm2d extends BatchNormLayer {
    private BatchNorm2d(Builder<BatchNorm2d> b) {
        super(b, 4);
    }

    /** A builder; features (the channels C) is required. */
    public static Builder<BatchNorm2d> builder() {
        return new Builder<>(BatchNorm2d::new);
    }

    @Override
    Tensor normalize(Tensor x, Tensor gamma, Tensor beta, Tensor runningMean, Tensor runningVar) {
        return F.spatialBatchNorm(x, gamma, beta, runningMean, runningVar, isTraining(), momentum, eps);
    }
}
