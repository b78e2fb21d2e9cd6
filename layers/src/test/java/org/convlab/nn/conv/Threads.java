package org.convlab.nn.conv;

import java.util.function.Supplier;

import org.convlab.kernel.Parallel;

/** Runs test code with an exact number of threads, growing the pool if the machine has fewer cores. */
final class Threads {
    private Threads() {
    }

    /** Runs {@code body} with a budget of {@code n} threads in a pool of at least n. */
    static <T> T with(int n, Supplier<T> body) {
        int saved = Parallel.poolSize();
        Parallel.setPoolSize(Math.max(saved, n));
        try {
            return Parallel.withThreads(n, body);
        } finally {
            Parallel.setPoolSize(saved);
        }
    }
}
