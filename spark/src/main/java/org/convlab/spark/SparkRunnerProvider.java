package org.convlab.spark;

import org.convlab.sweep.Runner;
import org.convlab.sweep.RunnerProvider;

/** Provides {@link SparkRunner} as {@code --runner spark}, through {@link java.util.ServiceLoader}. */
public final class SparkRunnerProvider implements RunnerProvider {

    /** Called by {@link java.util.ServiceLoader}. */
    public SparkRunnerProvider() {
    }

    @Override
    public String name() {
        return SparkRunner.NAME;
    }

    /** A {@link SparkRunner} on {@code master} ({@code local[*]} if null), with {@code parallelism} slots if positive. */
    @Override
    public Runner create(String master, int parallelism) {
        SparkRunner.Builder builder = SparkRunner.builder();
        if (master != null) {
            builder.master(master);
        }
        if (parallelism > 0) {
            builder.slots(parallelism);
        }
        return builder.build();
    }
}
