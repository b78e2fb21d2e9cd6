package org.convlab.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

import org.convlab.data.Dataset;
import org.convlab.data.FashionMnist;
import org.convlab.nn.models.FullyConnectedNet;
import org.convlab.optim.Sgd;
import org.convlab.train.EpochRecord;
import org.convlab.train.History;
import org.convlab.train.IterationProgress;
import org.convlab.train.Solver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class LiveTrainingTest {
    @RegisterExtension
    final RecordingDisplay display = new RecordingDisplay();

    private static IterationProgress step(long iteration, long iterations, int batchesPerEpoch) {
        int epoch = (int) ((iteration - 1) / batchesPerEpoch) + 1;
        int batch = (int) ((iteration - 1) % batchesPerEpoch) + 1;
        return new IterationProgress(iteration, iterations, epoch, (int) (iterations / batchesPerEpoch), batch,
                batchesPerEpoch, 2.3 / iteration, 1e-3, 500, 0.01, iteration * 0.01);
    }

    @Test
    void oneOutputIsReplacedAtMostOncePerInterval() {
        AtomicLong nanos = new AtomicLong();
        LiveTraining live = new LiveTraining(Duration.ofSeconds(1), nanos::get);
        live.onStart(1, 2, 500);
        for (long i = 1; i <= 1000; i++) {
            nanos.addAndGet(10_000_000);
            live.onIteration(step(i, 1000, 500));
        }
        assertEquals(1, display.shown.size(), "one output");
        assertEquals(10, display.updated.size(), "ten seconds of steps, one update a second");
        assertEquals(10, live.updates());
        assertTrue(display.updated.stream().allMatch(d -> d.getDisplayId().equals(live.displayId())));
        String text = RecordingDisplay.plain(display.latest());
        assertTrue(text.startsWith("epoch 2/2 · batch 500/500 · loss 0.0023 · 500 images/s · 10 s elapsed · ETA 0 s"), text);
    }

    @Test
    void theViewShowsProgressAccuracyAndTheCharts() {
        LiveTraining live = new LiveTraining(Duration.ZERO);
        live.onStart(1, 3, 100);
        assertTrue(RecordingDisplay.plain(display.latest()).startsWith("training 3 epochs of 100 batches"));
        live.onEpochEnd(new EpochRecord(0, 0, 0.1, 0.12, 1e-3, 0.5));
        live.onIteration(step(1, 300, 100));
        live.onIteration(step(2, 300, 100));
        String html = RecordingDisplay.html(display.latest());
        assertTrue(html.contains("epoch 1/3 · batch 2/100 · loss 1.1500 · 500 images/s · 0 s elapsed · ETA 3 s"), html);
        assertTrue(html.contains("before training: train accuracy 0.1000 · validation accuracy 0.1200"), html);
        assertTrue(html.contains("width:0.7%"), "2 of 300 steps: " + html);
        assertEquals(1, html.split("<img ", -1).length - 1, "the loss chart; no accuracy chart before epoch 1");
        live.onEpochEnd(new EpochRecord(1, 100, 0.5, 0.45, 1e-3, 2));
        assertEquals(2, RecordingDisplay.html(display.latest()).split("<img ", -1).length - 1);
        assertThrows(IllegalArgumentException.class, () -> new LiveTraining(Duration.ofSeconds(-1)));
    }

    @Test
    void aSolverDrivesTheViewAndItsEndIsAlwaysShown() throws IOException {
        Dataset data = Dataset.builder().source(FashionMnist.subset()).training(60).validation(20).test(10).build();
        FullyConnectedNet model = FullyConnectedNet.builder().inputShape(1, 28, 28).hidden(8).build();
        LiveTraining live = new LiveTraining(Duration.ofHours(1));
        History history = Solver.builder().model(model).data(data)
                .optimizer(Sgd.builder().learningRate(1e-5).build(model.parameters())).batchSize(20).epochs(2)
                .listener(live).build().train();
        assertEquals(1, display.shown.size());
        assertEquals(1, display.updated.size(), "within the interval, only the end replaces the output");
        String text = RecordingDisplay.plain(display.latest());
        assertTrue(text.contains("epoch 2/2 · batch 3/3"), text);
        assertTrue(text.contains("done: best validation accuracy " + String.format(Locale.ROOT, "%.4f",
                history.best().orElseThrow().validationAccuracy())), text);
        assertFalse(text.contains("ETA"), "finished: " + text);
    }

    @Test
    void outsideAKernelTheStartIsPrintedAndUpdatesAreDropped() {
        RecordingDisplay.detach();
        LiveTraining live = new LiveTraining(Duration.ZERO);
        live.onStart(1, 1, 2);
        live.onIteration(step(1, 2, 2));
        assertEquals(1, live.updates());
        assertTrue(display.shown.isEmpty() && display.updated.isEmpty());
    }
}
