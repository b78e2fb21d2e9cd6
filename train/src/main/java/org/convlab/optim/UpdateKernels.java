package org.convlab.optim;

import org.convlab.autograd.DType;
import org.convlab.autograd.Tensor;

/**
 * The elementwise update rules, one loop per rule over the live storage of a parameter, its gradient
 * and its state; implemented once per precision by {@code FloatUpdateKernels} and
 * {@code DoubleUpdateKernels}, generated from {@code TypeUpdateKernels.java.tmpl}.
 *
 * <p>Every rule first forms the coupled-L2 gradient {@code g = dw + weightDecay·w}, then applies
 * CS231n's formula to each element in double precision and rounds the results to the parameter's
 * type. Nothing is allocated per element.
 */
interface UpdateKernels {

    /** The kernels for parameters of {@code dtype}. */
    static UpdateKernels of(DType dtype) {
        return dtype == DType.F32 ? FloatUpdateKernels.INSTANCE : DoubleUpdateKernels.INSTANCE;
    }

    /** Vanilla SGD: {@code w -= lr·g}. */
    void sgd(Tensor w, Tensor dw, double lr, double weightDecay);

    /** Momentum: {@code v = μ·v − lr·g; w += v}. */
    void momentum(Tensor w, Tensor dw, Tensor velocity, double lr, double mu, double weightDecay);

    /** Nesterov momentum: {@code v_prev = v; v = μ·v − lr·g; w += −μ·v_prev + (1 + μ)·v}. */
    void nesterov(Tensor w, Tensor dw, Tensor velocity, double lr, double mu, double weightDecay);

    /** RMSProp: {@code cache = d·cache + (1 − d)·g²; w −= lr·g / (√cache + ε)}. */
    void rmsProp(Tensor w, Tensor dw, Tensor cache, double lr, double decay, double eps, double weightDecay);

    /**
     * Adam at step t: {@code m = β1·m + (1 − β1)·g; v = β2·v + (1 − β2)·g²;
     * w −= lr·(m / correction1) / (√(v / correction2) + ε)}.
     *
     * @param correction1 {@code 1 − β1^t}
     * @param correction2 {@code 1 − β2^t}
     */
    void adam(Tensor w, Tensor dw, Tensor m, Tensor v, double lr, double beta1, double beta2, double eps,
              double correction1, double correction2, double weightDecay);
}
