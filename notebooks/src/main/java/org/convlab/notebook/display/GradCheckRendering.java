package org.convlab.notebook.display;

import io.github.spencerpark.jupyter.kernel.display.RenderContext;
import io.github.spencerpark.jupyter.kernel.display.mime.MIMEType;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.convlab.autograd.GradCheckReport;

/**
 * Gradient-check reports in a notebook: an HTML table with one row per checked input and the verdict coloured
 * (green good, amber acceptable with kinks, red otherwise), and the report's own text as {@code text/plain}.
 */
public final class GradCheckRendering {
    private static final String GREEN = "#1a7f37";
    private static final String AMBER = "#9a6700";
    private static final String RED = "#cf222e";

    private GradCheckRendering() {
    }

    /**
     * The report as an HTML table.
     *
     * @param report the report
     * @return the HTML fragment
     */
    public static String html(GradCheckReport report) {
        StringBuilder sb = new StringBuilder("<div class=\"convlab-gradcheck\"><table>\n<caption>")
                .append(String.format(Locale.ROOT, "Gradient check (%s, centred differences, h = %.0e): ",
                        report.dtype().numpyName(), report.h()))
                .append(report.passed() ? "<b style=\"color:" + GREEN + "\">PASSED</b>"
                        : "<b style=\"color:" + RED + "\">FAILED</b>")
                .append("</caption>\n<thead><tr>");
        for (String header : List.of("input", "shape", "checked", "max rel err", "worst at", "analytic", "numeric",
                "kinks", "verdict")) {
            sb.append("<th>").append(header).append("</th>");
        }
        sb.append("</tr></thead>\n<tbody>\n");
        for (GradCheckReport.Entry e : report.entries()) {
            String verdict = e.verdict()
                    + (e.passed() ? "" : String.format(Locale.ROOT, " (FAILED: limit %.0e)", e.tolerance()));
            sb.append("<tr>")
                    .append(cell(e.input(), false))
                    .append(cell(Arrays.toString(e.shape()), false))
                    .append(cell(e.checked() + "/" + e.total(), true))
                    .append(cell(String.format(Locale.ROOT, "%.2e", e.maxRelError()), true))
                    .append(cell(Arrays.toString(e.worstIndex()), false))
                    .append(cell(String.format(Locale.ROOT, "%.6g", e.analytic()), true))
                    .append(cell(String.format(Locale.ROOT, "%.6g", e.numeric()), true))
                    .append(cell(Integer.toString(e.kinks()), true))
                    .append("<td style=\"color:").append(colour(e)).append("\">").append(Html.escape(verdict))
                    .append("</td></tr>\n");
        }
        return sb.append("</tbody>\n</table></div>").toString();
    }

    static void register() {
        Renderers.register(GradCheckReport.class, List.of(MIMEType.TEXT_HTML), List.of(), GradCheckRendering::render);
    }

    private static void render(GradCheckReport report, RenderContext context) {
        context.renderIfRequested(MIMEType.TEXT_PLAIN, report::toString);
        context.renderIfRequested(MIMEType.TEXT_HTML, () -> html(report));
    }

    private static String cell(String text, boolean number) {
        return (number ? "<td style=\"text-align:right\">" : "<td>") + Html.escape(text) + "</td>";
    }

    private static String colour(GradCheckReport.Entry entry) {
        if (!entry.passed()) {
            return RED;
        }
        return entry.verdict() == GradCheckReport.Verdict.GOOD ? GREEN : AMBER;
    }
}
