package org.convlab.notebook.display;

import io.github.spencerpark.jupyter.kernel.display.RenderContext;
import io.github.spencerpark.jupyter.kernel.display.mime.MIMEType;

import java.util.List;
import java.util.Locale;

import org.convlab.plot.Plots;
import org.convlab.train.EpochRecord;
import org.convlab.train.History;
import org.convlab.train.IterationRecord;
import org.knowm.xchart.XYChart;

/**
 * A {@link org.convlab.train.Solver}'s {@link History} in a notebook: as HTML, a headline (steps, epochs, time, best
 * epoch), the loss and accuracy charts side by side, and the table of epoch checks; as text, the headline and the
 * table. {@code render(history, "image/png")} gives the loss chart alone.
 */
public final class HistoryRendering {
    private static final String CHART_STYLE = "max-width:49%";

    private HistoryRendering() {
    }

    /**
     * The headline, e.g. {@code 540 iterations, 3 epochs in 31.2 s; best epoch 3: train accuracy 0.9100,
     * validation accuracy 0.8720}.
     *
     * @param history the history
     * @return the headline
     */
    public static String headline(History history) {
        int epochs = Math.max(0, history.epochs().size() - 1);
        double seconds = history.epochs().isEmpty() ? 0 : history.epochs().get(history.epochs().size() - 1).seconds();
        String best = history.best().map(HistoryRendering::best).orElse("");
        return String.format(Locale.ROOT, "%,d iterations, %d epoch%s in %.1f s%s", history.iterations().size(), epochs,
                epochs == 1 ? "" : "s", seconds, best);
    }

    /**
     * The history as HTML: the headline, the charts (when there are steps to draw) and the epoch table.
     *
     * @param history the history
     * @return the HTML fragment
     */
    public static String html(History history) {
        StringBuilder sb = new StringBuilder("<div class=\"convlab-history\"><div><b>Training history</b>: ")
                .append(Html.escape(headline(history))).append("</div>\n");
        return sb.append(charts(history.iterations(), history.epochs()))
                .append(TableRendering.html(history.epochTable(), TableRendering.DEFAULT_MAX_ROWS)).append("</div>")
                .toString();
    }

    /**
     * The loss chart (raw and smoothed over {@link Plots#defaultWindow} iterations) beside the accuracy chart, as one
     * HTML row; the accuracy chart only when there are epoch checks.
     *
     * @param iterations the steps' losses; none for no row at all
     * @param epochs     the epoch checks; none for the loss chart alone
     * @return the HTML {@code <div>} and a newline, or an empty string when there are no steps
     */
    public static String charts(List<IterationRecord> iterations, List<EpochRecord> epochs) {
        if (iterations.isEmpty()) {
            return "";
        }
        XYChart loss = Plots.loss(iterations, Plots.defaultWindow(iterations.size()));
        StringBuilder sb = new StringBuilder("<div>").append(ChartRendering.html(loss, CHART_STYLE));
        if (!epochs.isEmpty()) {
            sb.append(ChartRendering.html(Plots.accuracy(epochs), CHART_STYLE));
        }
        return sb.append("</div>\n").toString();
    }

    /**
     * The history as text: the headline and the epoch table.
     *
     * @param history the history
     * @return the text
     */
    public static String text(History history) {
        return "Training history: " + headline(history) + "\n"
                + TableRendering.text(history.epochTable(), TableRendering.DEFAULT_MAX_ROWS);
    }

    static void register() {
        Renderers.register(History.class, List.of(MIMEType.TEXT_HTML), List.of(MIMEType.IMAGE_PNG),
                HistoryRendering::render);
    }

    private static void render(History history, RenderContext context) {
        context.renderIfRequested(MIMEType.TEXT_PLAIN, () -> text(history));
        context.renderIfRequested(MIMEType.TEXT_HTML, () -> html(history));
        if (!history.iterations().isEmpty()) {
            context.renderIfRequested(MIMEType.IMAGE_PNG, () -> ChartRendering.base64Png(Plots.loss(history)));
        }
    }

    private static String best(EpochRecord epoch) {
        return String.format(Locale.ROOT, "; best epoch %d: train accuracy %.4f, validation accuracy %.4f", epoch.epoch(),
                epoch.trainAccuracy(), epoch.validationAccuracy());
    }
}
