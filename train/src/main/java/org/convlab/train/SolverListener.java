package org.convlab.train;

/**
 * Receives a {@link Solver}'s progress, on the training thread; every method does nothing by default.
 * The command line's progress bar is one; a notebook can plot live with another.
 */
public interface SolverListener {

    /**
     * Training is about to start (or resume).
     *
     * @param firstEpoch      the first epoch to run, from 1
     * @param epochs          the last epoch to run
     * @param batchesPerEpoch steps per epoch
     */
    default void onStart(int firstEpoch, int epochs, int batchesPerEpoch) {
    }

    /** A step finished. */
    default void onIteration(IterationProgress progress) {
    }

    /** An epoch's accuracies were measured (epoch 0: before the first step). */
    default void onEpochEnd(EpochRecord record) {
    }

    /** Training finished and the best parameters were swapped into the model. */
    default void onEnd(History history) {
    }
}
