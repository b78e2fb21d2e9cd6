package org.convlab.data;

import java.util.List;

/**
 * Images as stored on disk, before any conversion: 8-bit pixels in NCHW order (image, channel,
 * row, column) with one integer label per image. One byte per pixel keeps a whole dataset small
 * (CIFAR-10's 50,000 training images take 154 MB); {@link Dataset} converts them to float32 once.
 */
public final class LabeledImages {
    private final byte[] pixels;
    private final int[] labels;
    private final int channels;
    private final int height;
    private final int width;
    private final String origin;

    /** Trusted constructor for readers in this package: the arrays are shared, not copied. */
    LabeledImages(byte[] pixels, int[] labels, int channels, int height, int width, String origin) {
        this.pixels = pixels;
        this.labels = labels;
        this.channels = channels;
        this.height = height;
        this.width = width;
        this.origin = origin;
    }

    /**
     * Labelled images from copies of the given arrays, e.g. to build a dataset from images made in
     * memory.
     *
     * @param pixels unsigned 8-bit values in NCHW order, {@code labels.length·channels·height·width}
     *     of them
     * @param labels one non-negative class index per image
     * @param origin where the images come from, shown by {@link #toString()}
     * @throws IllegalArgumentException if the sizes disagree or a label is negative
     */
    public static LabeledImages of(byte[] pixels, int[] labels, int channels, int height, int width, String origin) {
        if (channels <= 0 || height <= 0 || width <= 0) {
            throw new IllegalArgumentException("image shape must be positive, got "
                    + Dims.text(channels, height, width));
        }
        long expected = (long) labels.length * channels * height * width;
        if (pixels.length != expected) {
            throw new IllegalArgumentException(labels.length + " images of " + Dims.text(channels, height, width)
                    + " need " + expected + " pixel values, got " + pixels.length);
        }
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0) {
                throw new IllegalArgumentException("label " + labels[i] + " at index " + i + " is negative");
            }
        }
        return new LabeledImages(pixels.clone(), labels.clone(), channels, height, width, origin);
    }

    /** Joins image sets of equal shape, in order (e.g. the five CIFAR-10 training batches). */
    static LabeledImages concat(List<LabeledImages> parts, String origin) {
        LabeledImages first = parts.get(0);
        int count = parts.stream().mapToInt(LabeledImages::count).sum();
        byte[] pixels = new byte[Math.multiplyExact(count, first.imageSize())];
        int[] labels = new int[count];
        int at = 0;
        for (LabeledImages part : parts) {
            System.arraycopy(part.pixels, 0, pixels, at * first.imageSize(), part.pixels.length);
            System.arraycopy(part.labels, 0, labels, at, part.count());
            at += part.count();
        }
        return new LabeledImages(pixels, labels, first.channels, first.height, first.width, origin);
    }

    /** The number of images. */
    public int count() {
        return labels.length;
    }

    /** Channels per image: 1 for grayscale, 3 for RGB. */
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

    /** Values per image: channels·height·width. */
    public int imageSize() {
        return channels * height * width;
    }

    /** The class index of image {@code i}. */
    public int label(int i) {
        return labels[i];
    }

    /** A copy of all labels. */
    public int[] labels() {
        return labels.clone();
    }

    /** One pixel value, 0..255. */
    public int pixel(int image, int channel, int row, int column) {
        return Byte.toUnsignedInt(pixels[((image * channels + channel) * height + row) * width + column]);
    }

    /** Where the images come from (file or resource names). */
    public String origin() {
        return origin;
    }

    byte[] pixelsRef() {
        return pixels;
    }

    int[] labelsRef() {
        return labels;
    }

    /** Count, shape and origin, e.g. {@code 10000 images 1×28×28 from train-images-idx3-ubyte.gz + ...}. */
    @Override
    public String toString() {
        return count() + " images " + Dims.text(channels, height, width) + " from " + origin;
    }
}
