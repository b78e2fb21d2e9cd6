package org.convlab.sweep;

import java.util.concurrent.CompletableFuture;

/**
 * Where a sweep's trials run: in this JVM on a thread pool ({@link LocalRunner}, the default), or on a
 * cluster (the Spark runner of the {@code convlab-spark} module). The sweep hands a runner at most
 * {@link #slots()} trials at a time and records each result as its future completes.
 *
 * <p>A runner runs each trial through {@link Trial#run(TrialFunction, int)}, which turns an exception
 * of the trial function into a {@link TrialStatus#FAILED} result. A future completes exceptionally only
 * when the trial could not be run at all (or its function threw an {@link Error}); that ends the sweep.
 */
public interface Runner extends AutoCloseable {

    /** How many trials this runner runs at once. */
    int slots();

    /**
     * Starts a trial.
     *
     * @return the trial's result, when it has ended
     */
    CompletableFuture<TrialResult> submit(Trial trial, TrialFunction function);

    /** Releases the runner's threads or cluster connection; trials still running are abandoned. */
    @Override
    void close();
}
