package org.convlab.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.Locale;

import org.convlab.sweep.LocalRunner;
import org.convlab.sweep.Metric;
import org.convlab.sweep.SearchSpace;
import org.convlab.sweep.Sweep;
import org.convlab.sweep.SweepResults;
import org.convlab.sweep.TrialOutcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class LiveSweepTest {
    @RegisterExtension
    final RecordingDisplay display = new RecordingDisplay();

    private static SweepResults sweep(LiveSweep live, int rounds) throws IOException {
        SearchSpace space = SearchSpace.builder().logUniform("lr", 1e-4, 1e-1).build();
        return Sweep.builder().space(space).trials(6).coarseToFine(rounds, 2)
                .runner(LocalRunner.builder().parallelism(1).build()).listener(live)
                .function(trial -> {
                    double accuracy = 1 + Math.log10(trial.config().getDouble("lr")) / 4;
                    return TrialOutcome.completed(accuracy, accuracy, 1);
                }).build().run();
    }

    @Test
    void theViewShowsTheRoundTheTrialsDoneTheBestAndTheChart() throws IOException {
        LiveSweep live = new LiveSweep(Metric.VALIDATION_ACCURACY, Duration.ZERO);
        SweepResults results = sweep(live, 2);
        assertEquals(1, display.shown.size(), "one output for both rounds");
        String text = RecordingDisplay.plain(display.latest());
        assertTrue(text.startsWith("round 2: 6 trials over lr "), text);
        assertTrue(text.contains("12/12 trial runs done, 0 running · "), text);
        assertTrue(text.contains("best val_accuracy so far " + String.format(Locale.ROOT, "%.4f",
                results.best().orElseThrow().validationAccuracy())), text);
        assertTrue(RecordingDisplay.html(display.latest()).contains("<img src=\"data:image/png;base64,"));
    }

    @Test
    void updatesAreThrottledButTheLastTrialIsAlwaysShown() throws IOException {
        LiveSweep live = new LiveSweep(Metric.VALIDATION_ACCURACY, Duration.ofHours(1));
        sweep(live, 1);
        assertEquals(2, live.updates(), "the round's start and the last trial's end");
        assertTrue(RecordingDisplay.plain(display.latest()).contains("6/6 trial runs done"));
    }
}
