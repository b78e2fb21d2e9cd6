package org.convlab.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The benchmark launcher behind {@code ./convlab bench}:
 * <pre>
 * java --add-modules jdk.incubator.vector -cp ... org.convlab.bench.Bench SUITE [--fork] [--filter TEXT]
 * java ... org.convlab.bench.Bench [conv] --compare-pytorch [--fork] [--filter TEXT]
 * </pre>
 * runs every workload of the suite (or those whose name contains {@code TEXT}) with {@link Harness#DEFAULT}
 * and prints a header line describing the environment, a Markdown table and the suite's summary. With
 * {@code --fork} each workload runs in a fresh JVM. With {@code --compare-pytorch} the convolution suite
 * runs side by side with PyTorch ({@link PyTorchComparison}). New suites are registered in {@link #SUITES}.
 */
public final class Bench {

    /** The option that runs the convolution suite against PyTorch. */
    static final String COMPARE_PYTORCH = "--compare-pytorch";

    /** Every suite, by subcommand. */
    static final List<Suite> SUITES = List.of(new GemmSuite(), new PeakSuite(), new ParallelSuite(), new ConvSuite());

    private Bench() {
    }

    /**
     * Runs the suite named by the first argument.
     *
     * @param args {@code SUITE [--fork] [--filter TEXT]}, or {@code --help}
     */
    public static void main(String[] args) {
        try {
            run(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
        }
    }

    private static void run(String[] args) {
        if (args.length == 0 || args[0].equals("--help") || args[0].equals("-h")) {
            System.out.println(usage());
            return;
        }
        if (args[0].equals("--child")) {
            runChild(args);
            return;
        }
        boolean comparePyTorch = args[0].equals(COMPARE_PYTORCH);
        Suite suite = suite(comparePyTorch ? "conv" : args[0]);
        boolean fork = false;
        String filter = "";
        for (int i = comparePyTorch ? 0 : 1; i < args.length; i++) {
            if (args[i].equals("--fork")) {
                fork = true;
            } else if (args[i].equals("--filter") && i + 1 < args.length) {
                filter = args[++i];
            } else if (args[i].equals(COMPARE_PYTORCH) && suite instanceof ConvSuite) {
                comparePyTorch = true;
            } else {
                throw new IllegalArgumentException("Bench: unknown option '" + args[i] + "'\n" + usage());
            }
        }
        if (comparePyTorch) {
            int status = PyTorchComparison.run(fork, filter);
            if (status != 0) {
                System.exit(status);
            }
            return;
        }
        List<Measurement> measurements = new ArrayList<>();
        System.out.println("# convlab bench " + suite.name() + (fork ? " (one JVM per workload)" : ""));
        System.out.println();
        System.out.println(Report.environment());
        System.out.println();
        for (Workload workload : suite.workloads()) {
            if (!workload.name().contains(filter)) {
                continue;
            }
            Measurement m = fork ? ForkedRunner.measure(suite, workload) : Harness.DEFAULT.measure(workload);
            System.err.printf(Locale.ROOT, "  %-28s %10s ms%n", workload.name(), Report.millis(m.medianMillis()));
            measurements.add(m);
        }
        System.out.print(Report.markdown(measurements));
        String summary = suite.summary(measurements);
        if (!summary.isEmpty()) {
            System.out.println();
            System.out.print(summary);
        }
    }

    private static void runChild(String[] args) {
        if (args.length != 3) {
            throw new IllegalArgumentException("Bench --child SUITE WORKLOAD");
        }
        Workload workload = suite(args[1]).workloads().stream().filter(w -> w.name().equals(args[2])).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Bench: no workload '" + args[2] + "' in " + args[1]));
        System.out.println(ForkedRunner.resultLine(Harness.DEFAULT.measure(workload)));
    }

    private static Suite suite(String name) {
        return SUITES.stream().filter(s -> s.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Bench: unknown suite '" + name + "'\n" + usage()));
    }

    private static String usage() {
        StringBuilder text = new StringBuilder("usage: Bench SUITE [--fork] [--filter TEXT]\n"
                + "       Bench [conv] --compare-pytorch [--fork] [--filter TEXT]\nsuites:\n");
        for (Suite suite : SUITES) {
            text.append(String.format(Locale.ROOT, "  %-8s %s%n", suite.name(), suite.description()));
        }
        text.append("options:\n  --fork             run each workload in a fresh JVM\n"
                + "  --filter TEXT      run only the workloads whose name contains TEXT\n"
                + "  --compare-pytorch  (conv) run W1-W4 in PyTorch too, interleaved, and compare\n");
        return text.toString().stripTrailing();
    }
}
