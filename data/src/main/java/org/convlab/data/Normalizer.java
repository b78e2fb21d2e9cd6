package org.convlab.data;

import java.util.Arrays;
import java.util.Locale;

import org.convlab.autograd.Tensor;

/**
 * A {@link Normalization} fitted on a training split: the statistics it found and the
 * transformation it applies. Get it from {@link Dataset#normalizer()} to normalise new images the
 * way the dataset's images were.
 */
public final class Normalizer {
    private static final float MAX_PIXEL = 255f;

    private final Normalization kind;
    private final int channels;
    private final int height;
    private final int width;
    private final float[] mean;
    private final float[] std;

    private Normalizer(Normalization kind, Split train, float[] mean, float[] std) {
        this.kind = kind;
        this.channels = train.channels();
        this.height = train.height();
        this.width = train.width();
        this.mean = mean;
        this.std = std;
    }

    /** Fits {@code kind} on the images of a (training) split, which must not be empty. */
    static Normalizer fit(Normalization kind, Split train) {
        int channels = train.channels();
        int planeSize = train.height() * train.width();
        float[] pixels = train.pixelsRef();
        int count = train.size();
        return switch (kind) {
            case NONE, UNIT_RANGE -> new Normalizer(kind, train, new float[0], new float[0]);
            case MEAN_IMAGE -> new Normalizer(kind, train, meanImage(pixels, count), new float[0]);
            case PER_CHANNEL -> {
                float[] channelMean = new float[channels];
                float[] channelStd = new float[channels];
                channelStatistics(pixels, count, channels, planeSize, channelMean, channelStd);
                yield new Normalizer(kind, train, channelMean, channelStd);
            }
        };
    }

    private static float[] meanImage(float[] pixels, int count) {
        int imageSize = pixels.length / count;
        double[] sum = new double[imageSize];
        for (int i = 0; i < count; i++) {
            int base = i * imageSize;
            for (int j = 0; j < imageSize; j++) {
                sum[j] += pixels[base + j];
            }
        }
        float[] mean = new float[imageSize];
        for (int j = 0; j < imageSize; j++) {
            mean[j] = (float) (sum[j] / count);
        }
        return mean;
    }

    /** Two passes per channel: the mean, then the (population) standard deviation around it. */
    private static void channelStatistics(float[] pixels, int count, int channels, int planeSize, float[] mean,
            float[] std) {
        long perChannel = (long) count * planeSize;
        for (int c = 0; c < channels; c++) {
            double sum = 0;
            for (int i = 0; i < count; i++) {
                int base = (i * channels + c) * planeSize;
                for (int j = 0; j < planeSize; j++) {
                    sum += pixels[base + j];
                }
            }
            double channelMean = sum / perChannel;
            double squares = 0;
            for (int i = 0; i < count; i++) {
                int base = (i * channels + c) * planeSize;
                for (int j = 0; j < planeSize; j++) {
                    double d = pixels[base + j] - channelMean;
                    squares += d * d;
                }
            }
            double channelStd = Math.sqrt(squares / perChannel);
            mean[c] = (float) channelMean;
            std[c] = channelStd > 0 ? (float) channelStd : 1f;
        }
    }

    /** The kind of normalisation. */
    public Normalization kind() {
        return kind;
    }

    /**
     * A copy of the fitted mean: the mean image (C·H·W values, CHW order) for
     * {@link Normalization#MEAN_IMAGE}, one value per channel for
     * {@link Normalization#PER_CHANNEL}, empty otherwise.
     */
    public float[] mean() {
        return mean.clone();
    }

    /**
     * A copy of the fitted per-channel standard deviations for {@link Normalization#PER_CHANNEL}
     * (a constant channel gets 1, so it is only centred), empty otherwise.
     */
    public float[] std() {
        return std.clone();
    }

    /**
     * New images normalised like the dataset's, as a float32 copy: {@code images} holds raw pixel
     * values (0..255) of shape (N, C, H, W) matching the training images.
     *
     * @throws IllegalArgumentException if the shape does not match
     */
    public Tensor apply(Tensor images) {
        int[] shape = images.shape();
        if (shape.length != 4 || shape[1] != channels || shape[2] != height || shape[3] != width) {
            throw new IllegalArgumentException("Normalizer.apply: expected images of shape (N, " + channels + ", "
                    + height + ", " + width + "), got " + images.shapeString());
        }
        float[] values = images.toFloatArray();
        applyInPlace(values, shape[0]);
        return Tensor.of(values, shape);
    }

    /** Normalises {@code count} images stored in NCHW order, in place. */
    void applyInPlace(float[] pixels, int count) {
        int planeSize = height * width;
        int imageSize = channels * planeSize;
        switch (kind) {
            case NONE -> {
                // raw values stay as they are
            }
            case UNIT_RANGE -> {
                for (int i = 0; i < count * imageSize; i++) {
                    pixels[i] /= MAX_PIXEL;
                }
            }
            case MEAN_IMAGE -> {
                for (int i = 0; i < count; i++) {
                    int base = i * imageSize;
                    for (int j = 0; j < imageSize; j++) {
                        pixels[base + j] -= mean[j];
                    }
                }
            }
            case PER_CHANNEL -> {
                for (int i = 0; i < count; i++) {
                    for (int c = 0; c < channels; c++) {
                        int base = (i * channels + c) * planeSize;
                        for (int j = 0; j < planeSize; j++) {
                            pixels[base + j] = (pixels[base + j] - mean[c]) / std[c];
                        }
                    }
                }
            }
        }
    }

    /** The kind and a summary of the statistics, e.g. {@code per-channel standardisation, mean [72.94] std [90.02]}. */
    @Override
    public String toString() {
        return switch (kind) {
            case NONE, UNIT_RANGE -> kind.toString();
            case MEAN_IMAGE -> kind + String.format(Locale.ROOT, ", mean image of %d values averaging %.2f",
                    mean.length, average(mean));
            case PER_CHANNEL -> kind + ", mean " + rounded(mean) + " std " + rounded(std);
        };
    }

    private static double average(float[] values) {
        double sum = 0;
        for (float v : values) {
            sum += v;
        }
        return sum / values.length;
    }

    private static String rounded(float[] values) {
        String[] parts = new String[values.length];
        for (int i = 0; i < values.length; i++) {
            parts[i] = String.format(Locale.ROOT, "%.2f", values[i]);
        }
        return Arrays.toString(parts);
    }
}
