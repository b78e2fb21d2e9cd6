package org.convlab.notebook;

import io.github.spencerpark.jupyter.kernel.display.DisplayData;
import io.github.spencerpark.jupyter.kernel.display.mime.MIMEType;

import java.util.ArrayList;
import java.util.List;

/** A display sink that keeps what cells show, as a kernel would publish it; attach it for a test and detach after. */
final class RecordingDisplay implements Display.Sink {
    final List<DisplayData> shown = new ArrayList<>();
    final List<DisplayData> updated = new ArrayList<>();

    static RecordingDisplay attach() {
        RecordingDisplay sink = new RecordingDisplay();
        Display.attach(sink);
        return sink;
    }

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
