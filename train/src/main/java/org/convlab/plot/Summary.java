package org.convlab.plot;

/**
 * Statistics of a tensor's values, over its finite ones: how many, mean, standard deviation (population),
 * minimum, maximum, how many are exactly zero, and how many are NaN or infinite.
 *
 * @param finite    the finite values
 * @param mean      their mean (NaN if none)
 * @param std       their standard deviation (NaN if none)
 * @param min       their minimum (NaN if none)
 * @param max       their maximum (NaN if none)
 * @param zeros     the values equal to zero
 * @param nonFinite the NaN and infinite values
 */
record Summary(int finite, double mean, double std, double min, double max, int zeros, int nonFinite) {
    /** The statistics of {@code values}. */
    static Summary of(double[] values) {
        int finite = 0;
        int zeros = 0;
        double sum = 0;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double v : values) {
            if (Double.isFinite(v)) {
                finite++;
                sum += v;
                min = Math.min(min, v);
                max = Math.max(max, v);
                zeros += v == 0 ? 1 : 0;
            }
        }
        if (finite == 0) {
            return new Summary(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, 0, values.length);
        }
        double mean = sum / finite;
        double squares = 0;
        for (double v : values) {
            if (Double.isFinite(v)) {
                squares += (v - mean) * (v - mean);
            }
        }
        return new Summary(finite, mean, Math.sqrt(squares / finite), min, max, zeros, values.length - finite);
    }

    /** The fraction of all values that are exactly zero (dead ReLU units, for activations). */
    double zeroFraction() {
        int all = finite + nonFinite;
        return all == 0 ? 0 : (double) zeros / all;
    }
}
