package org.convlab.bench;

import java.util.List;

/**
 * A named group of workloads, run by {@code Bench <name>} and reported as one table.
 */
public interface Suite {

    /**
     * Returns the subcommand that runs this suite.
     *
     * @return a short lower-case name such as {@code gemm}
     */
    String name();

    /**
     * Returns what the suite measures, for {@code Bench --help}.
     *
     * @return one line
     */
    String description();

    /**
     * Returns the workloads, in report order. Workload setups must be cheap to create: they only run
     * when measured.
     *
     * @return the workloads, with names unique within the suite
     */
    List<Workload> workloads();

    /**
     * Returns Markdown to print after the suite's table, such as ratios between its rows; empty by default.
     *
     * @param measurements the measured workloads, in report order (a filter may have left some out)
     * @return Markdown, empty or ending with a newline
     */
    default String summary(List<Measurement> measurements) {
        return "";
    }
}
