package org.convlab.notebook;

import io.github.spencerpark.jupyter.kernel.display.DisplayData;

import java.time.Duration;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * The one output of a live view ({@link LiveTraining}, {@link LiveSweep}): shown once, then replaced in place
 * with the view as it stands, on request or at most once per interval.
 */
final class ThrottledDisplay {
    private final long intervalNanos;
    private final LongSupplier clock;
    private final Supplier<DisplayData> view;
    private String displayId;
    private long lastShown;
    private int updates;

    /**
     * An output not shown yet.
     *
     * @param owner    the live view, named in errors
     * @param interval the least time between updates; zero updates on every request
     * @param clock    the time in nanoseconds
     * @param view     the view as it stands
     * @throws IllegalArgumentException if the interval is negative
     */
    ThrottledDisplay(String owner, Duration interval, LongSupplier clock, Supplier<DisplayData> view) {
        if (interval.isNegative()) {
            throw new IllegalArgumentException(owner + ": the interval must not be negative, got " + interval);
        }
        this.intervalNanos = interval.toNanos();
        this.clock = clock;
        this.view = view;
    }

    /** Shows the view in a new output, counting updates from zero again. */
    void showNew() {
        updates = 0;
        lastShown = clock.getAsLong();
        displayId = Display.display(view.get());
    }

    /** Shows the view: a new output the first time, an update of it later. */
    void show() {
        if (displayId == null) {
            displayId = Display.display(view.get());
        } else {
            Display.updateDisplay(displayId, view.get());
        }
        lastShown = clock.getAsLong();
        updates++;
    }

    /** Shows the view if the interval has passed since it was last shown. */
    void showIfDue() {
        if (clock.getAsLong() - lastShown >= intervalNanos) {
            show();
        }
    }

    /** The id of the output, or {@code null} before it is shown. */
    String displayId() {
        return displayId;
    }

    /** How many times the view was shown or replaced (since {@link #showNew()}, if called). */
    int updates() {
        return updates;
    }
}
