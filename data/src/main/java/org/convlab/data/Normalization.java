package org.convlab.data;

/**
 * How a {@link Dataset} rescales pixel values. Statistics are fitted on the training split only and
 * the same transformation is applied to every split, so that validation and test images are
 * treated exactly like training images.
 */
public enum Normalization {
    /** Raw pixel values 0..255, as stored. */
    NONE("none (raw pixels 0..255)"),
    /** CS231n's preprocessing: subtract the training split's mean image, pixel by pixel. */
    MEAN_IMAGE("mean image subtracted"),
    /** Per channel, {@code (x − mean) / std} with the mean and standard deviation of the training pixels. */
    PER_CHANNEL("per-channel standardisation"),
    /** {@code x / 255}, into [0, 1]; no statistics involved. */
    UNIT_RANGE("scaled to [0, 1]");

    private final String label;

    Normalization(String label) {
        this.label = label;
    }

    /** A readable name, e.g. {@code mean image subtracted}. */
    @Override
    public String toString() {
        return label;
    }
}
