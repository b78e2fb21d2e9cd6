package org.convlab.autograd;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The result of a {@link GradCheck}: one {@link Entry} per checked input, with a readable
 * {@link #toString()} table.
 */
public final class GradCheckReport {
    /** CS231n's rules of thumb for a relative error. */
    public enum Verdict {
        /** Below 1e-7: the gradient is right. */
        GOOD(1e-7),
        /** Up to 1e-4: fine for functions with kinks, suspicious otherwise. */
        OK_WITH_KINKS(1e-4),
        /** Up to 1e-2: uncomfortable; usually a bug. */
        UNCOMFORTABLE(1e-2),
        /** Above 1e-2: the gradient is probably wrong. */
        WRONG(Double.POSITIVE_INFINITY);

        private final double limit;

        Verdict(double limit) {
            this.limit = limit;
        }

        /** The largest error with this verdict (exclusive). */
        public double limit() {
            return limit;
        }

        /** The verdict for a relative error. */
        public static Verdict of(double relError) {
            for (Verdict v : values()) {
                if (relError < v.limit) {
                    return v;
                }
            }
            return WRONG;
        }

        @Override
        public String toString() {
            return this == OK_WITH_KINKS ? "ok for kinks" : name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * The check of one input.
     *
     * @param input             the input's name, or {@code #i} for the i-th argument
     * @param shape             the input's shape
     * @param checked           coordinates compared
     * @param total             coordinates in the input
     * @param maxRelError       the largest relative error over all checked coordinates
     * @param worstIndex        where it occurred
     * @param analytic          autograd's value there
     * @param numeric           the finite difference there
     * @param kinks             coordinates where a kink was crossed
     * @param maxRelErrorJudged the largest error over the coordinates the verdict judges: no kink
     *                          crossed and a disagreement above the finite difference's resolution
     * @param tolerance         the error limit that passes
     */
    public record Entry(String input, int[] shape, int checked, int total, double maxRelError, int[] worstIndex,
                        double analytic, double numeric, int kinks, double maxRelErrorJudged, double tolerance) {
        /** The CS231n verdict on {@link #maxRelErrorJudged()}. */
        public Verdict verdict() {
            return Verdict.of(maxRelErrorJudged);
        }

        /** Whether the judged error is below the tolerance. */
        public boolean passed() {
            return maxRelErrorJudged < tolerance;
        }
    }

    private final DType dtype;
    private final double h;
    private final List<Entry> entries;

    GradCheckReport(DType dtype, double h, List<Entry> entries) {
        this.dtype = dtype;
        this.h = h;
        this.entries = List.copyOf(entries);
    }

    /** One entry per checked input, in argument order. */
    public List<Entry> entries() {
        return entries;
    }

    /** The entry of one input by name (or {@code #i}). */
    public Entry entry(String input) {
        return entries.stream().filter(e -> e.input().equals(input)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("GradCheckReport: no input named " + input));
    }

    /** Whether every input passed. */
    public boolean passed() {
        return entries.stream().allMatch(Entry::passed);
    }

    /** The largest relative error over all inputs and coordinates. */
    public double maxRelError() {
        return entries.stream().mapToDouble(Entry::maxRelError).max().orElse(0);
    }

    /** The dtype the check ran in. */
    public DType dtype() {
        return dtype;
    }

    /** The finite-difference step. */
    public double h() {
        return h;
    }

    @Override
    public String toString() {
        String header = String.format(Locale.ROOT, "%-10s %-16s %-11s %-13s %-14s %-13s %-13s %-6s %s",
                "input", "shape", "checked", "max rel err", "worst at", "analytic", "numeric", "kinks", "verdict");
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT,
                "Gradient check (%s, centred differences, h = %.0e): %s%n", dtype.numpyName(), h,
                passed() ? "PASSED" : "FAILED"));
        sb.append(header).append('\n');
        for (Entry e : entries) {
            sb.append(String.format(Locale.ROOT, "%-10s %-16s %-11s %-13.2e %-14s %-13.6g %-13.6g %-6d %s%s%n",
                    e.input(), Arrays.toString(e.shape()), e.checked() + "/" + e.total(), e.maxRelError(),
                    Arrays.toString(e.worstIndex()), e.analytic(), e.numeric(), e.kinks(), e.verdict(),
                    e.passed() ? "" : " (FAILED: limit " + String.format(Locale.ROOT, "%.0e", e.tolerance()) + ")"));
        }
        return sb.toString();
    }
}
