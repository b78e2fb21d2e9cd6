package org.convlab.sweep;

import java.util.ServiceLoader;
import java.util.stream.Collectors;

/**
 * Makes a {@link Runner} by name, for the command line's {@code --runner}: {@code local} is built in;
 * other runners come from modules on the class path that declare a provider in
 * {@code META-INF/services/org.convlab.sweep.RunnerProvider}, as {@code convlab-spark} does for
 * {@code spark}.
 */
public interface RunnerProvider {

    /** The runner's name, e.g. {@code spark}. */
    String name();

    /**
     * A runner.
     *
     * @param master      where to run, in the runner's terms (for Spark a master URL such as
     *                    {@code local[*]} or {@code spark://host:7077}), or null for the runner's default
     * @param parallelism trials to run at once, or 0 for the runner's default
     */
    Runner create(String master, int parallelism);

    /**
     * The runner named {@code name}: {@code local} ({@link LocalRunner}; {@code master} must be null), or
     * one from a provider on the class path.
     *
     * @throws IllegalArgumentException if no provider of that name is on the class path
     */
    static Runner create(String name, String master, int parallelism) {
        if (name.equals(LocalRunner.NAME)) {
            if (master != null) {
                throw new IllegalArgumentException("the local runner takes no master URL; it runs in this JVM");
            }
            return parallelism > 0 ? LocalRunner.builder().parallelism(parallelism).build() : LocalRunner.builder().build();
        }
        ServiceLoader<RunnerProvider> providers = ServiceLoader.load(RunnerProvider.class);
        for (RunnerProvider provider : providers) {
            if (provider.name().equals(name)) {
                return provider.create(master, parallelism);
            }
        }
        String found = providers.stream().map(p -> p.get().name()).collect(Collectors.joining(", "));
        throw new IllegalArgumentException("no runner named '" + name + "' on the class path (runners here: local"
                + (found.isEmpty() ? "" : ", " + found) + ")" + (name.equals("spark")
                        ? "; the spark runner is in the convlab-spark module, which ./convlab sweep --runner spark adds" : ""));
    }
}
