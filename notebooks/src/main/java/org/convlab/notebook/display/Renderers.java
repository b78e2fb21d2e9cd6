package org.convlab.notebook.display;

import io.github.spencerpark.jupyter.kernel.display.DisplayData;
import io.github.spencerpark.jupyter.kernel.display.RenderFunction;
import io.github.spencerpark.jupyter.kernel.display.Renderer;
import io.github.spencerpark.jupyter.kernel.display.mime.MIMEType;

import java.util.Arrays;
import java.util.List;

/**
 * The registry of inline renderers: how an object of a given class is shown in a notebook, as which MIME types.
 *
 * <p>One process-wide {@link Renderer} holds every registration. The convlab renderers are registered when this
 * class loads, all in {@link #registerBuiltIns}, which is the one place to add renderers for more convlab types:
 * <ul>
 *   <li>XChart charts as {@code image/png}, and as {@code image/svg+xml} on request ({@link ChartRendering});</li>
 *   <li>{@link java.awt.image.RenderedImage} as {@code image/png} ({@link ImageRendering});</li>
 *   <li>Tablesaw tables as an escaped, row-limited {@code text/html} table with a {@code text/plain} twin
 *       ({@link TableRendering});</li>
 *   <li>tensors as a compact summary in {@code text/plain} and {@code text/html} ({@link TensorRendering});</li>
 *   <li>gradient-check reports as an HTML table and their text ({@link GradCheckRendering});</li>
 *   <li>a Solver's {@link org.convlab.train.History} as its loss and accuracy charts and epoch table in HTML, and its
 *       loss chart as {@code image/png} on request ({@link HistoryRendering});</li>
 *   <li>a sweep's {@link org.convlab.sweep.SweepResults} as the table of trials, best first by the sweep's objective
 *       ({@link SweepResultsRendering}).</li>
 * </ul>
 * Code elsewhere (another module, or a notebook cell) adds a type through {@link #register} as the built-ins do:
 * <pre>{@code
 * Renderers.register(History.class, List.of(MIMEType.IMAGE_PNG), List.of(),
 *         (history, context) -> context.renderIfRequested(MIMEType.IMAGE_PNG, () -> pngOf(history)));
 * }</pre>
 * Every rendering also carries {@code text/plain}: the renderer's own, or {@link String#valueOf(Object)}.
 *
 * <p>Registration and rendering are serialised on one lock, so cells, background threads and the kernel may use
 * the registry concurrently.
 */
public final class Renderers {
    private static final Object LOCK = new Object();
    private static final Renderer RENDERER = new Renderer();

    static {
        registerBuiltIns();
    }

    private Renderers() {
    }

    /**
     * Registers a renderer for {@code type} and its subtypes (classes and interfaces alike).
     *
     * <p>The function is asked for the {@code preferred} types whenever an object is displayed, and for the
     * {@code supported} ones only when they are requested by name, e.g. {@code render(chart, "image/svg+xml")}. It
     * should answer through {@code context.renderIfRequested(mime, supplier)}, which skips types not asked for.
     * A later registration for the same class adds to the earlier ones.
     *
     * @param type      the class whose instances the function renders
     * @param preferred the MIME types rendered by default; empty means every supported type
     * @param supported further MIME types rendered on request
     * @param function  the renderer
     * @param <T>       the rendered type
     */
    public static <T> void register(Class<T> type, List<MIMEType> preferred, List<MIMEType> supported,
                                    RenderFunction<T> function) {
        synchronized (LOCK) {
            RENDERER.createRegistration(type)
                    .preferring(preferred.toArray(MIMEType[]::new))
                    .supporting(supported.toArray(MIMEType[]::new))
                    .register(function);
        }
    }

    /**
     * Renders {@code value} as its preferred MIME types plus {@code text/plain}.
     *
     * @param value any object; {@code null} renders as the text {@code null}
     * @return the MIME bundle
     */
    public static DisplayData render(Object value) {
        if (value == null) {
            return new DisplayData("null");
        }
        synchronized (LOCK) {
            return RENDERER.render(value);
        }
    }

    /**
     * Renders {@code value} as the given MIME types (those its renderers support) plus {@code text/plain}; with no
     * types, as {@link #render(Object)} does.
     *
     * @param value     any object; {@code null} renders as the text {@code null}
     * @param mimeTypes MIME types such as {@code "image/svg+xml"} or {@code "text/html"}
     * @return the MIME bundle
     */
    public static DisplayData render(Object value, String... mimeTypes) {
        if (mimeTypes.length == 0 || value == null) {
            return render(value);
        }
        synchronized (LOCK) {
            return RENDERER.renderAs(value, Arrays.copyOf(mimeTypes, mimeTypes.length));
        }
    }

    /** The built-in renderers: the one place where convlab types are given their notebook views. */
    private static void registerBuiltIns() {
        ChartRendering.register();
        ImageRendering.register();
        TableRendering.register();
        TensorRendering.register();
        GradCheckRendering.register();
        HistoryRendering.register();
        SweepResultsRendering.register();
    }
}
