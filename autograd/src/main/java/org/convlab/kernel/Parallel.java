package org.convlab.kernel;

import java.util.Arrays;
import java.util.Objects;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

/**
 * The persistent thread pool shared by every convlab operation.
 *
 * <p>The pool holds {@link #poolSize()} threads: the thread that calls {@link #forRange} plus
 * {@code poolSize() - 1} daemon workers named {@code convlab-worker-N}, started on first use and kept
 * for the life of the JVM. A worker that has finished a task spins for a short while before it parks, so
 * that the next parallel region, which typically follows within microseconds, starts without the cost
 * of waking a parked thread.
 *
 * <p>Each thread has a thread budget, set with {@link #withThreads(int, Runnable)}; {@link #threads()} is
 * the number of threads a parallel region started by the current thread may use. Code running inside a
 * parallel task always sees a budget of one, so nested parallel calls run inline on the thread that
 * makes them and can never deadlock. Several threads may start parallel regions at the same time: each
 * region recruits only workers that are idle and runs the rest of its chunks itself.
 *
 * <p>The default pool size is the number of available processors, unless the system property
 * {@code convlab.threads} or else the environment variable {@code CONVLAB_THREADS} gives another.
 */
public final class Parallel {

    /** A task over a contiguous range of indices, run by {@link #forRange}. */
    @FunctionalInterface
    public interface RangeTask {
        /**
         * Processes the indices {@code from} (inclusive) to {@code to} (exclusive).
         *
         * @param from first index of the chunk
         * @param to   one past the last index of the chunk
         */
        void run(int from, int to);
    }

    /**
     * How long an idle worker, or a caller waiting for its helpers, spins before it parks. Waking a parked
     * worker costs 8–15 µs, and the woken thread may first land on the busy core of its waker; a worker
     * that parked 100 µs after its chunk often missed the next back-to-back region entirely, so that the
     * caller ran every chunk itself. One millisecond of spinning covers the usual imbalance between chunks
     * and the serial work between parallel regions.
     */
    private static final long SPIN_NANOS = 1_000_000;

    private static final ThreadLocal<Budget> BUDGET = ThreadLocal.withInitial(Budget::new);
    private static final Object WORKERS_LOCK = new Object();

    private static volatile int poolSize = defaultPoolSize();
    private static volatile Worker[] workers = new Worker[0];

    private Parallel() {
    }

    /**
     * Returns the number of threads in the pool, the calling thread included.
     *
     * @return the pool size, at least one
     */
    public static int poolSize() {
        return poolSize;
    }

    /**
     * Sets the number of threads in the pool, the calling thread included. Workers are started on demand;
     * shrinking the pool leaves surplus workers parked.
     *
     * @param n the new pool size
     * @throws IllegalArgumentException if {@code n < 1}
     */
    public static void setPoolSize(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("Parallel.setPoolSize: the pool size must be at least 1, got " + n);
        }
        poolSize = n;
    }

    /**
     * Returns the number of threads a parallel region started by the current thread may use: the smaller
     * of the pool size and the thread's budget, or one when called from inside a parallel task.
     *
     * @return the effective thread count, at least one
     */
    public static int threads() {
        if (Thread.currentThread() instanceof Worker) {
            return 1;
        }
        Budget budget = BUDGET.get();
        return budget.insideTask ? 1 : Math.min(poolSize, budget.threads);
    }

    /**
     * Runs {@code body} with the current thread's budget set to {@code n} threads, then restores the
     * previous budget, also when the body throws.
     *
     * @param n    the thread budget for the body
     * @param body the code to run
     * @throws IllegalArgumentException if {@code n < 1}
     */
    public static void withThreads(int n, Runnable body) {
        Objects.requireNonNull(body, "body");
        withThreads(n, () -> {
            body.run();
            return null;
        });
    }

    /**
     * Runs {@code body} with the current thread's budget set to {@code n} threads, then restores the
     * previous budget, also when the body throws.
     *
     * @param n    the thread budget for the body
     * @param body the code to run
     * @param <T>  the result type
     * @return what {@code body} returned
     * @throws IllegalArgumentException if {@code n < 1}
     */
    public static <T> T withThreads(int n, Supplier<T> body) {
        if (n < 1) {
            throw new IllegalArgumentException("Parallel.withThreads: the thread budget must be at least 1, got " + n);
        }
        Objects.requireNonNull(body, "body");
        Budget budget = BUDGET.get();
        int saved = budget.threads;
        budget.threads = n;
        try {
            return body.get();
        } finally {
            budget.threads = saved;
        }
    }

    /**
     * Runs {@code task} over {@code [0, n)} split into at most {@link #threads()} contiguous chunks of at
     * least {@code grain} indices each, so that small ranges stay on one thread. One chunk runs on the
     * calling thread, the others on pool workers; the call returns when every chunk has finished. Inside
     * the chunks {@link #threads()} is one. When the range is not split, the task runs as a plain call on
     * the calling thread and keeps its budget.
     *
     * <p>If chunks throw, chunks not yet started are skipped and the first exception is rethrown on the
     * calling thread: a {@link RuntimeException} or {@link Error} as itself, any other throwable wrapped in
     * a {@link CompletionException}.
     *
     * @param n     the number of indices, at least zero
     * @param grain the smallest chunk worth a thread of its own, at least one
     * @param task  the work to run over each chunk
     * @throws IllegalArgumentException if {@code n < 0} or {@code grain < 1}
     */
    public static void forRange(int n, int grain, RangeTask task) {
        if (n < 0) {
            throw new IllegalArgumentException("Parallel.forRange: the range size must be at least 0, got " + n);
        }
        if (grain < 1) {
            throw new IllegalArgumentException("Parallel.forRange: the grain must be at least 1, got " + grain);
        }
        Objects.requireNonNull(task, "task");
        if (n == 0) {
            return;
        }
        int chunks = Math.min(threads(), Math.max(1, n / grain));
        if (chunks == 1) {
            task.run(0, n);
            return;
        }
        Job job = new Job(task, n, chunks, Thread.currentThread());
        recruit(job, chunks - 1);
        Budget budget = BUDGET.get();
        budget.insideTask = true;
        try {
            job.runChunks();
        } finally {
            budget.insideTask = false;
        }
        job.awaitCompletion();
        job.rethrowFailure();
    }

    /** Hands {@code job} to up to {@code wanted} idle workers. */
    private static void recruit(Job job, int wanted) {
        Worker[] pool = workersFor(poolSize - 1);
        int recruited = 0;
        for (int i = 0; i < pool.length && recruited < wanted; i++) {
            if (pool[i].offer(job)) {
                recruited++;
            }
        }
    }

    /** Returns at least the first {@code count} workers, starting any that do not exist yet. */
    private static Worker[] workersFor(int count) {
        Worker[] current = workers;
        if (current.length >= count) {
            return current;
        }
        synchronized (WORKERS_LOCK) {
            current = workers;
            if (current.length < count) {
                Worker[] grown = Arrays.copyOf(current, count);
                for (int i = current.length; i < count; i++) {
                    grown[i] = new Worker(i + 1);
                    grown[i].start();
                }
                workers = grown;
                current = grown;
            }
            return current;
        }
    }

    private static int defaultPoolSize() {
        String property = System.getProperty("convlab.threads");
        if (property != null) {
            return parsePoolSize(property, "system property convlab.threads");
        }
        String env = System.getenv("CONVLAB_THREADS");
        if (env != null) {
            return parsePoolSize(env, "environment variable CONVLAB_THREADS");
        }
        return Runtime.getRuntime().availableProcessors();
    }

    private static int parsePoolSize(String value, String source) {
        try {
            int n = Integer.parseInt(value.trim());
            if (n >= 1) {
                return n;
            }
        } catch (NumberFormatException ignored) {
            // fall through to the warning below
        }
        int fallback = Runtime.getRuntime().availableProcessors();
        System.err.println("convlab: ignoring " + source + "='" + value + "' (expected a whole number >= 1); using "
                + fallback + " threads.");
        return fallback;
    }

    /** The per-thread budget and whether the thread is currently running a chunk of a parallel region. */
    private static final class Budget {
        int threads = Integer.MAX_VALUE;
        boolean insideTask;
    }

    /** One parallel region: its chunks are claimed by the caller and the recruited workers. */
    private static final class Job {
        private final RangeTask task;
        private final int n;
        private final int chunks;
        private final Thread owner;
        private final AtomicInteger nextChunk = new AtomicInteger();
        private final AtomicInteger unfinished;
        private final AtomicReference<Throwable> failure = new AtomicReference<>();

        Job(RangeTask task, int n, int chunks, Thread owner) {
            this.task = task;
            this.n = n;
            this.chunks = chunks;
            this.owner = owner;
            this.unfinished = new AtomicInteger(chunks);
        }

        /** Claims and runs chunks until none is left. */
        void runChunks() {
            int chunk;
            while ((chunk = nextChunk.getAndIncrement()) < chunks) {
                try {
                    if (failure.get() == null) {
                        task.run(start(chunk), start(chunk + 1));
                    }
                } catch (Throwable t) {
                    failure.compareAndSet(null, t);
                } finally {
                    if (unfinished.decrementAndGet() == 0 && Thread.currentThread() != owner) {
                        LockSupport.unpark(owner);
                    }
                }
            }
        }

        private int start(int chunk) {
            return (int) ((long) chunk * n / chunks);
        }

        void awaitCompletion() {
            long spinUntil = System.nanoTime() + SPIN_NANOS;
            while (unfinished.get() != 0) {
                if (System.nanoTime() < spinUntil) {
                    Thread.onSpinWait();
                } else {
                    LockSupport.park(this);
                }
            }
        }

        void rethrowFailure() {
            Throwable t = failure.get();
            if (t == null) {
                return;
            }
            if (t instanceof RuntimeException) {
                throw (RuntimeException) t;
            }
            if (t instanceof Error) {
                throw (Error) t;
            }
            throw new CompletionException("Parallel.forRange: a chunk failed", t);
        }
    }

    /** A pool thread: waits for a job, helps run its chunks, and becomes idle again. */
    private static final class Worker extends Thread {
        private final AtomicBoolean busy = new AtomicBoolean();
        private volatile Job job;
        private volatile boolean parked;

        Worker(int number) {
            super("convlab-worker-" + number);
            setDaemon(true);
        }

        /** Gives this worker {@code next} if it is idle. */
        boolean offer(Job next) {
            if (!busy.compareAndSet(false, true)) {
                return false;
            }
            job = next;
            if (parked) {
                LockSupport.unpark(this);
            }
            return true;
        }

        @Override
        public void run() {
            while (true) {
                Job current = awaitJob();
                job = null;
                current.runChunks();
                busy.set(false);
            }
        }

        private Job awaitJob() {
            long spinUntil = System.nanoTime() + SPIN_NANOS;
            Job current;
            while ((current = job) == null) {
                if (System.nanoTime() < spinUntil) {
                    Thread.onSpinWait();
                } else {
                    parked = true;
                    if (job == null) {
                        LockSupport.park(this);
                    }
                    parked = false;
                }
            }
            return current;
        }
    }
}
