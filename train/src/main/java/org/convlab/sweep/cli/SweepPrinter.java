package org.convlab.sweep.cli;

import java.io.PrintStream;
import java.util.Locale;
import java.util.regex.Pattern;

import org.convlab.sweep.Metric;
import org.convlab.sweep.SearchSpace;
import org.convlab.sweep.SweepListener;
import org.convlab.sweep.SweepProgress;
import org.convlab.sweep.Trial;
import org.convlab.sweep.TrialResult;
import org.convlab.sweep.TrialStatus;

/**
 * The command line's view of a sweep: a line per trial as it ends, with the trials done and the best
 * so far; on a terminal also a status line redrawn in place below them (trials done and running, best,
 * elapsed time).
 */
final class SweepPrinter implements SweepListener {
    /** Reals written with more digits than people read, as narrowed spaces hold them. */
    private static final Pattern LONG_NUMBER = Pattern.compile("\\d+\\.\\d{4,}(e-?\\d+)?");

    private final PrintStream out;
    private final boolean terminal;
    private final Metric metric;
    private final int rounds;
    private int statusWidth;

    /**
     * @param out      where to print
     * @param terminal whether {@code out} is a terminal that understands carriage returns
     * @param metric   the metric the sweep ranks by
     * @param rounds   the rounds of the sweep
     */
    SweepPrinter(PrintStream out, boolean terminal, Metric metric, int rounds) {
        this.out = out;
        this.terminal = terminal;
        this.metric = metric;
        this.rounds = rounds;
    }

    @Override
    public void onRound(int round, SearchSpace space, int trials) {
        if (rounds > 1) {
            String brief = LONG_NUMBER.matcher(space.toString())
                    .replaceAll(m -> String.format(Locale.ROOT, "%.3g", Double.parseDouble(m.group())));
            line(String.format(Locale.ROOT, "round %d of %d: %d trials over %s", round + 1, rounds, trials, brief));
        }
    }

    @Override
    public void onTrialStart(Trial trial, SweepProgress progress) {
        status(progress);
    }

    @Override
    public void onTrialEnd(TrialResult result, SweepProgress progress) {
        String value = result.status() == TrialStatus.FAILED ? "" : String.format(Locale.ROOT, "  %s %.4f", metric,
                metric.of(result));
        String best = progress.best().map(b -> String.format(Locale.ROOT, "  | best %.4f (trial %d)", metric.of(b), b.trial()))
                .orElse("");
        String width = Integer.toString(Math.max(progress.planned(), progress.done()));
        line(String.format(Locale.ROOT, "[%" + width.length() + "d/%s] trial %d %-9s%s  (%s; %d epoch%s, %.1f s)%s%s",
                progress.done(), width, result.trial(), result.status(), value, result.config(), result.epochs(),
                result.epochs() == 1 ? "" : "s", result.seconds(), result.message().map(m -> ": " + m).orElse(""), best));
        status(progress);
    }

    @Override
    public void onRungEnd(int rung, int promoted, int stopped) {
        line(String.format(Locale.ROOT, "successive halving, rung %d: %d trial%s promoted, %d stopped", rung, promoted,
                promoted == 1 ? "" : "s", stopped));
    }

    /** Clears the status line, if any. */
    void finish() {
        if (statusWidth > 0) {
            out.print("\r" + " ".repeat(statusWidth) + "\r");
            out.flush();
            statusWidth = 0;
        }
    }

    private void line(String text) {
        finish();
        out.println(text);
    }

    private void status(SweepProgress progress) {
        if (!terminal) {
            return;
        }
        String text = String.format(Locale.ROOT, "%d/%d done, %d running%s, %s elapsed", progress.done(), progress.planned(),
                progress.running(), progress.best().map(b -> String.format(Locale.ROOT, ", best %s %.4f (trial %d)", metric,
                        metric.of(b), b.trial())).orElse(""), duration(progress.seconds()));
        out.print("\r" + text + " ".repeat(Math.max(0, statusWidth - text.length())));
        out.flush();
        statusWidth = text.length();
    }

    /** Wall time for people: {@code 42 s} below two minutes, then {@code 12.5 min}. */
    static String duration(double seconds) {
        return seconds < 120 ? String.format(Locale.ROOT, "%.0f s", seconds) : String.format(Locale.ROOT, "%.1f min", seconds / 60);
    }
}
