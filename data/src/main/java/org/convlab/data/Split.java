package org.convlab.data;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import org.convlab.autograd.Rng;
import org.convlab.autograd.Tensor;

/**
 * One part of a {@link Dataset} (training, validation or test): N images stored once as float32 in
 * NCHW order, already normalised, with their labels. Batches are copies, so nothing done to a
 * batch changes the split.
 */
public final class Split {
    /** The role of a split. */
    public enum Kind {
        /** Training images: the only split that loaders may augment, and the one normalisation is fitted on. */
        TRAIN("train"),
        /** Validation images carved from the source's training images, for model selection. */
        VALIDATION("validation"),
        /** Test images, from the source's test images. */
        TEST("test");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        /** The short name: {@code train}, {@code validation} or {@code test}. */
        @Override
        public String toString() {
            return label;
        }
    }

    private final Kind kind;
    private final float[] pixels;
    private final int[] labels;
    private final int channels;
    private final int height;
    private final int width;
    private final List<String> classNames;

    private Split(Kind kind, float[] pixels, int[] labels, int channels, int height, int width,
            List<String> classNames) {
        this.kind = kind;
        this.pixels = pixels;
        this.labels = labels;
        this.channels = channels;
        this.height = height;
        this.width = width;
        this.classNames = classNames;
    }

    /** The images at {@code indices} of {@code source}, converted to float32 (values 0..255). */
    static Split select(Kind kind, LabeledImages source, int[] indices, List<String> classNames) {
        int imageSize = source.imageSize();
        byte[] bytes = source.pixelsRef();
        float[] pixels = new float[Math.multiplyExact(indices.length, imageSize)];
        int[] labels = new int[indices.length];
        for (int k = 0; k < indices.length; k++) {
            int from = indices[k] * imageSize;
            int to = k * imageSize;
            for (int j = 0; j < imageSize; j++) {
                pixels[to + j] = Byte.toUnsignedInt(bytes[from + j]);
            }
            labels[k] = source.label(indices[k]);
        }
        return new Split(kind, pixels, labels, source.channels(), source.height(), source.width(), classNames);
    }

    /** Whether this is the training, validation or test split. */
    public Kind kind() {
        return kind;
    }

    /** The number of images. */
    public int size() {
        return labels.length;
    }

    /** Channels per image. */
    public int channels() {
        return channels;
    }

    /** Rows per image. */
    public int height() {
        return height;
    }

    /** Columns per image. */
    public int width() {
        return width;
    }

    /** The shape of one image: {C, H, W}. */
    public int[] imageShape() {
        return new int[] {channels, height, width};
    }

    /** The class names, indexed by label. */
    public List<String> classNames() {
        return classNames;
    }

    /** The number of classes. */
    public int numClasses() {
        return classNames.size();
    }

    /** The label of image {@code i}. */
    public int label(int i) {
        return labels[i];
    }

    /** A copy of all labels, in split order. */
    public int[] labels() {
        return labels.clone();
    }

    /** A copy of image {@code i}, shape (C, H, W), float32. */
    public Tensor image(int i) {
        return batch(i).x().reshape(channels, height, width);
    }

    /**
     * The images at the given positions, in that order (repeats allowed), as a float32 batch.
     *
     * @throws IllegalArgumentException if no index is given
     * @throws IndexOutOfBoundsException if an index is outside the split
     */
    public Batch batch(int... indices) {
        if (indices.length == 0) {
            throw new IllegalArgumentException(kind + ": a batch needs at least one image");
        }
        int imageSize = channels * height * width;
        Tensor x = Tensor.zeros(indices.length, channels, height, width);
        float[] out = x.floatArray();
        int[] y = new int[indices.length];
        for (int k = 0; k < indices.length; k++) {
            int index = Objects.checkIndex(indices[k], labels.length);
            System.arraycopy(pixels, index * imageSize, out, k * imageSize, imageSize);
            y[k] = labels[index];
        }
        return new Batch(x, y, indices.clone());
    }

    /** Images {@code from} (inclusive) to {@code to} (exclusive), in order, e.g. to evaluate in chunks. */
    public Batch range(int from, int to) {
        if (from < 0 || to > size() || from >= to) {
            throw new IllegalArgumentException(kind + ": range [" + from + ", " + to + ") is empty or outside 0.."
                    + size());
        }
        int[] indices = new int[to - from];
        Arrays.setAll(indices, i -> from + i);
        return batch(indices);
    }

    /** The first {@code k} images: a fixed sample, e.g. to measure training accuracy cheaply. */
    public Batch first(int k) {
        return range(0, k);
    }

    /** {@code k} distinct images drawn with the given seed: a fixed random sample. */
    public Batch sample(int k, long seed) {
        return batch(sampleIndices(k, seed));
    }

    /**
     * The positions of the images {@link #sample(int, long) sample(k, seed)} draws, in the same order,
     * without gathering their pixels.
     *
     * @throws IllegalArgumentException unless {@code 0 < k <= size()}
     */
    public int[] sampleIndices(int k, long seed) {
        if (k <= 0 || k > size()) {
            throw new IllegalArgumentException(kind + ": cannot sample " + k + " of " + size() + " images");
        }
        return Arrays.copyOf(new Rng(seed).permutation(size()), k);
    }

    /** Every image, in order, as one batch. */
    public Batch all() {
        return range(0, size());
    }

    /**
     * A loader of shuffled mini-batches of {@code batchSize} images; every epoch's order derives
     * from {@code seed} and the epoch number. See {@link BatchLoader} for the options.
     */
    public BatchLoader loader(int batchSize, long seed) {
        return new BatchLoader(this, batchSize, seed);
    }

    /** The live pixels, for normalisation in this package. */
    float[] pixelsRef() {
        return pixels;
    }

    /** Kind, size, image shape and classes, e.g. {@code train: 9000 images 1×28×28, 10 classes}. */
    @Override
    public String toString() {
        return kind + ": " + size() + " images " + Dims.text(channels, height, width) + ", " + numClasses()
                + " classes";
    }
}
