package org.convlab.autograd;

/**
 * The derivative rule of one op, written beside its forward: given the gradient of the loss with
 * respect to the op's output, returns the gradient with respect to each input. Runs with grad mode
 * off, so it may freely use tensor ops.
 */
@FunctionalInterface
public interface Backward {
    /**
     * @param gradOutput gradient with respect to the output (same shape and dtype); must not be modified
     * @param needsGrad  which inputs need a gradient; entries for the others may be null (no work for them)
     * @return one gradient per input, shaped like that input
     */
    Tensor[] apply(Tensor gradOutput, boolean[] needsGrad);
}
