package org.convlab.nn;

import org.convlab.autograd.Tensor;

/**
 * What {@link Linear} and {@link Conv2d} share: a weight drawn by the builder's {@link Init} from the
 * layer's fan-in and fan-out, and a bias of zeros, one per output.
 */
public abstract class WeightedLayer extends Module {
    WeightedLayer() {
    }

    /**
     * Registers the parameters; called once by the layer's constructor after it has checked its options.
     *
     * @param outputs     the bias's length: output features or filters
     * @param weightShape the weight's shape
     */
    final void registerWeightAndBias(LayerOptions<?> options, int fanIn, int fanOut, int outputs, int... weightShape) {
        registerParameter("weight", options.init.weights(options.dtype, options.rngOrDefault(), fanIn, fanOut, weightShape));
        registerParameter("bias", Tensor.zeros(options.dtype, outputs));
    }

    /** The weights: (D, M) for {@link Linear}, the filters (F, C, HH, WW) for {@link Conv2d}. */
    public Tensor weight() {
        return parameter("weight");
    }

    /** The bias: one value per output feature (M) or filter (F). */
    public Tensor bias() {
        return parameter("bias");
    }
}
