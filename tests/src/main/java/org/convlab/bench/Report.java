package org.convlab.bench;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.convlab.kernel.Gemm;
import org.convlab.kernel.Parallel;

/**
 * Formats measurements as a Markdown table, and the environment as a header line.
 */
public final class Report {

    private Report() {
    }

    /**
     * Describes the JVM and machine a report was measured on: JDK version, cores, pool size and GEMM kernel.
     *
     * @return one line
     */
    public static String environment() {
        return "JDK " + Runtime.version() + " (" + System.getProperty("java.vm.name") + "), "
                + Runtime.getRuntime().availableProcessors() + " cores, pool of " + Parallel.poolSize()
                + " threads; GEMM: " + Gemm.describe();
    }

    /**
     * Returns a Markdown table with one row per measurement: the workloads' labels (in order of first
     * appearance), threads, median milliseconds, min–max milliseconds, GFLOP/s at the median and at the
     * fastest round (on a shared machine the fastest round shows what the code can do, the median what
     * it did).
     *
     * @param measurements the rows
     * @return the table, lines separated by {@code \n}, ending with a newline
     */
    public static String markdown(List<Measurement> measurements) {
        Set<String> labelColumns = new LinkedHashSet<>();
        for (Measurement m : measurements) {
            labelColumns.addAll(m.workload().labels().keySet());
        }
        List<String> header = new ArrayList<>(labelColumns);
        header.addAll(List.of("threads", "median ms", "min–max ms", "GFLOP/s", "best GFLOP/s"));
        StringBuilder out = new StringBuilder();
        row(out, header);
        List<String> rule = new ArrayList<>();
        for (int i = 0; i < header.size(); i++) {
            rule.add(i < labelColumns.size() ? "---" : "---:");
        }
        row(out, rule);
        for (Measurement m : measurements) {
            List<String> cells = new ArrayList<>();
            for (String column : labelColumns) {
                cells.add(m.workload().labels().getOrDefault(column, ""));
            }
            cells.add(Integer.toString(m.workload().threads()));
            cells.add(millis(m.medianMillis()));
            cells.add(millis(m.minMillis()) + "–" + millis(m.maxMillis()));
            cells.add(gflops(m.gflops()));
            cells.add(gflops(m.bestGflops()));
            row(out, cells);
        }
        return out.toString();
    }

    /** Formats milliseconds: one or two decimals above 1 ms, three significant digits below. */
    static String millis(double ms) {
        if (ms >= 100) {
            return String.format(Locale.ROOT, "%.1f", ms);
        }
        if (ms >= 1) {
            return String.format(Locale.ROOT, "%.2f", ms);
        }
        return String.format(Locale.ROOT, "%.3g", ms);
    }

    private static String gflops(double value) {
        return Double.isNaN(value) ? "" : String.format(Locale.ROOT, "%.1f", value);
    }

    private static void row(StringBuilder out, List<String> cells) {
        out.append("| ").append(String.join(" | ", cells)).append(" |\n");
    }
}
