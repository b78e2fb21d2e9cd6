package org.convlab.sweep;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What a trial measures, and what a sweep ranks trials by: the validation accuracy (the default
 * objective), the training accuracy, or the final loss. Each knows whether higher is better.
 */
public enum Metric {
    /** Accuracy on the validation images, of the best epoch; higher is better. */
    VALIDATION_ACCURACY("val_accuracy", true),
    /** Accuracy on the sample of training images, at the same epoch; higher is better. */
    TRAIN_ACCURACY("train_accuracy", true),
    /** The loss of the last training step; lower is better. */
    FINAL_LOSS("final_loss", false);

    private final String column;
    private final boolean higherIsBetter;

    Metric(String column, boolean higherIsBetter) {
        this.column = column;
        this.higherIsBetter = higherIsBetter;
    }

    /** The column of the results table: {@code val_accuracy}, {@code train_accuracy} or {@code final_loss}. */
    public String column() {
        return column;
    }

    /** Whether a higher value is better. */
    public boolean higherIsBetter() {
        return higherIsBetter;
    }

    /** This metric of a trial's result (NaN if it has none, e.g. a failed trial). */
    public double of(TrialResult result) {
        return switch (this) {
            case VALIDATION_ACCURACY -> result.validationAccuracy();
            case TRAIN_ACCURACY -> result.trainAccuracy();
            case FINAL_LOSS -> result.finalLoss();
        };
    }

    /** Orders values best first; NaN after every number. */
    public Comparator<Double> order() {
        Comparator<Double> numbers = higherIsBetter ? Comparator.<Double>reverseOrder() : Comparator.<Double>naturalOrder();
        return Comparator.<Double, Boolean>comparing(v -> v.isNaN()).thenComparing(numbers);
    }

    /** Whether {@code a} is strictly better than {@code b} (a number is better than NaN). */
    public boolean better(double a, double b) {
        return order().compare(a, b) < 0;
    }

    /**
     * The metric whose {@linkplain #column() column} is {@code name}.
     *
     * @throws IllegalArgumentException listing the names if none is
     */
    public static Metric parse(String name) {
        return Arrays.stream(values()).filter(m -> m.column.equals(name.strip().toLowerCase(Locale.ROOT))).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("the metric must be one of "
                        + Arrays.stream(values()).map(Metric::column).collect(Collectors.joining(", ")) + ", got '" + name + "'"));
    }

    /** The column name. */
    @Override
    public String toString() {
        return column;
    }
}
