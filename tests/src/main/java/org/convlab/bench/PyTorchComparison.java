package org.convlab.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code ./convlab bench conv --compare-pytorch}: runs the convolution workloads W1–W4 in Java and, in a child
 * process, in PyTorch ({@code tests/src/main/python/pytorch_bench.py} under {@code /usr/bin/python3}),
 * interleaved workload by workload and thread count by thread count, {@link #PASSES} times in turn, so
 * that both see the same machine, and prints the Java table, the suite's summary and a Markdown table of
 * Java and PyTorch medians and their ratio. PyTorch is Debian's {@code python3-torch}; when it is missing it is installed with apt-get if the
 * benchmark runs as root, and otherwise the command to install it is printed.
 */
final class PyTorchComparison {

    /** The Python interpreter that has Debian's python3-torch. */
    static final String PYTHON = "/usr/bin/python3";
    /** The script, relative to the repository root. */
    static final Path SCRIPT = Path.of("tests", "src", "main", "python", "pytorch_bench.py");
    /** The Debian package providing PyTorch. */
    static final String PACKAGE = "python3-torch";
    /**
     * How many times each fused workload and its PyTorch counterpart are measured, one after the other in
     * turn; the rounds of all passes are pooled, so that a slow spell of the machine weighs on both sides.
     */
    static final int PASSES = 3;

    private static final Pattern FIELD = Pattern.compile("\"(\\w+)\":\\s*(\"[^\"]*\"|[-+0-9.eE]+)");
    private static final Pattern ROUNDS = Pattern.compile("\"rounds_ms\":\\s*\\[([^\\]]*)\\]");

    /**
     * One PyTorch measurement, from a line of the script's output, or several pooled.
     *
     * @param workload    the script's name for it, e.g. {@code W1 forward}
     * @param threads     torch's thread count
     * @param roundMillis milliseconds per call in each round
     * @param torch       torch's version
     * @param blas        the BLAS torch's linear layers use
     */
    record Result(String workload, int threads, double[] roundMillis, String torch, String blas) {

        /** The median of the rounds, in milliseconds per call. */
        double medianMillis() {
            return Measurement.median(roundMillis);
        }

        /** Parses one JSON line of the script, e.g. {@code {"workload": "W1 forward", "threads": 1, ...}}. */
        static Result parse(String line) {
            Map<String, String> fields = new LinkedHashMap<>();
            Matcher m = FIELD.matcher(line);
            while (m.find()) {
                String value = m.group(2);
                fields.put(m.group(1), value.startsWith("\"") ? value.substring(1, value.length() - 1) : value);
            }
            Matcher rounds = ROUNDS.matcher(line);
            for (String key : List.of("workload", "threads", "torch", "blas")) {
                if (!fields.containsKey(key)) {
                    throw new IllegalStateException("pytorch_bench.py: no \"" + key + "\" in: " + line);
                }
            }
            if (!rounds.find() || rounds.group(1).isBlank()) {
                throw new IllegalStateException("pytorch_bench.py: no \"rounds_ms\" in: " + line);
            }
            return new Result(fields.get("workload"), Integer.parseInt(fields.get("threads")),
                    Arrays.stream(rounds.group(1).split(",")).mapToDouble(v -> Double.parseDouble(v.strip())).toArray(),
                    fields.get("torch"), fields.get("blas"));
        }

        /** The rounds of several results for the same workload and thread count, in order. */
        static Result pooled(List<Result> parts) {
            Result first = parts.get(0);
            return new Result(first.workload(), first.threads(),
                    parts.stream().flatMapToDouble(r -> Arrays.stream(r.roundMillis())).toArray(), first.torch(),
                    first.blas());
        }
    }

    private PyTorchComparison() {
    }

    /**
     * Runs the comparison and prints it.
     *
     * @param fork   whether each Java workload runs in a fresh JVM
     * @param filter only workloads whose Java name contains this text
     * @return the process exit status: 0, or 2 when PyTorch is missing and cannot be installed
     */
    static int run(boolean fork, String filter) {
        Path script = script();
        if (!ensureTorch()) {
            return 2;
        }
        ConvSuite suite = new ConvSuite();
        List<Measurement> java = new ArrayList<>();
        List<Result> torch = new ArrayList<>();
        System.out.println("# convlab bench conv --compare-pytorch" + (fork ? " (one JVM per Java workload)" : ""));
        System.out.println();
        for (String workload : ConvWorkloads.NAMES) {
            for (int threads : GemmSuite.THREADS) {
                List<Workload> selected = ConvSuite.workloads(workload, threads).stream()
                        .filter(w -> w.name().contains(filter)).toList();
                if (selected.isEmpty()) {
                    continue;
                }
                Map<String, List<Measurement>> javaPasses = new LinkedHashMap<>();
                Map<String, List<Result>> torchPasses = new LinkedHashMap<>();
                for (int pass = 0; pass < PASSES; pass++) {
                    for (Workload w : selected) {
                        if (pass > 0 && !w.labels().get("convolution").equals("fused")) {
                            continue;
                        }
                        Measurement m = fork ? ForkedRunner.measure(suite, w) : Harness.DEFAULT.measure(w);
                        System.err.printf(Locale.ROOT, "  %-34s %10s ms%n", w.name(), Report.millis(m.medianMillis()));
                        javaPasses.computeIfAbsent(w.name(), k -> new ArrayList<>()).add(m);
                    }
                    for (Result r : runScript(script, workload, threads)) {
                        System.err.printf(Locale.ROOT, "  %-34s %10s ms%n", "PyTorch " + r.workload() + " t" + r.threads(),
                                Report.millis(r.medianMillis()));
                        torchPasses.computeIfAbsent(r.workload(), k -> new ArrayList<>()).add(r);
                    }
                }
                javaPasses.values().forEach(passes -> java.add(Measurement.pooled(passes)));
                torchPasses.values().forEach(passes -> torch.add(Result.pooled(passes)));
            }
        }
        System.out.println(Report.environment() + (torch.isEmpty() ? ""
                : "; PyTorch " + torch.get(0).torch() + " (BLAS: " + torch.get(0).blas() + ")"));
        System.out.println();
        System.out.print(Report.markdown(java));
        System.out.println();
        System.out.print(suite.summary(java));
        System.out.println();
        System.out.print(table(java, torch));
        return 0;
    }

    /**
     * The comparison table: for every fused Java workload with a PyTorch counterpart, both medians and their
     * ratio (below 1 when Java is faster).
     */
    static String table(List<Measurement> java, List<Result> torch) {
        StringBuilder out = new StringBuilder();
        out.append("| workload | pass | threads | Java ms | PyTorch ms | Java / PyTorch | faster |\n");
        out.append("| --- | --- | ---: | ---: | ---: | ---: | --- |\n");
        for (Measurement m : java) {
            Map<String, String> labels = m.workload().labels();
            if (!labels.get("convolution").equals("fused")) {
                continue;
            }
            String name = labels.get("workload") + " " + labels.get("pass");
            int threads = m.workload().threads();
            torch.stream().filter(r -> r.workload().equals(name) && r.threads() == threads).findFirst().ifPresent(r -> {
                double ratio = m.medianMillis() / r.medianMillis();
                out.append(String.format(Locale.ROOT, "| %s | %s | %d | %s | %s | %.2f | %s |%n", labels.get("workload"),
                        labels.get("pass"), threads, Report.millis(m.medianMillis()), Report.millis(r.medianMillis()),
                        ratio, ratio <= 1 ? "Java" : "PyTorch"));
            });
        }
        return out.toString();
    }

    /** The script, found under $CONVLAB_HOME (set by the launcher) or the working directory. */
    private static Path script() {
        String home = System.getenv("CONVLAB_HOME");
        Path script = (home != null ? Path.of(home) : Path.of("")).resolve(SCRIPT);
        if (!Files.isRegularFile(script)) {
            throw new IllegalArgumentException("Bench: cannot find " + script.toAbsolutePath()
                    + "; run through ./convlab or set CONVLAB_HOME to the repository");
        }
        return script;
    }

    /** Whether PyTorch imports, installing Debian's package first when it does not and this is root. */
    private static boolean ensureTorch() {
        if (exec(List.of(PYTHON, "-c", "import torch"), Map.of()).status() == 0) {
            return true;
        }
        String command = "apt-get install -y " + PACKAGE;
        if (!exec(List.of("id", "-u"), Map.of()).output().strip().equals("0")) {
            System.err.println("Bench: PyTorch is missing for " + PYTHON + "; install it with: sudo " + command);
            return false;
        }
        System.err.println("Bench: PyTorch is missing; running " + command);
        Exec install = exec(List.of("apt-get", "install", "-y", PACKAGE), Map.of("DEBIAN_FRONTEND", "noninteractive"));
        if (install.status() != 0 || exec(List.of(PYTHON, "-c", "import torch"), Map.of()).status() != 0) {
            System.err.println("Bench: " + command + " failed:\n" + install.output());
            return false;
        }
        return true;
    }

    /** Runs the script for one workload and thread count and parses its lines. */
    private static List<Result> runScript(Path script, String workload, int threads) {
        Exec run = exec(List.of(PYTHON, script.toString(), "--threads", Integer.toString(threads), "--workloads",
                workload), Map.of("MALLOC_MMAP_THRESHOLD_", "1000000000", "MALLOC_TRIM_THRESHOLD_", "1000000000"));
        if (run.status() != 0) {
            throw new IllegalStateException("pytorch_bench.py failed with status " + run.status() + ":\n" + run.output());
        }
        List<Result> results = new ArrayList<>();
        for (String line : run.output().split("\n")) {
            if (line.startsWith("{")) {
                results.add(Result.parse(line));
            }
        }
        return results;
    }

    /** A finished child process: its exit status and its standard output (standard error appended). */
    private record Exec(int status, String output) {
    }

    private static Exec exec(List<String> command, Map<String, String> environment) {
        try {
            ProcessBuilder builder = new ProcessBuilder(command);
            builder.environment().putAll(environment);
            Process process = builder.start();
            CompletableFuture<String> errors = CompletableFuture.supplyAsync(() -> readAll(process.getErrorStream()));
            String output = readAll(process.getInputStream());
            int status = process.waitFor();
            return new Exec(status, output + errors.join());
        } catch (IOException e) {
            return new Exec(127, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + command, e);
        }
    }

    private static String readAll(InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(unreadable: " + e + ")";
        }
    }
}
