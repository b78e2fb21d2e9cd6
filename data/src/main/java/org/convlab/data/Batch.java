package org.convlab.data;

import org.convlab.autograd.Tensor;

/**
 * A mini-batch: images {@code x} of shape (N, C, H, W), their labels {@code y}, and the positions
 * of the images in their {@link Split}.
 *
 * @param x the images, float32 unless a float64 loader made them
 * @param y the class index of each image
 * @param indices the position in the split of each image
 */
public record Batch(Tensor x, int[] y, int[] indices) {
    /**
     * Checks that the three parts agree on the batch size.
     *
     * @throws IllegalArgumentException if they do not
     */
    public Batch {
        if (x.dim() != 4 || x.size(0) != y.length || indices.length != y.length) {
            throw new IllegalArgumentException("a batch needs x of shape (N, C, H, W) and N labels and indices, got x "
                    + x.shapeString() + ", " + y.length + " labels, " + indices.length + " indices");
        }
    }

    /** The number of images. */
    public int size() {
        return y.length;
    }

    /** Size, image shape and dtype, e.g. {@code Batch[64 images 1×28×28 float32]}. */
    @Override
    public String toString() {
        return "Batch[" + size() + " images " + Dims.text(x.size(1), x.size(2), x.size(3)) + " "
                + x.dtype().numpyName() + "]";
    }
}
