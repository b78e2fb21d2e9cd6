package org.convlab.notebook;

import io.github.spencerpark.jupyter.kernel.display.DisplayData;
import io.github.spencerpark.jupyter.kernel.display.mime.MIMEType;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A display sink that keeps what cells show, as a kernel would publish it. Registered as a test's extension
 * ({@code @RegisterExtension}), it is attached before each test and detached after.
 */
final class RecordingDisplay implements Display.Sink, BeforeEachCallback, AfterEachCallback {
    final List<DisplayData> shown = new ArrayList<>();
    final List<DisplayData> updated = new ArrayList<>();

    @Override
    public void beforeEach(ExtensionContext context) {
        Display.attach(this);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        detach();
    }

    /** Detaches any sink, as outside a kernel. */
    static void detach() {
        Display.attach(null);
    }

    @Override
    public void display(DisplayData data) {
        shown.add(data);
    }

    @Override
    public void update(DisplayData data) {
        updated.add(data);
    }

    /** The latest state of the one output shown: its last update, or the output itself. */
    DisplayData latest() {
        return updated.isEmpty() ? shown.get(shown.size() - 1) : updated.get(updated.size() - 1);
    }

    static String html(DisplayData data) {
        return (String) data.getData(MIMEType.TEXT_HTML);
    }

    static String plain(DisplayData data) {
        return (String) data.getData(MIMEType.TEXT_PLAIN);
    }
}
