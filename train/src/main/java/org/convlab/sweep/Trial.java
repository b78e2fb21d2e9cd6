package org.convlab.sweep;

import java.io.Serializable;
import java.util.Locale;

import org.convlab.kernel.Parallel;

/**
 * One trial to run: its index in the sweep, its rung (0 unless successive halving promoted it), its
 * budget in epochs, the seed of its initialisation and batch order, and its config.
 *
 * @param index  the trial's number in the sweep, from 0
 * @param rung   the successive-halving rung, from 0; a promoted trial runs again at each higher rung
 * @param epochs the epochs to train
 * @param seed   the seed for the model's initial weights and the batch order
 * @param config the hyper-parameters
 */
public record Trial(int index, int rung, int epochs, long seed, Config config) implements Serializable {
    private static final long serialVersionUID = 1L;

    /** Checks the numbers. */
    public Trial {
        if (index < 0 || rung < 0 || epochs < 1) {
            throw new IllegalArgumentException("Trial: index and rung must not be negative and epochs must be positive, got "
                    + index + ", " + rung + ", " + epochs);
        }
    }

    /**
     * Runs the trial here, with a budget of {@code threads} tensor threads, and turns what happens into
     * a result row: the outcome's metrics and status, or {@link TrialStatus#FAILED} with the exception's
     * message; an outcome reported as completed but with a NaN or infinite final loss becomes
     * {@link TrialStatus#STOPPED}. Every {@link Runner} runs trials through this method, on whatever
     * machine it uses.
     *
     * @throws Error an error of the trial function (out of memory, …) is not caught
     */
    public TrialResult run(TrialFunction function, int threads) {
        long start = System.nanoTime();
        Attempt attempt = new Attempt(function, this);
        Parallel.withThreads(threads, attempt);
        double seconds = (System.nanoTime() - start) / 1e9;
        if (attempt.failure != null) {
            return TrialResult.failed(this, describe(attempt.failure), seconds);
        }
        TrialOutcome outcome = attempt.outcome;
        if (outcome == null) {
            return TrialResult.failed(this, "the trial function returned null", seconds);
        }
        if (outcome.status() == TrialStatus.COMPLETED && !Double.isFinite(outcome.finalLoss())) {
            outcome = outcome.stopped("the final loss is " + outcome.finalLoss());
        }
        return TrialResult.of(this, outcome, seconds);
    }

    /** {@code trial 3 (rung 1, 3 epochs): lr=…}. */
    @Override
    public String toString() {
        return String.format(Locale.ROOT, "trial %d (rung %d, %d epoch%s, seed %d): %s", index, rung, epochs,
                epochs == 1 ? "" : "s", seed, config);
    }

    /** An exception as one line: its class and message, and its cause's when it has no message. */
    static String describe(Throwable failure) {
        Throwable shown = failure;
        while (shown.getMessage() == null && shown.getCause() != null) {
            shown = shown.getCause();
        }
        String message = shown.getMessage() == null ? "" : ": " + shown.getMessage();
        return (shown.getClass().getSimpleName() + message).strip().replaceAll("\\s*\\R\\s*", "; ");
    }

    /** One call of a trial function, keeping its outcome or exception. */
    private static final class Attempt implements Runnable {
        private final TrialFunction function;
        private final Trial trial;
        private TrialOutcome outcome;
        private Exception failure;

        Attempt(TrialFunction function, Trial trial) {
            this.function = function;
            this.trial = trial;
        }

        @Override
        public void run() {
            try {
                outcome = function.run(trial);
            } catch (Exception e) {
                failure = e;
            }
        }
    }
}
