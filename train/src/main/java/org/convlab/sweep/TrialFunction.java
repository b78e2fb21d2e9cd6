package org.convlab.sweep;

import java.io.Serializable;

/**
 * What one trial does: trains with a config for a number of epochs and reports metrics, e.g.
 * {@link SolverTrial}, the standard one. Serializable, so that a sweep can ship it to Spark executors:
 * keep its fields serializable (numbers, text) and load heavy things such as datasets inside
 * {@link #run}, once per JVM.
 *
 * <p>An exception makes the trial {@link TrialStatus#FAILED} with its message; the sweep goes on. An
 * {@link Error} is not caught: it ends the sweep like a crash, and resuming runs the trial again.
 */
@FunctionalInterface
public interface TrialFunction extends Serializable {

    /**
     * Runs one trial: trains with {@code trial.config()} for {@code trial.epochs()} epochs, seeded with
     * {@code trial.seed()}. Called on a thread whose {@link org.convlab.kernel.Parallel} budget is the
     * trial's share of the cores.
     *
     * @return the metrics, {@linkplain TrialOutcome#stopped stopped} if training was cut short
     * @throws Exception if the trial cannot run; it then fails, alone
     */
    TrialOutcome run(Trial trial) throws Exception;

    /**
     * Checks, before any trial runs, that this function understands a space (its parameter names and
     * values), so that a typo fails the sweep at once instead of every trial. Accepts anything by default.
     *
     * @throws IllegalArgumentException naming what it does not understand
     */
    default void check(SearchSpace space) {
    }
}
