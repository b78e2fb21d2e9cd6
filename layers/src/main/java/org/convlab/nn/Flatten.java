package org.convlab.nn;

import org.convlab.autograd.Shapes;
import org.convlab.autograd.Tensor;

/** Flattens each sample: (N, d1, ..., dk) becomes (N, d1·...·dk). */
public final class Flatten extends Module {
    @Override
    protected Tensor compute(Tensor x) {
        return F.flatten(x);
    }

    @Override
    public int[] outputShape(int[] inputShape) {
        if (inputShape.length < 1) {
            throw new IllegalArgumentException("expected a batch axis, got " + Shapes.str(inputShape));
        }
        return new int[] {inputShape[0], Shapes.numel(inputShape) / inputShape[0]};
    }
}
