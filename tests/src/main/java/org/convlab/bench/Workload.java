package org.convlab.bench;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * A named benchmark: a setup that builds the inputs and returns the operation to time, the number of
 * floating-point operations one run of it performs, and the thread budget it runs with.
 *
 * @param name    unique name within its suite, used to find the workload again in a forked JVM
 * @param labels  table columns describing the workload (e.g. shape, precision), in display order
 * @param threads the {@link org.convlab.kernel.Parallel} thread budget the operation runs with
 * @param flops   floating-point operations per run of the operation, or 0 if not meaningful
 * @param setup   builds the inputs and returns the operation; called once per measurement
 */
public record Workload(String name, Map<String, String> labels, int threads, double flops, Supplier<Runnable> setup) {

    /**
     * Validates the fields and freezes the labels in their given order.
     *
     * @param name unique name within its suite
     * @param labels table columns describing the workload
     * @param threads the thread budget
     * @param flops floating-point operations per run
     * @param setup builds the inputs and returns the operation
     */
    public Workload {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(setup, "setup");
        if (threads < 1) {
            throw new IllegalArgumentException("Workload " + name + ": threads must be at least 1, got " + threads);
        }
        if (!(flops >= 0)) {
            throw new IllegalArgumentException("Workload " + name + ": flops must be at least 0, got " + flops);
        }
        labels = Collections.unmodifiableMap(new LinkedHashMap<>(labels));
    }
}
