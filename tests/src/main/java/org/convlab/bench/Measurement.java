package org.convlab.bench;

import java.util.Arrays;
import java.util.List;

/**
 * The timings of one workload: the time per operation in each measured round.
 *
 * @param workload    what was measured
 * @param roundMillis milliseconds per operation, one entry per round, in the order measured
 */
public record Measurement(Workload workload, double[] roundMillis) {

    /**
     * Validates and copies the round times.
     *
     * @param workload what was measured
     * @param roundMillis milliseconds per operation in each round
     */
    public Measurement {
        if (roundMillis.length == 0) {
            throw new IllegalArgumentException("Measurement of " + workload.name() + ": no rounds");
        }
        roundMillis = roundMillis.clone();
    }

    /**
     * Pools measurements of one workload taken at different times (the rounds of all, in order), so that
     * their median spans all of them.
     *
     * @param parts measurements of the same workload, at least one
     * @return one measurement with every round
     */
    public static Measurement pooled(List<Measurement> parts) {
        return new Measurement(parts.get(0).workload(),
                parts.stream().flatMapToDouble(m -> Arrays.stream(m.roundMillis())).toArray());
    }

    /**
     * Returns the round times, sorted.
     *
     * @return a fresh sorted copy of the round times, in milliseconds per operation
     */
    public double[] sortedMillis() {
        double[] sorted = roundMillis.clone();
        Arrays.sort(sorted);
        return sorted;
    }

    /**
     * Returns the median time per operation.
     *
     * @return milliseconds
     */
    public double medianMillis() {
        return median(roundMillis);
    }

    /**
     * Returns the median of some values.
     *
     * @param values at least one value
     * @return the middle value, or the mean of the two middle values
     */
    public static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    /**
     * Returns the fastest round's time per operation.
     *
     * @return milliseconds
     */
    public double minMillis() {
        return sortedMillis()[0];
    }

    /**
     * Returns the slowest round's time per operation.
     *
     * @return milliseconds
     */
    public double maxMillis() {
        double[] sorted = sortedMillis();
        return sorted[sorted.length - 1];
    }

    /**
     * Returns the throughput at the median time.
     *
     * @return billions of floating-point operations per second, or NaN when the workload has no FLOP count
     */
    public double gflops() {
        return workload.flops() > 0 ? workload.flops() / (medianMillis() * 1e6) : Double.NaN;
    }

    /**
     * Returns the throughput of the fastest round: on a shared machine, what the code can do when left alone.
     *
     * @return billions of floating-point operations per second, or NaN when the workload has no FLOP count
     */
    public double bestGflops() {
        return workload.flops() > 0 ? workload.flops() / (minMillis() * 1e6) : Double.NaN;
    }
}
