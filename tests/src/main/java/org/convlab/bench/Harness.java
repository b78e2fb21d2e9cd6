package org.convlab.bench;

import java.util.Objects;
import org.convlab.kernel.Parallel;

/**
 * Times workloads carefully: it warms up until the just-in-time compiler has settled (three consecutive
 * rounds within {@code settleTolerance} of each other, after at least {@code minWarmupMillis} and at most
 * {@code maxWarmupMillis}), sizing each round from the previous one to last about {@code roundMillis},
 * then measures {@code rounds} rounds. Each round's time per operation is kept,
 * so reports can give the median and the min–max spread.
 *
 * @param rounds          measured rounds, at least one
 * @param roundMillis     the least duration of one round
 * @param minWarmupMillis the least warm-up time
 * @param maxWarmupMillis the warm-up time after which measurement starts even if times still drift
 * @param settleTolerance relative spread of the last three warm-up rounds that counts as settled
 */
public record Harness(int rounds, double roundMillis, double minWarmupMillis, double maxWarmupMillis,
                      double settleTolerance) {

    /**
     * The settings {@code Bench} uses: 7 rounds of at least 100 ms after 4–10 s of warm-up. The just-in-time
     * compiler keeps working on the convolutions for about five seconds, and its threads take a core from
     * two-thread workloads meanwhile (W1's forward and backward on two threads ran at 8–11 ms in the first
     * seconds and 5–6 ms after).
     */
    public static final Harness DEFAULT = new Harness(7, 100, 4000, 10000, 0.03);

    /**
     * Validates the settings.
     *
     * @param rounds measured rounds
     * @param roundMillis least duration of a round
     * @param minWarmupMillis least warm-up time
     * @param maxWarmupMillis longest warm-up time
     * @param settleTolerance relative spread that counts as settled
     */
    public Harness {
        if (rounds < 1 || roundMillis <= 0 || minWarmupMillis < 0 || maxWarmupMillis < minWarmupMillis
                || settleTolerance <= 0) {
            throw new IllegalArgumentException("Harness: invalid settings " + rounds + ", " + roundMillis + ", "
                    + minWarmupMillis + ", " + maxWarmupMillis + ", " + settleTolerance);
        }
    }

    /**
     * Sets the workload up, warms it up and measures it in the calling thread, under the workload's
     * thread budget.
     *
     * @param workload what to measure
     * @return the measured round times
     */
    public Measurement measure(Workload workload) {
        Objects.requireNonNull(workload, "workload");
        Runnable op = Objects.requireNonNull(workload.setup().get(), "setup of " + workload.name() + " returned null");
        return Parallel.withThreads(workload.threads(), () -> new Measurement(workload, measure(op)));
    }

    private double[] measure(Runnable op) {
        int reps = 1;
        long warmupStart = System.nanoTime();
        double[] recent = new double[3];
        for (int round = 0; ; round++) {
            double perOp = timeRound(op, reps);
            recent[round % 3] = perOp;
            reps = repetitionsFor(perOp);
            double elapsed = (System.nanoTime() - warmupStart) / 1e6;
            if (elapsed >= maxWarmupMillis || (elapsed >= minWarmupMillis && round >= 2 && settled(recent))) {
                break;
            }
        }
        double[] result = new double[rounds];
        for (int round = 0; round < rounds; round++) {
            result[round] = timeRound(op, reps);
        }
        return result;
    }

    /** The number of operations that fill a round, given the latest time per operation. */
    private int repetitionsFor(double perOpMillis) {
        return (int) Math.min(1 << 30, Math.max(1, Math.ceil(roundMillis / Math.max(perOpMillis, 1e-6))));
    }

    private boolean settled(double[] recent) {
        double min = Math.min(recent[0], Math.min(recent[1], recent[2]));
        double max = Math.max(recent[0], Math.max(recent[1], recent[2]));
        return max <= min * (1 + settleTolerance);
    }

    /** Runs {@code reps} operations and returns the milliseconds per operation. */
    private static double timeRound(Runnable op, int reps) {
        long start = System.nanoTime();
        for (int i = 0; i < reps; i++) {
            op.run();
        }
        return (System.nanoTime() - start) / 1e6 / reps;
    }
}
