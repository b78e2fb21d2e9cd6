package org.convlab.data;

import org.convlab.autograd.Rng;
import org.convlab.autograd.Tensor;

/**
 * Random changes to training images that keep their labels: a random crop with zero padding
 * (pad each side by p, then crop back to H×W at a random offset, shifting the content by up to p
 * pixels each way) followed by a horizontal flip with probability 0.5. Draws come from a given
 * {@link Rng}, so results are reproducible. Padding is with zeros of the values being augmented,
 * i.e. the mean after mean subtraction.
 *
 * <p>Build one with {@code Augmentation.builder().randomCrop(4).horizontalFlip(true).build()}.
 */
public final class Augmentation {
    /** No augmentation. */
    public static final Augmentation NONE = new Augmentation(0, false);

    private static final double FLIP_PROBABILITY = 0.5;

    private final int cropPadding;
    private final boolean horizontalFlip;

    private Augmentation(int cropPadding, boolean horizontalFlip) {
        this.cropPadding = cropPadding;
        this.horizontalFlip = horizontalFlip;
    }

    /** A builder starting from no augmentation. */
    public static Builder builder() {
        return new Builder();
    }

    /** The padding p of the random crop; 0 means no crop. */
    public int cropPadding() {
        return cropPadding;
    }

    /** Whether images are mirrored left–right with probability 0.5. */
    public boolean horizontalFlip() {
        return horizontalFlip;
    }

    /** True if this changes nothing. */
    public boolean isNone() {
        return cropPadding == 0 && !horizontalFlip;
    }

    /**
     * An augmented copy of a float32 batch of shape (N, C, H, W); each image gets its own crop
     * offset and flip, drawn from {@code rng} in image order.
     *
     * @throws IllegalArgumentException if {@code images} is not four-dimensional or not float32
     */
    public Tensor apply(Tensor images, Rng rng) {
        if (images.dim() != 4) {
            throw new IllegalArgumentException("Augmentation.apply: expected images (N, C, H, W), got "
                    + images.shapeString());
        }
        int[] shape = images.shape();
        float[] pixels = images.floatArray().clone();
        applyInPlace(pixels, shape[0], shape[1], shape[2], shape[3], rng);
        return Tensor.of(pixels, shape);
    }

    /** Augments {@code count} images stored in NCHW order, in place. */
    void applyInPlace(float[] pixels, int count, int channels, int height, int width, Rng rng) {
        if (isNone()) {
            return;
        }
        int imageSize = channels * height * width;
        float[] augmented = new float[imageSize];
        for (int i = 0; i < count; i++) {
            int shiftY = cropPadding > 0 ? rng.nextInt(2 * cropPadding + 1) - cropPadding : 0;
            int shiftX = cropPadding > 0 ? rng.nextInt(2 * cropPadding + 1) - cropPadding : 0;
            boolean flip = horizontalFlip && rng.nextDouble() < FLIP_PROBABILITY;
            int base = i * imageSize;
            for (int c = 0; c < channels; c++) {
                for (int y = 0; y < height; y++) {
                    int sourceY = y + shiftY;
                    for (int x = 0; x < width; x++) {
                        int sourceX = (flip ? width - 1 - x : x) + shiftX;
                        boolean inside = sourceY >= 0 && sourceY < height && sourceX >= 0 && sourceX < width;
                        augmented[(c * height + y) * width + x] = inside
                                ? pixels[base + (c * height + sourceY) * width + sourceX]
                                : 0f;
                    }
                }
            }
            System.arraycopy(augmented, 0, pixels, base, imageSize);
        }
    }

    /** What is applied, e.g. {@code random crop (pad 4) + horizontal flip (p=0.5)}, or {@code none}. */
    @Override
    public String toString() {
        if (isNone()) {
            return "none";
        }
        String crop = cropPadding > 0 ? "random crop (pad " + cropPadding + ")" : "";
        String flip = horizontalFlip ? "horizontal flip (p=" + FLIP_PROBABILITY + ")" : "";
        return crop.isEmpty() || flip.isEmpty() ? crop + flip : crop + " + " + flip;
    }

    /** Collects the augmentation options; see {@link Augmentation}. */
    public static final class Builder {
        private int cropPadding;
        private boolean horizontalFlip;

        private Builder() {
        }

        /**
         * Random crop after zero padding of {@code padding} pixels on each side; 0 turns it off.
         *
         * @throws IllegalArgumentException if {@code padding} is negative
         */
        public Builder randomCrop(int padding) {
            if (padding < 0) {
                throw new IllegalArgumentException("crop padding must be non-negative, got " + padding);
            }
            this.cropPadding = padding;
            return this;
        }

        /** Whether to mirror each image left–right with probability 0.5. */
        public Builder horizontalFlip(boolean flip) {
            this.horizontalFlip = flip;
            return this;
        }

        /** The augmentation with the options set so far. */
        public Augmentation build() {
            return new Augmentation(cropPadding, horizontalFlip);
        }
    }
}
