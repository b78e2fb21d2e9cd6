package org.convlab.notebook;

import io.github.spencerpark.jupyter.kernel.display.DisplayData;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.LongSupplier;

import org.convlab.notebook.display.ChartRendering;
import org.convlab.notebook.display.Html;
import org.convlab.plot.Plots;
import org.convlab.sweep.Metric;
import org.convlab.sweep.SearchSpace;
import org.convlab.sweep.SweepListener;
import org.convlab.sweep.SweepProgress;
import org.convlab.sweep.Trial;
import org.convlab.sweep.TrialResult;

/**
 * A live view of a hyper-parameter {@link org.convlab.sweep.Sweep} in a notebook: one output, created when the first
 * round starts and replaced in place as trials end, with the round, the trials done and running, the best trial so
 * far, the elapsed time and a rough ETA, and the chart of the objective by trial.
 * <pre>{@code
 * SweepResults results = Sweep.builder().space(space).trials(16)
 *         .listener(new LiveSweep())
 *         .build().run();
 * }</pre>
 * Updates are throttled like {@link LiveTraining}'s; the end of the last trial planned is always shown. The chart
 * shows the metric the sweep ranks by; give it to the constructor if it is not the validation accuracy.
 */
public final class LiveSweep implements SweepListener {
    private final Metric objective;
    private final ThrottledDisplay output;
    private final List<TrialResult> ended = new ArrayList<>();
    private String round = "";
    private SweepProgress progress;

    /** A live view of a sweep ranked by validation accuracy, updated at most once per {@link LiveTraining#DEFAULT_INTERVAL}. */
    public LiveSweep() {
        this(Metric.VALIDATION_ACCURACY, LiveTraining.DEFAULT_INTERVAL);
    }

    /**
     * A live view of a sweep ranked by {@code objective}, updated at most once per {@code interval}.
     *
     * @param objective the sweep's objective, charted by trial
     * @param interval  the least time between updates; zero updates on every event
     * @throws IllegalArgumentException if the interval is negative
     */
    public LiveSweep(Metric objective, Duration interval) {
        this(objective, interval, System::nanoTime);
    }

    /** A live view that reads the time from {@code clock} (nanoseconds), for tests. */
    LiveSweep(Metric objective, Duration interval, LongSupplier clock) {
        this.output = new ThrottledDisplay("LiveSweep", interval, clock, this::view);
        this.objective = objective;
    }

    /** Shows the round starting: a new output for the first, an update for the later ones. */
    @Override
    public void onRound(int index, SearchSpace space, int trials) {
        round = String.format(Locale.ROOT, "round %d: %d trials over %s", index + 1, trials, space);
        output.show();
    }

    /** Notes the trial started; updates the view if the interval has passed. */
    @Override
    public void onTrialStart(Trial trial, SweepProgress now) {
        progress = now;
        output.showIfDue();
    }

    /** Records the trial's result; updates the view if the interval has passed or no trial is left. */
    @Override
    public void onTrialEnd(TrialResult result, SweepProgress now) {
        ended.add(result);
        progress = now;
        if (now.running() == 0 && now.done() >= now.planned()) {
            output.show();
        } else {
            output.showIfDue();
        }
    }

    /** The id of this view's output, or {@code null} before the sweep starts. */
    public String displayId() {
        return output.displayId();
    }

    /** How many times the view was shown or replaced. */
    int updates() {
        return output.updates();
    }

    /** The view as it stands: the progress as text and, with the chart, as HTML. */
    DisplayData view() {
        List<String> lines = new ArrayList<>(List.of(round));
        if (progress != null) {
            lines.add(status(progress));
            progress.best().ifPresent(best -> lines.add(String.format(Locale.ROOT, "best %s so far %.4f: trial %d (%s)",
                    objective, objective.of(best), best.trial(), best.config())));
        }
        DisplayData data = new DisplayData(String.join("\n", lines));
        StringBuilder html = new StringBuilder("<div class=\"convlab-live-sweep\">\n");
        for (String line : lines) {
            html.append("<div style=\"font-family:monospace\">").append(Html.escape(line)).append("</div>\n");
        }
        if (ended.stream().anyMatch(r -> Double.isFinite(objective.of(r)))) {
            html.append(ChartRendering.html(Plots.metricByTrial(ended, objective), "max-width:640px")).append('\n');
        }
        data.putHTML(html.append("</div>").toString());
        return data;
    }

    /** {@code 7/16 trial runs done, 2 running · 40 s elapsed · ETA about 52 s}. */
    private static String status(SweepProgress now) {
        String eta = now.done() == 0 || now.done() >= now.planned() ? ""
                : " · ETA about " + LiveTraining.duration(now.seconds() / now.done() * (now.planned() - now.done()));
        return String.format(Locale.ROOT, "%d/%d trial runs done, %d running · %s elapsed%s", now.done(), now.planned(),
                now.running(), LiveTraining.duration(now.seconds()), eta);
    }
}
