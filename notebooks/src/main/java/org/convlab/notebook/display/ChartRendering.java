package org.convlab.notebook.display;

import io.github.spencerpark.jupyter.kernel.display.RenderContext;
import io.github.spencerpark.jupyter.kernel.display.mime.MIMEType;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.internal.chartpart.Chart;

/**
 * XChart charts in a notebook: {@code image/png} by default, {@code image/svg+xml} on request, and a one-line
 * {@code text/plain} description. Works headless.
 */
public final class ChartRendering {
    private ChartRendering() {
    }

    /**
     * The chart as PNG bytes, at its own width and height.
     *
     * @param chart any XChart chart
     * @return the PNG file's bytes
     */
    public static byte[] png(Chart<?, ?> chart) {
        try {
            return BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The chart as PNG bytes in Base64, the form of an {@code image/png} output and of a data URI.
     *
     * @param chart any XChart chart
     * @return the PNG file's bytes, Base64-encoded
     */
    public static String base64Png(Chart<?, ?> chart) {
        return Base64.getEncoder().encodeToString(png(chart));
    }

    /**
     * The chart as an SVG document.
     *
     * @param chart any XChart chart
     * @return the SVG text
     */
    public static String svg(Chart<?, ?> chart) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            VectorGraphicsEncoder.saveVectorGraphic(chart, out, VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    /**
     * The chart as an HTML {@code <img>} with its PNG inline (a data URI), for outputs that combine charts with
     * text or tables in one HTML fragment.
     *
     * @param chart any XChart chart
     * @param style the element's CSS, e.g. {@code "max-width:49%"}
     * @return the HTML element, its {@code alt} text being {@link #text}
     */
    public static String html(Chart<?, ?> chart, String style) {
        return "<img src=\"data:image/png;base64," + base64Png(chart) + "\" alt=\""
                + Html.escape(text(chart)) + "\" style=\"" + Html.escape(style) + "\"/>";
    }

    /**
     * A one-line description, e.g. {@code XYChart "Training loss" (800×500, 2 series)}.
     *
     * @param chart any XChart chart
     * @return the description
     */
    public static String text(Chart<?, ?> chart) {
        String title = chart.getTitle() == null || chart.getTitle().isEmpty() ? "" : " \"" + chart.getTitle() + "\"";
        int series = chart.getSeriesMap().size();
        return chart.getClass().getSimpleName() + title + " (" + chart.getWidth() + "×" + chart.getHeight() + ", "
                + series + (series == 1 ? " series)" : " series)");
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    static void register() {
        Class<Chart<?, ?>> type = (Class) Chart.class;
        Renderers.register(type, List.of(MIMEType.IMAGE_PNG), List.of(MIMEType.IMAGE_SVG), ChartRendering::render);
    }

    private static void render(Chart<?, ?> chart, RenderContext context) {
        context.renderIfRequested(MIMEType.TEXT_PLAIN, () -> text(chart));
        context.renderIfRequested(MIMEType.IMAGE_PNG, () -> base64Png(chart));
        context.renderIfRequested(MIMEType.IMAGE_SVG, () -> svg(chart));
    }
}
