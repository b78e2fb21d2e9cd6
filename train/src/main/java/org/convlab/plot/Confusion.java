package org.convlab.plot;

import java.util.List;

/** Counting for the confusion matrix of {@link Plots} and {@link Tables}: how often true class i was predicted as j. */
final class Confusion {
    private Confusion() {
    }

    /**
     * The counts, {@code [true class][predicted class]}.
     *
     * @throws IllegalArgumentException if the arrays differ in length or hold a label outside the classes
     */
    static long[][] counts(int[] truth, int[] predicted, List<String> classNames) {
        int classes = classNames.size();
        checkLabels(truth, predicted, classes);
        long[][] counts = new long[classes][classes];
        for (int i = 0; i < truth.length; i++) {
            counts[truth[i]][predicted[i]]++;
        }
        return counts;
    }

    /**
     * Checks that there are as many predictions as true labels, all of them classes {@code 0..classes-1}.
     *
     * @throws IllegalArgumentException naming the first sample that does not fit
     */
    static void checkLabels(int[] truth, int[] predicted, int classes) {
        if (truth.length != predicted.length) {
            throw new IllegalArgumentException("labels: " + truth.length + " true labels but " + predicted.length
                    + " predictions");
        }
        for (int i = 0; i < truth.length; i++) {
            if (truth[i] < 0 || truth[i] >= classes || predicted[i] < 0 || predicted[i] >= classes) {
                throw new IllegalArgumentException("labels: sample " + i + " has true label " + truth[i]
                        + " and prediction " + predicted[i] + ", but the classes are 0.." + (classes - 1));
            }
        }
    }

    /** The fraction of samples on the diagonal (0 when there are none). */
    static double accuracy(long[][] counts) {
        long right = 0;
        long all = 0;
        for (int i = 0; i < counts.length; i++) {
            for (int j = 0; j < counts.length; j++) {
                all += counts[i][j];
                right += i == j ? counts[i][j] : 0;
            }
        }
        return all == 0 ? 0 : (double) right / all;
    }
}
