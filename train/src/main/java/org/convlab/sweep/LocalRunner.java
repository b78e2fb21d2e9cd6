package org.convlab.sweep;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import org.convlab.kernel.Parallel;

/**
 * Runs trials in this JVM: {@link #parallelism()} trials at a time on a thread pool, each with a budget
 * of {@link #threadsPerTrial()} tensor threads ({@link Parallel#withThreads}), chosen by default so that
 * trials × threads does not exceed the cores of {@link Parallel}'s pool.
 *
 * <pre>{@code
 * try (LocalRunner runner = LocalRunner.builder().parallelism(2).build()) { ... }
 * }</pre>
 */
public final class LocalRunner implements Runner {
    /** The name {@code --runner} knows this runner by. */
    public static final String NAME = "local";

    private static final AtomicInteger POOLS = new AtomicInteger();

    private final int parallelism;
    private final int threadsPerTrial;
    private final ExecutorService pool;

    private LocalRunner(Builder b) {
        int cores = Parallel.poolSize();
        this.parallelism = b.parallelism != null ? b.parallelism : cores;
        this.threadsPerTrial = b.threadsPerTrial != null ? b.threadsPerTrial : Math.max(1, cores / parallelism);
        if (parallelism < 1 || threadsPerTrial < 1) {
            throw new IllegalArgumentException("LocalRunner: parallelism and threadsPerTrial must be positive, got "
                    + parallelism + " and " + threadsPerTrial);
        }
        String prefix = "convlab-trial-" + POOLS.incrementAndGet() + "-";
        AtomicInteger threads = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(parallelism, task -> {
            Thread thread = new Thread(task, prefix + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /** A builder; by default as many trials at a time as cores, one tensor thread each. */
    public static Builder builder() {
        return new Builder();
    }

    /** Trials run at once. */
    public int parallelism() {
        return parallelism;
    }

    /** Tensor threads of each trial. */
    public int threadsPerTrial() {
        return threadsPerTrial;
    }

    @Override
    public int slots() {
        return parallelism;
    }

    @Override
    public CompletableFuture<TrialResult> submit(Trial trial, TrialFunction function) {
        return CompletableFuture.supplyAsync(() -> trial.run(function, threadsPerTrial), pool);
    }

    /** Stops the pool's threads once their trials end; trials not started are dropped. */
    @Override
    public void close() {
        pool.shutdownNow();
    }

    /** {@code local runner: 2 trials at a time × 1 thread}. */
    @Override
    public String toString() {
        return "local runner: " + parallelism + " trial" + (parallelism == 1 ? "" : "s") + " at a time × " + threadsPerTrial
                + " thread" + (threadsPerTrial == 1 ? "" : "s");
    }

    /** Options of a {@link LocalRunner}. */
    public static final class Builder {
        private Integer parallelism;
        private Integer threadsPerTrial;

        private Builder() {
        }

        /** Trials to run at once (default: the cores of {@link Parallel}'s pool). */
        public Builder parallelism(int value) {
            this.parallelism = value;
            return this;
        }

        /** Tensor threads per trial (default: cores / parallelism, at least 1). */
        public Builder threadsPerTrial(int value) {
            this.threadsPerTrial = value;
            return this;
        }

        /**
         * The runner, with its thread pool.
         *
         * @throws IllegalArgumentException if a number is not positive
         */
        public LocalRunner build() {
            return new LocalRunner(this);
        }
    }
}
