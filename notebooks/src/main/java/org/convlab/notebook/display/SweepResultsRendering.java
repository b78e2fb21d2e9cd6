package org.convlab.notebook.display;

import io.github.spencerpark.jupyter.kernel.display.RenderContext;
import io.github.spencerpark.jupyter.kernel.display.mime.MIMEType;

import java.util.List;

import org.convlab.sweep.SweepResults;

/**
 * A sweep's {@link SweepResults} in a notebook: its summary and the table of trials sorted by the sweep's objective,
 * best first ({@link SweepResults#sortedBy}), as HTML; the summary and {@link SweepResults#format} as text.
 */
public final class SweepResultsRendering {
    private SweepResultsRendering() {
    }

    /**
     * The results as HTML: the summary line and the sorted table's first {@value TableRendering#DEFAULT_MAX_ROWS} rows.
     *
     * @param results the results
     * @return the HTML fragment
     */
    public static String html(SweepResults results) {
        return "<div class=\"convlab-sweep\"><div><b>" + Html.escape(results.toString()) + "</b></div>\n"
                + TableRendering.html(results.sortedBy(results.objective()), TableRendering.DEFAULT_MAX_ROWS) + "</div>";
    }

    static void register() {
        Renderers.register(SweepResults.class, List.of(MIMEType.TEXT_HTML), List.of(), SweepResultsRendering::render);
    }

    private static void render(SweepResults results, RenderContext context) {
        context.renderIfRequested(MIMEType.TEXT_PLAIN,
                () -> results + "\n" + results.format(TableRendering.DEFAULT_MAX_ROWS));
        context.renderIfRequested(MIMEType.TEXT_HTML, () -> html(results));
    }
}
