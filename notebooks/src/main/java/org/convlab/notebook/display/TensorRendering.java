package org.convlab.notebook.display;

import io.github.spencerpark.jupyter.kernel.display.RenderContext;
import io.github.spencerpark.jupyter.kernel.display.mime.MIMEType;

import java.util.List;

import org.convlab.autograd.Tensor;

/**
 * Tensors in a notebook: a compact summary — shape, dtype, autograd state, min / mean / max over the finite values
 * and the count of NaN and infinite ones — followed by the values themselves when the tensor has at most
 * {@value #MAX_VALUES_SHOWN} elements. As {@code text/plain} and as {@code text/html} (a grid for vectors and
 * matrices).
 */
public final class TensorRendering {
    /** Tensors with at most this many elements show their values. */
    public static final int MAX_VALUES_SHOWN = 100;

    private TensorRendering() {
    }

    /**
     * The summary as text, e.g. {@code Tensor [2, 3] float32\nmin -1  mean 0.5  max 2} and the values.
     *
     * @param tensor the tensor
     * @return the text
     */
    public static String text(Tensor tensor) {
        Stats stats = Stats.of(tensor);
        StringBuilder sb = new StringBuilder(headline(tensor)).append('\n').append(stats.line("  "));
        if (tensor.numel() <= MAX_VALUES_SHOWN) {
            sb.append('\n').append(tensor);
        }
        return sb.toString();
    }

    /**
     * The summary as HTML: a headline, the statistics, and the values (a table for one or two dimensions).
     *
     * @param tensor the tensor
     * @return the HTML fragment
     */
    public static String html(Tensor tensor) {
        Stats stats = Stats.of(tensor);
        StringBuilder sb = new StringBuilder("<div class=\"convlab-tensor\"><div><b>")
                .append(Html.escape(headline(tensor))).append("</b></div>\n<div>")
                .append(Html.escape(stats.line(" · "))).append("</div>");
        if (tensor.numel() <= MAX_VALUES_SHOWN) {
            sb.append('\n').append(tensor.dim() == 1 || tensor.dim() == 2 ? grid(tensor)
                    : "<pre>" + Html.escape(tensor.toString()) + "</pre>");
        }
        return sb.append("</div>").toString();
    }

    static void register() {
        Renderers.register(Tensor.class, List.of(MIMEType.TEXT_HTML), List.of(), TensorRendering::render);
    }

    private static void render(Tensor tensor, RenderContext context) {
        context.renderIfRequested(MIMEType.TEXT_PLAIN, () -> text(tensor));
        context.renderIfRequested(MIMEType.TEXT_HTML, () -> html(tensor));
    }

    private static String headline(Tensor tensor) {
        StringBuilder sb = new StringBuilder("Tensor");
        if (tensor.name() != null) {
            sb.append(" '").append(tensor.name()).append('\'');
        }
        sb.append(' ').append(tensor.shapeString()).append(' ').append(tensor.dtype().numpyName());
        if (tensor.gradFn() != null) {
            sb.append(", gradFn ").append(tensor.gradFn().op());
        } else if (tensor.requiresGrad()) {
            sb.append(", requires grad");
        }
        return sb.toString();
    }

    private static String grid(Tensor tensor) {
        int rows = tensor.dim() == 1 ? 1 : tensor.size(0);
        int cols = tensor.size(-1);
        StringBuilder sb = new StringBuilder("<table>\n");
        for (int r = 0; r < rows; r++) {
            sb.append("<tr>");
            for (int c = 0; c < cols; c++) {
                sb.append("<td style=\"text-align:right\">").append(Html.number(tensor.getFlat(r * cols + c)))
                        .append("</td>");
            }
            sb.append("</tr>\n");
        }
        return sb.append("</table>").toString();
    }

    /** Statistics over the finite values, and how many are NaN or infinite. */
    private record Stats(double min, double mean, double max, int finite, int nan, int infinite) {
        static Stats of(Tensor tensor) {
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            double sum = 0;
            int finite = 0;
            int nan = 0;
            int infinite = 0;
            for (int i = 0; i < tensor.numel(); i++) {
                double v = tensor.getFlat(i);
                if (Double.isNaN(v)) {
                    nan++;
                } else if (Double.isInfinite(v)) {
                    infinite++;
                } else {
                    min = Math.min(min, v);
                    max = Math.max(max, v);
                    sum += v;
                    finite++;
                }
            }
            return new Stats(min, finite == 0 ? Double.NaN : sum / finite, max, finite, nan, infinite);
        }

        String line(String separator) {
            String values = finite == 0 ? "no finite values"
                    : "min " + Html.number(min) + separator + "mean " + Html.number(mean) + separator
                    + "max " + Html.number(max);
            return values + (nan > 0 ? separator + nan + " NaN" : "")
                    + (infinite > 0 ? separator + infinite + " inf" : "");
        }
    }
}
