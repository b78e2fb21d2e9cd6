package org.convlab.train;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Thrown by {@link Solver#train()} when the loss (or, at the end of an epoch, a parameter) becomes NaN
 * or infinite, typically because the learning rate is far too high. Training stops at once: the
 * history up to the last good step is kept (here and in {@link Solver#history()}), and the last
 * checkpoint written, if any, is left as it was, from the last completed epoch. The model holds the
 * diverged parameters; restore the checkpoint to continue.
 */
public final class TrainingDivergedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final long iteration;
    private final int epoch;
    private final transient History history;
    private final transient Path lastCheckpoint;

    /**
     * @param what                what went wrong, e.g. {@code the loss is NaN}
     * @param iteration           the step at which it was detected
     * @param lastRecorded        the last step in the history
     * @param lastCheckpoint      the last checkpoint written, or null
     * @param lastCheckpointEpoch the epoch of that checkpoint
     */
    TrainingDivergedException(String what, long iteration, int epoch, int batch, int batchesPerEpoch, History history,
                              long lastRecorded, Path lastCheckpoint, int lastCheckpointEpoch) {
        super("training diverged: " + what + " at iteration " + iteration + " (epoch " + epoch + ", batch " + batch
                + " of " + batchesPerEpoch + "); the history is kept up to iteration " + lastRecorded + "; "
                + (lastCheckpoint == null ? "no checkpoint was written"
                        : "last good checkpoint: " + lastCheckpoint + " (epoch " + lastCheckpointEpoch + ")")
                + ". Try a smaller learning rate.");
        this.iteration = iteration;
        this.epoch = epoch;
        this.history = history;
        this.lastCheckpoint = lastCheckpoint;
    }

    /** The step at which the divergence was detected, from 1. */
    public long iteration() {
        return iteration;
    }

    /** The epoch it belongs to, from 1. */
    public int epoch() {
        return epoch;
    }

    /** The history up to the last good step. */
    public History history() {
        return history;
    }

    /** The last checkpoint written before the divergence, if any. */
    public Optional<Path> lastCheckpoint() {
        return Optional.ofNullable(lastCheckpoint);
    }
}
