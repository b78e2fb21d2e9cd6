package org.convlab.nn;

import java.util.function.Function;

import org.convlab.autograd.DType;
import org.convlab.autograd.Shapes;
import org.convlab.autograd.Tensor;

/**
 * What {@link BatchNorm1d} and {@link BatchNorm2d} share: parameters gamma (ones) and beta
 * (zeros), buffers runningMean and runningVar (zeros, as in CS231n), momentum (0.9) and eps (1e-5).
 */
public abstract class BatchNormLayer extends Module {
    private final int features;
    private final int rank;
    /** Running-average momentum. */
    final double momentum;
    /** Added to the variance. */
    final double eps;

    BatchNormLayer(Builder<?> b, int rank) {
        this.features = LayerOptions.require(getClass().getSimpleName(), "features", b.features);
        this.rank = rank;
        this.momentum = b.momentum;
        this.eps = b.eps;
        registerParameter("gamma", Tensor.ones(b.dtype, features));
        registerParameter("beta", Tensor.zeros(b.dtype, features));
        registerBuffer("runningMean", Tensor.zeros(b.dtype, features));
        registerBuffer("runningVar", Tensor.zeros(b.dtype, features));
    }

    /** Applies the functional form with this layer's tensors and mode. */
    abstract Tensor normalize(Tensor x, Tensor gamma, Tensor beta, Tensor runningMean, Tensor runningVar);

    @Override
    protected Tensor compute(Tensor x) {
        return normalize(x, parameter("gamma"), parameter("beta"), buffer("runningMean"), buffer("runningVar"));
    }

    @Override
    public int[] outputShape(int[] inputShape) {
        if (inputShape.length != rank || inputShape[1] != features) {
            throw new IllegalArgumentException("expected " + (rank == 2 ? "(N, " + features + ")" : "(N, " + features + ", H, W)")
                    + ", got " + Shapes.str(inputShape));
        }
        return inputShape.clone();
    }

    @Override
    protected String extraRepr() {
        return features + ", eps=" + eps + ", momentum=" + momentum;
    }

    /**
     * Options of a batchnorm layer; features is required.
     *
     * @param <L> the layer it builds
     */
    public static final class Builder<L extends BatchNormLayer> {
        private final Function<Builder<L>, L> factory;
        private Integer features;
        private DType dtype = DType.F32;
        private double momentum = 0.9;
        private double eps = 1e-5;

        Builder(Function<Builder<L>, L> factory) {
            this.factory = factory;
        }

        /** Number of features D, or channels C for images (required). */
        public Builder<L> features(int value) {
            this.features = value;
            return this;
        }

        /** The parameters' dtype (default float32). */
        public Builder<L> dtype(DType value) {
            this.dtype = value;
            return this;
        }

        /** Running-average momentum (default 0.9, CS231n's). */
        public Builder<L> momentum(double value) {
            this.momentum = value;
            return this;
        }

        /** Added to the variance (default 1e-5). */
        public Builder<L> eps(double value) {
            this.eps = value;
            return this;
        }

        /** The layer. */
        public L build() {
            return factory.apply(this);
        }
    }
}
