package org.convlab.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.convlab.bench.ConvWorkloads.Conv;
import org.convlab.bench.ConvWorkloads.Implementation;
import org.convlab.bench.ConvWorkloads.Step;

/**
 * The convolution workloads W1–W4 ({@link ConvWorkloads}) in float32 with one and two threads: W1 and W2
 * forward and forward + backward (dx, dW, db), fused and naive, in GFLOP/s; W3 and W4 training steps in
 * ms/step and images/s. The summary compares naive with fused.
 */
public final class ConvSuite implements Suite {

    /** The passes of a convolution workload. */
    static final String FORWARD = "forward";
    /** Forward and backward: gradients of the input, filters and bias. */
    static final String FORWARD_BACKWARD = "forward+backward";
    /** The label of a training step. */
    static final String TRAIN_STEP = "train step";

    @Override
    public String name() {
        return "conv";
    }

    @Override
    public String description() {
        return "fused vs naive convolution (W1, W2) and training steps (W3, W4), float32, 1 and 2 threads";
    }

    @Override
    public List<Workload> workloads() {
        List<Workload> workloads = new ArrayList<>();
        for (String workload : ConvWorkloads.NAMES) {
            for (int threads : GemmSuite.THREADS) {
                workloads.addAll(workloads(workload, threads));
            }
        }
        return workloads;
    }

    /** The workloads of one of W1–W4 with one thread budget, in report order. */
    static List<Workload> workloads(String workload, int threads) {
        List<Workload> workloads = new ArrayList<>();
        for (Conv conv : ConvWorkloads.CONVS) {
            if (!conv.name().equals(workload)) {
                continue;
            }
            double forwardFlops = conv.geometry().forwardFlops();
            for (String pass : List.of(FORWARD, FORWARD_BACKWARD)) {
                for (Implementation implementation : Implementation.values()) {
                    boolean forward = pass.equals(FORWARD);
                    workloads.add(new Workload(name(conv.name(), pass, implementation.label(), threads),
                            labels(conv.name(), conv.describe(), pass, implementation.label()), threads,
                            forward ? forwardFlops : 3 * forwardFlops,
                            () -> forward ? ConvWorkloads.forward(conv, implementation)
                                    : ConvWorkloads.forwardBackward(conv, implementation)));
                }
            }
        }
        for (Step step : ConvWorkloads.STEPS) {
            if (step.name().equals(workload)) {
                workloads.add(new Workload(name(step.name(), TRAIN_STEP, "fused", threads),
                        labels(step.name(), step.describe(), TRAIN_STEP, "fused"), threads, 0,
                        () -> ConvWorkloads.trainingStep(step)));
            }
        }
        return workloads;
    }

    /** The workload's name, e.g. {@code W1-forward-fused-t1}. */
    static String name(String workload, String pass, String implementation, int threads) {
        return workload + "-" + pass.replace(' ', '-') + "-" + implementation + "-t" + threads;
    }

    private static Map<String, String> labels(String workload, String shapes, String pass, String implementation) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("workload", workload);
        labels.put("shapes", shapes);
        labels.put("pass", pass);
        labels.put("convolution", implementation);
        return labels;
    }

    /** The batch size of a training-step workload. */
    static int batch(String workload) {
        return ConvWorkloads.STEPS.stream().filter(s -> s.name().equals(workload)).findFirst().orElseThrow().batch();
    }

    /**
     * Returns a Markdown table of the naive-to-fused speed-ups and the training steps' images per second, for
     * the measurements present.
     */
    @Override
    public String summary(List<Measurement> measurements) {
        Map<String, Measurement> byName = new LinkedHashMap<>();
        measurements.forEach(m -> byName.put(m.workload().name(), m));
        StringBuilder out = new StringBuilder();
        out.append("| workload | pass | threads | fused ms | naive ms | naive / fused | images/s |\n");
        out.append("| --- | --- | ---: | ---: | ---: | ---: | ---: |\n");
        for (Measurement m : measurements) {
            Map<String, String> labels = m.workload().labels();
            if (!labels.get("convolution").equals("fused")) {
                continue;
            }
            String workload = labels.get("workload");
            String pass = labels.get("pass");
            int threads = m.workload().threads();
            Measurement naive = byName.get(name(workload, pass, "naive", threads));
            boolean step = pass.equals(TRAIN_STEP);
            out.append(String.format(Locale.ROOT, "| %s | %s | %d | %s | %s | %s | %s |%n", workload, pass, threads,
                    Report.millis(m.medianMillis()), naive == null ? "" : Report.millis(naive.medianMillis()),
                    naive == null ? "" : String.format(Locale.ROOT, "%.1f×", naive.medianMillis() / m.medianMillis()),
                    step ? String.format(Locale.ROOT, "%,.0f", batch(workload) * 1000 / m.medianMillis()) : ""));
        }
        return out.toString();
    }
}
