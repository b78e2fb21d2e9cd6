package org.convlab.notebook;

import io.github.spencerpark.jupyter.kernel.display.DisplayData;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.LongSupplier;

import org.convlab.notebook.display.HistoryRendering;
import org.convlab.train.EpochRecord;
import org.convlab.train.History;
import org.convlab.train.IterationProgress;
import org.convlab.train.IterationRecord;
import org.convlab.train.SolverListener;

/**
 * A live view of a {@link org.convlab.train.Solver} in a notebook: one output, created when training starts and
 * replaced in place ({@link Display#updateDisplay}) as it goes, with the progress (epoch, batch, loss, images per
 * second, elapsed time and ETA, a progress bar), the accuracies of the last epoch check, and the loss chart (raw and
 * smoothed) beside the accuracy chart.
 * <pre>{@code
 * History history = Solver.builder().model(model).data(data).optimizer(adam)
 *         .listener(new LiveTraining())
 *         .build().train();
 * }</pre>
 * Updates are throttled to one per {@linkplain #DEFAULT_INTERVAL interval}, so that a fast loop neither floods the
 * notebook nor spends its time drawing charts; the start and the end of training are always shown. Outside a
 * kernel, the first view is printed as text and the updates are dropped. A listener serves one training run at a
 * time; a new run (another {@code train()}) starts a new output.
 */
public final class LiveTraining implements SolverListener {
    /** The least time between two updates of the view, by default. */
    public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(1);

    private final ThrottledDisplay output;
    private final List<IterationRecord> iterations = new ArrayList<>();
    private final List<EpochRecord> epochs = new ArrayList<>();
    private IterationProgress last;
    private int lastEpoch;
    private int batchesPerEpoch;
    private String finished;

    /** A live view updated at most once per {@link #DEFAULT_INTERVAL}. */
    public LiveTraining() {
        this(DEFAULT_INTERVAL);
    }

    /**
     * A live view updated at most once per {@code interval}.
     *
     * @param interval the least time between updates; zero updates on every step
     * @throws IllegalArgumentException if the interval is negative
     */
    public LiveTraining(Duration interval) {
        this(interval, System::nanoTime);
    }

    /** A live view that reads the time from {@code clock} (nanoseconds), for tests. */
    LiveTraining(Duration interval, LongSupplier clock) {
        this.output = new ThrottledDisplay("LiveTraining", interval, clock, this::view);
    }

    /** Starts a new output showing that training starts. */
    @Override
    public void onStart(int firstEpoch, int epochs, int batchesPerEpoch) {
        this.iterations.clear();
        this.epochs.clear();
        this.last = null;
        this.finished = null;
        this.lastEpoch = epochs;
        this.batchesPerEpoch = batchesPerEpoch;
        output.showNew();
    }

    /** Records the step's loss; updates the view if the interval has passed. */
    @Override
    public void onIteration(IterationProgress progress) {
        iterations.add(new IterationRecord(progress.iteration(), progress.epoch(), progress.batch(), progress.loss(),
                progress.learningRate(), progress.seconds()));
        last = progress;
        output.showIfDue();
    }

    /** Records the epoch's accuracies; updates the view if the interval has passed. */
    @Override
    public void onEpochEnd(EpochRecord record) {
        epochs.add(record);
        output.showIfDue();
    }

    /** Shows the final view, with the best epoch. */
    @Override
    public void onEnd(History history) {
        finished = history.best().map(best -> String.format(Locale.ROOT,
                "done: best validation accuracy %.4f at epoch %d", best.validationAccuracy(), best.epoch())).orElse("done");
        output.show();
    }

    /** The id of this view's output, or {@code null} before training starts. */
    public String displayId() {
        return output.displayId();
    }

    /** How many times the view was replaced since training started. */
    int updates() {
        return output.updates();
    }

    /** The view as it stands: the progress as text and, with the charts, as HTML. */
    DisplayData view() {
        String status = status();
        String accuracy = epochs.isEmpty() ? "" : accuracyLine(epochs.get(epochs.size() - 1));
        DisplayData data = new DisplayData(status + (accuracy.isEmpty() ? "" : "\n" + accuracy));
        StringBuilder html = new StringBuilder("<div class=\"convlab-live-training\">\n<div style=\"font-family:monospace\">")
                .append(status).append("</div>\n").append(progressBar()).append('\n');
        if (!accuracy.isEmpty()) {
            html.append("<div style=\"font-family:monospace\">").append(accuracy).append("</div>\n");
        }
        html.append(HistoryRendering.charts(iterations, epochs.size() > 1 ? epochs : List.of()));
        data.putHTML(html.append("</div>").toString());
        return data;
    }

    /** {@code epoch 2/5 · batch 120/180 · loss 0.4312 · 1,234 images/s · 12 s elapsed · ETA 30 s}. */
    private String status() {
        if (last == null) {
            return String.format(Locale.ROOT, "training %d epoch%s of %,d batches: checking the accuracy before the first step",
                    lastEpoch, lastEpoch == 1 ? "" : "s", batchesPerEpoch);
        }
        String progress = String.format(Locale.ROOT, "epoch %d/%d · batch %d/%d · loss %.4f · %,.0f images/s · %s elapsed",
                last.epoch(), last.epochs(), last.batch(), last.batchesPerEpoch(), last.loss(), last.imagesPerSecond(),
                duration(last.seconds()));
        return progress + (finished != null ? " · " + finished : " · ETA " + duration(last.etaSeconds()));
    }

    private static String accuracyLine(EpochRecord epoch) {
        return String.format(Locale.ROOT, "%s: train accuracy %.4f · validation accuracy %.4f",
                epoch.epoch() == 0 ? "before training" : "after epoch " + epoch.epoch(), epoch.trainAccuracy(),
                epoch.validationAccuracy());
    }

    private String progressBar() {
        double done = finished != null ? 1 : last == null ? 0 : (double) last.iteration() / last.iterations();
        return String.format(Locale.ROOT, "<div style=\"width:100%%;max-width:640px;height:8px;background:#e5e7eb\">"
                + "<div style=\"width:%.1f%%;height:8px;background:#2f6fb0\"></div></div>", 100 * done);
    }

    /** {@code 42 s}, {@code 3 min 5 s} or {@code 1 h 2 min}. */
    static String duration(double seconds) {
        long s = Math.round(Math.max(0, seconds));
        if (s < 60) {
            return s + " s";
        }
        if (s < 3600) {
            return s / 60 + " min " + s % 60 + " s";
        }
        return s / 3600 + " h " + s % 3600 / 60 + " min";
    }
}
