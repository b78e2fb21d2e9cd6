package org.convlab.plot;

/**
 * A histogram: {@code counts.length} equal bins between {@code edges[0]} and {@code edges[counts.length]};
 * values outside, and NaN or infinite ones, are not counted. It is drawn as an outline through the corners of the
 * bins, each bar's top ending a millionth of a bin before the next bar's edge: the x coordinates are then not
 * equally spaced, which keeps XChart from putting a tick on every bin edge (its issue #731).
 *
 * @param edges  the bin edges, one more than the bins
 * @param counts the values in each bin (the last bin includes its upper edge)
 */
record Bins(double[] edges, long[] counts) {
    /**
     * Counts {@code values} in {@code bins} equal bins over [low, high] widened to round numbers: to multiples of a
     * step of 1, 2 or 5 times a power of ten that divides the range into about five, so that axis ticks fall on
     * round values. A range of one value is first widened to half a unit (or half its magnitude) on each side.
     *
     * @param skipZeros whether to leave out values that are exactly zero
     * @throws IllegalArgumentException if bins is not positive or the range is not finite
     */
    static Bins of(double[] values, int bins, double low, double high, boolean skipZeros) {
        if (bins < 1 || !Double.isFinite(low) || !Double.isFinite(high) || low > high) {
            throw new IllegalArgumentException("Bins: needs a positive bin count and a finite range, got " + bins + " bins over ["
                    + low + ", " + high + "]");
        }
        if (low == high) {
            double half = low == 0 ? 0.5 : Math.abs(low) / 2;
            low -= half;
            high += half;
        }
        double step = roundStep((high - low) / 5);
        low = Math.floor(low / step) * step;
        high = Math.ceil(high / step) * step;
        double[] edges = new double[bins + 1];
        for (int i = 0; i <= bins; i++) {
            edges[i] = low + (high - low) * i / bins;
        }
        long[] counts = new long[bins];
        double width = (high - low) / bins;
        for (double v : values) {
            if (v >= low && v <= high && !(skipZeros && v == 0)) {
                counts[Math.min(bins - 1, (int) ((v - low) / width))]++;
            }
        }
        return new Bins(edges, counts);
    }

    /** The smallest of 1, 2 or 5 times a power of ten that is at least {@code rough}. */
    private static double roundStep(double rough) {
        double power = Math.pow(10, Math.floor(Math.log10(rough)));
        for (double factor : new double[] {1, 2, 5}) {
            if (factor * power >= rough) {
                return factor * power;
            }
        }
        return 10 * power;
    }

    /** The x coordinates of the outline: each bin's left edge, and its right edge less a millionth of the bin. */
    double[] outlineX() {
        double[] x = new double[2 * counts.length];
        double inset = (edges[counts.length] - edges[0]) / counts.length * 1e-6;
        for (int i = 0; i < counts.length; i++) {
            x[2 * i] = edges[i];
            x[2 * i + 1] = edges[i + 1] - inset;
        }
        return x;
    }

    /** The y coordinates of the outline: each bin's count, at both its edges. */
    double[] outlineY() {
        double[] y = new double[2 * counts.length];
        for (int i = 0; i < counts.length; i++) {
            y[2 * i] = counts[i];
            y[2 * i + 1] = counts[i];
        }
        return y;
    }
}
