package org.convlab.train;

import java.util.Arrays;

import org.convlab.autograd.DType;
import org.convlab.autograd.NoGrad;
import org.convlab.autograd.Tensor;
import org.convlab.data.Batch;
import org.convlab.data.Split;
import org.convlab.nn.models.Model;

/**
 * Accuracy of a model on images of a split, CS231n's {@code check_accuracy}: in evaluation mode
 * (dropout off, batchnorm's running statistics), without a graph, in batches. The model's
 * training mode is restored afterwards.
 */
public final class Evaluation {
    private Evaluation() {
    }

    /** The fraction of all the split's images that the model classifies correctly. */
    public static double accuracy(Model model, Split split, int batchSize) {
        int[] all = new int[split.size()];
        Arrays.setAll(all, i -> i);
        return accuracy(model, split, all, batchSize);
    }

    /**
     * The fraction of the images at {@code indices} of the split that the model classifies correctly.
     *
     * @throws IllegalArgumentException if there are no indices or the batch size is not positive
     */
    @SuppressWarnings("try") // the NoGrad scope is used for its effect only
    public static double accuracy(Model model, Split split, int[] indices, int batchSize) {
        if (indices.length == 0 || batchSize <= 0) {
            throw new IllegalArgumentException("accuracy: needs at least one image and a positive batch size, got "
                    + indices.length + " images and batch size " + batchSize);
        }
        DType dtype = dtype(model);
        boolean training = model.isTraining();
        model.eval();
        long correct = 0;
        try (NoGrad off = NoGrad.begin()) {
            for (int from = 0; from < indices.length; from += batchSize) {
                Batch batch = split.batch(Arrays.copyOfRange(indices, from, Math.min(indices.length, from + batchSize)));
                Tensor x = batch.x().dtype() == dtype ? batch.x() : batch.x().to(dtype);
                int[] predicted = model.predict(x);
                for (int i = 0; i < predicted.length; i++) {
                    correct += predicted[i] == batch.y()[i] ? 1 : 0;
                }
            }
        } finally {
            if (training) {
                model.train();
            }
        }
        return (double) correct / indices.length;
    }

    /** The dtype of a model's parameters, which its inputs must have. */
    static DType dtype(Model model) {
        return model.parameters().values().stream().findFirst().map(Tensor::dtype).orElse(DType.F32);
    }
}
