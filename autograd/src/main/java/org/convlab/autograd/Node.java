package org.convlab.autograd;

import java.util.Arrays;
import java.util.List;

/**
 * One recorded op in the autograd graph: its name, its inputs and its derivative rule. The tensor
 * it produced points to it through {@link Tensor#gradFn()}.
 */
public final class Node {
    private final String op;
    private final Tensor[] inputs;
    private final boolean[] needsGrad;
    private final Backward backward;
    private final Tensor output;

    Node(String op, Tensor[] inputs, boolean[] needsGrad, Backward backward, Tensor output) {
        this.op = op;
        this.inputs = inputs;
        this.needsGrad = needsGrad;
        this.backward = backward;
        this.output = output;
    }

    /** The op's name, e.g. {@code matmul}. */
    public String op() {
        return op;
    }

    /** The op's inputs, in order. */
    public List<Tensor> inputs() {
        return List.of(inputs);
    }

    /** The shape of the tensor this op produced. */
    public int[] outputShape() {
        return output.shape();
    }

    /** The dtype of the tensor this op produced. */
    public DType outputDType() {
        return output.dtype();
    }

    Tensor[] inputsRef() {
        return inputs;
    }

    boolean needsGrad(int input) {
        return needsGrad[input];
    }

    Tensor output() {
        return output;
    }

    Tensor[] applyBackward(Tensor gradOutput) {
        Tensor[] grads = backward.apply(gradOutput, needsGrad);
        if (grads.length != inputs.length) {
            throw new IllegalStateException(op + ": backward returned " + grads.length
                    + " gradients for " + inputs.length + " inputs");
        }
        for (int i = 0; i < grads.length; i++) {
            if (needsGrad[i]) {
                Tensor g = grads[i];
                if (g == null) {
                    throw new IllegalStateException(op + ": backward returned no gradient for input " + i);
                }
                if (!Arrays.equals(g.shapeRef(), inputs[i].shapeRef()) || g.dtype() != inputs[i].dtype()) {
                    throw new IllegalStateException(op + ": backward returned a gradient of shape "
                            + g.shapeString() + " " + g.dtype() + " for input " + i + " of shape "
                            + inputs[i].shapeString() + " " + inputs[i].dtype());
                }
            }
        }
        return grads;
    }

    @Override
    public String toString() {
        return op + " -> " + Shapes.str(output.shapeRef());
    }
}
