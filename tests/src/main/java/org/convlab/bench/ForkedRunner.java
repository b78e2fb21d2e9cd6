package org.convlab.bench;

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Measures each workload in a fresh JVM, started with this JVM's command, options and class path, so
 * that one workload's JIT profile, heap and caches cannot colour another's. The child runs
 * {@code Bench --child <suite> <workload>} and prints one {@code MEASUREMENT} line.
 */
final class ForkedRunner {

    /** The prefix of the line a child prints with its round times. */
    static final String RESULT_PREFIX = "MEASUREMENT ";

    private ForkedRunner() {
    }

    /** Measures {@code workload} of {@code suite} in a child JVM and returns its round times. */
    static Measurement measure(Suite suite, Workload workload) {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command()
                .orElse(System.getProperty("java.home") + "/bin/java"));
        command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), Bench.class.getName(), "--child",
                suite.name(), workload.name()));
        try {
            Process process = new ProcessBuilder(command).start();
            CompletableFuture<String> errors = CompletableFuture.supplyAsync(() -> readAll(process.getErrorStream()));
            String output = readAll(process.getInputStream());
            int status = process.waitFor();
            for (String line : output.split("\n")) {
                if (status == 0 && line.startsWith(RESULT_PREFIX)) {
                    double[] millis = Arrays.stream(line.substring(RESULT_PREFIX.length()).trim().split(" "))
                            .mapToDouble(Double::parseDouble).toArray();
                    return new Measurement(workload, millis);
                }
            }
            throw new IllegalStateException("forked benchmark " + workload.name() + " failed with status " + status
                    + ":\n" + output + errors.join());
        } catch (IOException e) {
            throw new IllegalStateException("cannot fork a JVM for " + workload.name(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while benchmarking " + workload.name(), e);
        }
    }

    /** Formats a measurement as the line a child prints. */
    static String resultLine(Measurement measurement) {
        StringBuilder line = new StringBuilder(RESULT_PREFIX);
        for (double ms : measurement.roundMillis()) {
            line.append(' ').append(ms);
        }
        return line.toString();
    }

    private static String readAll(InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(unreadable: " + e + ")";
        }
    }
}
