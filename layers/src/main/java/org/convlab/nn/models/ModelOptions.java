package org.convlab.nn.models;

import org.convlab.autograd.DType;
import org.convlab.nn.Init;

/**
 * Options every model builder shares, spelled the same way everywhere: input shape, classes,
 * initialisation (CS231n's Gaussian weight scale, or another {@link Init}), L2 strength, dtype
 * and seed.
 *
 * @param <B> the concrete builder, returned by every option for chaining
 */
public abstract class ModelOptions<B extends ModelOptions<B>> {
    int[] inputShape = {3, 32, 32};
    int classes = 10;
    double weightScale;
    Init init;
    double reg;
    DType dtype = DType.F32;
    long seed;

    ModelOptions(double defaultWeightScale) {
        this.weightScale = defaultWeightScale;
    }

    /** The concrete builder. */
    protected abstract B self();

    /** Per-sample input shape (C, H, W) (default 3×32×32; 1×28×28 for Fashion-MNIST). */
    public B inputShape(int... shape) {
        this.inputShape = shape.clone();
        return self();
    }

    /** Number of classes (default 10). */
    public B classes(int value) {
        this.classes = value;
        return self();
    }

    /** Standard deviation of the Gaussian weights (CS231n's weight_scale). */
    public B weightScale(double value) {
        this.weightScale = value;
        return self();
    }

    /** Another initialiser instead of the Gaussian weight scale, e.g. {@link Init#kaiming()}. */
    public B init(Init value) {
        this.init = value;
        return self();
    }

    /** L2 regularisation strength, applied as 0.5·reg·ΣW² (default 0). */
    public B reg(double value) {
        this.reg = value;
        return self();
    }

    /** Parameter dtype (default float32). */
    public B dtype(DType value) {
        this.dtype = value;
        return self();
    }

    /** Seed of the initial weights (default 0). */
    public B seed(long value) {
        this.seed = value;
        return self();
    }

    /** The initialiser to use: the explicit one, or the Gaussian weight scale. */
    Init initializer() {
        return init != null ? init : Init.gaussian(weightScale);
    }
}
