package org.convlab.nn;

import org.convlab.autograd.Tensor;

/** The rectifier {@code max(0, x)}, elementwise. */
public final class ReLU extends Module {
    @Override
    protected Tensor compute(Tensor x) {
        return F.relu(x);
    }

    @Override
    public int[] outputShape(int[] inputShape) {
        return inputShape.clone();
    }
}
