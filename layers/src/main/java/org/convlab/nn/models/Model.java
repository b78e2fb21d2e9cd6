package org.convlab.nn.models;

import java.util.ArrayList;
import java.util.List;

import org.convlab.autograd.NoGrad;
import org.convlab.autograd.Shapes;
import org.convlab.autograd.Tensor;
import org.convlab.nn.F;
import org.convlab.nn.Module;

/**
 * A classifier in the CS231n style: {@link #scores(Tensor)} gives class scores (N, C) and
 * {@link #loss(Tensor, int[])} the scalar training loss, softmax data loss plus
 * {@code 0.5·reg·ΣW²} over the weights W1, W2, ... (never biases); {@code loss(...).backward()}
 * fills every parameter's gradient.
 */
public abstract class Model extends Module {
    private final int[] inputShape;
    private final int classes;
    private final double reg;

    /** A model for per-sample inputs of {@code inputShape}, {@code classes} classes and L2 strength {@code reg}. */
    protected Model(int[] inputShape, int classes, double reg) {
        if (classes < 2) {
            throw new IllegalArgumentException(getClass().getSimpleName() + ": at least 2 classes are needed, got " + classes);
        }
        if (reg < 0) {
            throw new IllegalArgumentException(getClass().getSimpleName() + ": reg must be non-negative, got " + reg);
        }
        this.inputShape = inputShape.clone();
        this.classes = classes;
        this.reg = reg;
    }

    /** Class scores (N, C) for a batch of inputs. */
    public abstract Tensor scores(Tensor x);

    /** Softmax loss averaged over the batch plus L2 regularisation of the weights. */
    public Tensor loss(Tensor x, int[] y) {
        Tensor data = F.softmaxLoss(scores(x), y);
        return reg == 0 ? data : data.add(F.l2Regularization(reg, weights()));
    }

    /** The per-sample input shape the model was built for, e.g. {3, 32, 32}. */
    public final int[] inputShape() {
        return inputShape.clone();
    }

    /** The number of classes. */
    public final int classes() {
        return classes;
    }

    /** The L2 regularisation strength. */
    public final double reg() {
        return reg;
    }

    /** (N, classes) for inputs (N, inputShape...); anything else is refused. */
    @Override
    public final int[] outputShape(int[] shape) {
        boolean matches = shape.length == inputShape.length + 1;
        for (int i = 0; matches && i < inputShape.length; i++) {
            matches = shape[i + 1] == inputShape[i];
        }
        if (!matches) {
            throw new IllegalArgumentException("expected (N, " + Shapes.str(inputShape).replaceAll("[\\[\\]]", "")
                    + "), got " + Shapes.str(shape));
        }
        return new int[] {shape[0], classes};
    }

    @Override
    protected final Tensor compute(Tensor x) {
        return scores(x);
    }

    /** The predicted class of each sample: the argmax of its scores, computed without a graph. */
    public int[] predict(Tensor x) {
        try (NoGrad off = NoGrad.begin()) {
            return scores(x).argmax(1, false).toIntArray();
        }
    }

    /** Parameters named W1, W2, ...: the ones L2 regularisation applies to. */
    protected final Tensor[] weights() {
        List<Tensor> ws = new ArrayList<>();
        parameters().forEach((name, t) -> {
            if (name.matches("W\\d+")) {
                ws.add(t);
            }
        });
        return ws.toArray(new Tensor[0]);
    }
}
