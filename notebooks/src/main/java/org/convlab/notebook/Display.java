package org.convlab.notebook;

import io.github.spencerpark.jupyter.kernel.display.DisplayData;
import io.github.spencerpark.jupyter.kernel.display.mime.MIMEType;

import java.util.UUID;

import org.convlab.notebook.display.Renderers;

/**
 * Display helpers for notebook cells, with IJava's names; every cell sees them through a static import.
 * <pre>{@code
 * String id = display(Plots.loss(history));          // show now, keep the id
 * updateDisplay(id, Plots.loss(history));            // replace that output in place, e.g. during training
 * render(chart, "image/svg+xml")                     // as a cell's last expression: show as SVG
 * }</pre>
 * Objects are rendered by the {@link Renderers} registry. Outside a kernel (in a plain program) {@code display}
 * prints the {@code text/plain} form to standard output and {@code updateDisplay} does nothing.
 */
public final class Display {
    /** Where displayed data goes while a kernel runs. */
    interface Sink {
        /** Publishes a new output. */
        void display(DisplayData data);

        /** Replaces the output with the same display id. */
        void update(DisplayData data);
    }

    private static volatile Sink sink;

    private Display() {
    }

    /**
     * Shows {@code value} in the cell's output now.
     *
     * @param value     the object, or a {@link DisplayData} made by {@link #render} (which receives the id)
     * @param mimeTypes MIME types to show it as; none for the type's preferred ones
     * @return the display id, for {@link #updateDisplay}
     */
    public static String display(Object value, String... mimeTypes) {
        DisplayData data = toDisplayData(value, mimeTypes);
        if (!data.hasDisplayId()) {
            data.setDisplayId(UUID.randomUUID().toString());
        }
        Sink current = sink;
        if (current == null) {
            System.out.println(data.getData(MIMEType.TEXT_PLAIN));
        } else {
            current.display(data);
        }
        return data.getDisplayId();
    }

    /**
     * Renders {@code value} without showing it; a cell whose last expression is the result shows it.
     *
     * @param value     the object
     * @param mimeTypes MIME types to render it as, e.g. {@code "image/svg+xml"}; none for the preferred ones
     * @return the MIME bundle
     */
    public static DisplayData render(Object value, String... mimeTypes) {
        return Renderers.render(value, mimeTypes);
    }

    /**
     * {@code value} itself if it is already a {@link DisplayData}, otherwise its rendering.
     *
     * @param value     the object, or an already rendered {@link DisplayData}
     * @param mimeTypes MIME types to render it as; none for the preferred ones
     * @return the MIME bundle
     */
    static DisplayData toDisplayData(Object value, String... mimeTypes) {
        return value instanceof DisplayData rendered ? rendered : render(value, mimeTypes);
    }

    /**
     * Replaces an earlier {@link #display} output, wherever it is in the notebook.
     *
     * @param displayId the id {@code display} returned
     * @param value     the new object, or a {@link DisplayData} (which receives the id)
     * @param mimeTypes MIME types to show it as; none for the preferred ones
     */
    public static void updateDisplay(String displayId, Object value, String... mimeTypes) {
        DisplayData data = toDisplayData(value, mimeTypes);
        data.setDisplayId(displayId);
        Sink current = sink;
        if (current != null) {
            current.update(data);
        }
    }

    /** Routes displays to a kernel; {@code null} detaches. */
    static void attach(Sink newSink) {
        sink = newSink;
    }
}
