package org.convlab.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.convlab.kernel.Parallel;

/**
 * The cost of one {@link Parallel#forRange} over two trivial chunks, back to back: with one thread it
 * runs inline, with two it measures the hand-off to a worker that is still spinning and the join.
 */
public final class ParallelSuite implements Suite {

    @Override
    public String name() {
        return "parallel";
    }

    @Override
    public String description() {
        return "fork/join overhead of Parallel.forRange, 1 and 2 threads";
    }

    @Override
    public List<Workload> workloads() {
        List<Workload> workloads = new ArrayList<>();
        for (int threads : GemmSuite.THREADS) {
            workloads.add(new Workload("fork-join-t" + threads, Map.of("operation", "forRange(2, 1, no-op)"),
                    threads, 0, ParallelSuite::forkJoin));
        }
        return workloads;
    }

    private static Runnable forkJoin() {
        int[] touched = new int[2];
        return () -> Parallel.forRange(2, 1, (from, to) -> {
            for (int i = from; i < to; i++) {
                touched[i]++;
            }
        });
    }
}
