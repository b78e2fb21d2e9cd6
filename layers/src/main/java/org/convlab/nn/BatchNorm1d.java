package org.convlab.nn;

import org.convlab.autograd.Tensor;

/** Batch normalisation of (N, D) features; see {@link F#batchNorm}. */
public final class BatchNorm1d extends BatchNormLayer {
    private BatchNorm1d(Builder<BatchNorm1d> b) {
        super(b, 2);
    }

    /** A builder; features is required. */
    public static Builder<BatchNorm1d> builder() {
        return new Builder<>(BatchNorm1d::new);
    }

    @Override
    Tensor normalize(Tensor x, Tensor gamma, Tensor beta, Tensor runningMean, Tensor runningVar) {
        return F.batchNorm(x, gamma, beta, runningMean, runningVar, isTraining(), momentum, eps);
    }
}
