package org.convlab.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.convlab.autograd.Tensor;
import org.convlab.data.Augmentation;
import org.convlab.data.Dataset;
import org.convlab.nn.models.FullyConnectedNet;
import org.convlab.nn.models.Model;
import org.convlab.optim.Adam;
import org.convlab.optim.LearningRateSchedule;
import org.convlab.optim.Sgd;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SolverTest {
    @TempDir
    Path folder;

    /** Adam, step decay, augmentation, batchnorm buffers: every kind of state a resume must restore. */
    private static Solver.Builder fullyConnectedRun(Model model, int epochs) {
        return Solver.builder()
                .model(model)
                .data(Fixtures.fashion(200, 50))
                .optimizer(Adam.builder().learningRate(2e-3).build(model.parameters()))
                .schedule(LearningRateSchedule.stepDecay(0.8))
                .augmentation(Augmentation.builder().randomCrop(2).horizontalFlip(true).build())
                .batchSize(50)
                .epochs(epochs)
                .seed(7);
    }

    private static void assertSameValues(History expected, History actual) {
        assertEquals(withoutTimes(expected), withoutTimes(actual));
    }

    private static List<Object> withoutTimes(History h) {
        List<Object> values = new ArrayList<>();
        h.iterations().forEach(r -> values.add(new IterationRecord(r.iteration(), r.epoch(), r.batch(), r.loss(),
                r.learningRate(), 0)));
        h.epochs().forEach(r -> values.add(new EpochRecord(r.epoch(), r.iteration(), r.trainAccuracy(),
                r.validationAccuracy(), r.learningRate(), 0)));
        return values;
    }

    private static void assertSameTensors(Map<String, Tensor> expected, Map<String, Tensor> actual) {
        assertEquals(expected.keySet(), actual.keySet());
        expected.forEach((name, t) -> assertArrayEquals(t.toDoubleArray(), actual.get(name).toDoubleArray(), name));
    }

    @Test
    void overfitsFiftyTrainingImagesToFullTrainingAccuracy() throws IOException {
        Model model = Fixtures.smallConvNet(0);
        Solver solver = Solver.builder()
                .model(model)
                .data(Fixtures.fashion(50, 50))
                .optimizer(Adam.builder().learningRate(2e-3).build(model.parameters()))
                .batchSize(25)
                .epochs(15)
                .build();
        History history = solver.train();
        assertEquals(1.0, history.trainAccuracies()[history.epochs().size() - 1], "CS231n's sanity check: " + history);
        assertEquals(1.0, Evaluation.accuracy(model, Fixtures.fashion(50, 50).train(), 50), "the best epoch is swapped in");
    }

    @Test
    void theSameSeedGivesTheSameHistoryBitForBit() throws IOException {
        History first = fullyConnectedRun(Fixtures.fullyConnected(3), 2).build().train();
        History second = fullyConnectedRun(Fixtures.fullyConnected(3), 2).build().train();
        assertEquals(2 * 4, first.iterations().size());
        assertSameValues(first, second);
    }

    @Test
    void aRunResumedFromACheckpointRecordsTheSameHistoryAsAnUninterruptedRun() throws IOException {
        Solver uninterrupted = fullyConnectedRun(Fixtures.fullyConnected(3), 3).build();
        History expected = uninterrupted.train();

        Path interrupted = folder.resolve("interrupted");
        fullyConnectedRun(Fixtures.fullyConnected(3), 1).checkpointFolder(interrupted).build().train();
        Model fresh = Fixtures.fullyConnected(99);
        Solver resumed = fullyConnectedRun(fresh, 3).checkpointFolder(interrupted).build();
        resumed.resume(interrupted.resolve(Checkpoint.FILE_NAME));
        assertEquals(1, resumed.completedEpochs());
        History actual = resumed.train();

        assertSameValues(expected, actual);
        assertSameTensors(uninterrupted.model().stateDict(), fresh.stateDict());
        assertSameTensors(uninterrupted.optimizer().stateDict(), resumed.optimizer().stateDict());
        assertEquals(uninterrupted.bestEpoch(), resumed.bestEpoch());
    }

    @Test
    void everyEpochWritesACheckpointHoldingTheWholeRunState() throws IOException {
        Model model = Fixtures.fullyConnected(3);
        List<Map<String, Tensor>> lastState = new ArrayList<>();
        Solver solver = fullyConnectedRun(model, 2).checkpointFolder(folder).listener(new SolverListener() {
            @Override
            public void onEpochEnd(EpochRecord record) {
                lastState.add(Map.copyOf(copy(model.stateDict())));
            }
        }).build();
        solver.train();

        Checkpoint checkpoint = Checkpoint.read(folder.resolve(Checkpoint.FILE_NAME));
        assertSameTensors(lastState.get(lastState.size() - 1), checkpoint.model());
        assertTrue(checkpoint.model().containsKey("runningMean1"), "buffers are saved");
        assertSameTensors(solver.optimizer().stateDict(), checkpoint.optimizer());
        assertSameTensors(solver.bestState(), checkpoint.best());
        assertEquals(2L, checkpoint.metadata().get("epoch"));
        assertEquals(8L, checkpoint.metadata().get("iteration"));
        assertSameValues(solver.history(), History.fromJson(castMap(checkpoint.metadata().get("history"))));
    }

    @Test
    void aDivergingLossStopsTrainingNamingTheIterationAndEpochAndKeepsTheLastGoodCheckpoint() throws IOException {
        Model model = FullyConnectedNet.builder().inputShape(1, 28, 28).hidden(32).reg(1.0).build();
        Solver solver = Solver.builder()
                .model(model)
                .data(Fixtures.fashion(200, 50))
                .optimizer(Sgd.builder().learningRate(1e-3).build(model.parameters()))
                .schedule((base, iteration, perEpoch) -> iteration < perEpoch ? base : 1e10)
                .batchSize(50)
                .epochs(3)
                .checkpointFolder(folder)
                .build();
        TrainingDivergedException e = assertThrows(TrainingDivergedException.class, solver::train);

        assertEquals(2, e.epoch());
        assertTrue(e.iteration() > 4, e.getMessage());
        assertTrue(e.getMessage().contains("at iteration " + e.iteration() + " (epoch 2, batch "), e.getMessage());
        assertTrue(e.getMessage().contains("last good checkpoint: " + folder.resolve(Checkpoint.FILE_NAME) + " (epoch 1)"),
                e.getMessage());
        assertEquals(e.iteration() - 1, e.history().iterations().size(), "history up to the last good step");
        assertTrue(e.history().iterations().stream().allMatch(r -> Double.isFinite(r.loss())));
        assertEquals(2, solver.history().epochs().size(), "epochs 0 and 1 were checked");
        Checkpoint kept = Checkpoint.read(e.lastCheckpoint().orElseThrow());
        assertEquals(1L, kept.metadata().get("epoch"));
        kept.model().values().forEach(t -> assertTrue(Double.isFinite(t.sum().item())));
    }

    @Test
    void theBestParametersAreSwappedIntoTheModelAtTheEnd() throws IOException {
        Model model = Fixtures.fullyConnected(5);
        Solver solver = fullyConnectedRun(model, 3).build();
        History history = solver.train();
        EpochRecord best = history.best().orElseThrow();
        assertEquals(best.epoch(), solver.bestEpoch());
        assertEquals(best.validationAccuracy(), solver.bestValidationAccuracy());
        assertSameTensors(solver.bestState(), model.stateDict());
    }

    @Test
    void listenersReceiveEveryIterationEveryEpochAndTheEnd() throws IOException {
        List<String> events = new ArrayList<>();
        fullyConnectedRun(Fixtures.fullyConnected(3), 2).listener(new SolverListener() {
            @Override
            public void onStart(int firstEpoch, int epochs, int batchesPerEpoch) {
                events.add("start " + firstEpoch + "-" + epochs + " x" + batchesPerEpoch);
            }

            @Override
            public void onIteration(IterationProgress p) {
                assertTrue(p.imagesPerSecond() > 0 && p.learningRate() > 0 && p.etaSeconds() >= 0);
                events.add("it " + p.iteration() + "/" + p.iterations() + " e" + p.epoch() + " b" + p.batch() + "/"
                        + p.batchesPerEpoch());
            }

            @Override
            public void onEpochEnd(EpochRecord record) {
                events.add("epoch " + record.epoch());
            }

            @Override
            public void onEnd(History history) {
                events.add("end " + history.iterations().size());
            }
        }).build().train();
        assertEquals(List.of("start 1-2 x4", "epoch 0",
                "it 1/8 e1 b1/4", "it 2/8 e1 b2/4", "it 3/8 e1 b3/4", "it 4/8 e1 b4/4", "epoch 1",
                "it 5/8 e2 b1/4", "it 6/8 e2 b2/4", "it 7/8 e2 b3/4", "it 8/8 e2 b4/4", "epoch 2", "end 8"), events);
    }

    @Test
    void resumeRefusesACheckpointOfAnotherRunAndChangesNothing() throws IOException {
        fullyConnectedRun(Fixtures.fullyConnected(3), 1).checkpointFolder(folder).build().train();
        Model model = Fixtures.fullyConnected(3);
        Map<String, Tensor> before = copy(model.stateDict());
        Solver otherSeed = fullyConnectedRun(model, 2).seed(8).build();
        CheckpointException e = assertThrows(CheckpointException.class,
                () -> otherSeed.resume(folder.resolve(Checkpoint.FILE_NAME)));
        assertTrue(e.getMessage().contains("seed 7 but this solver has 8"), e.getMessage());
        assertSameTensors(before, model.stateDict());
        assertEquals(0, otherSeed.completedEpochs());
    }

    @Test
    void buildRefusesAnOptimizerOfOtherParametersAndDataTheModelCannotTake() {
        Model model = Fixtures.fullyConnected(3);
        Dataset data = Fixtures.fashion(200, 50);
        Model other = Fixtures.fullyConnected(3);
        assertThrows(IllegalArgumentException.class, () -> Solver.builder().model(model).data(data)
                .optimizer(Adam.builder().build(other.parameters())).build());
        Model cifarShaped = FullyConnectedNet.builder().inputShape(3, 32, 32).hidden(8).build();
        assertThrows(IllegalArgumentException.class, () -> Solver.builder().model(cifarShaped).data(data)
                .optimizer(Adam.builder().build(cifarShaped.parameters())).build());
    }

    @Test
    void theHistoryIsAvailableAsTablesAndCsvFiles() throws IOException {
        History history = fullyConnectedRun(Fixtures.fullyConnected(3), 1).build().train();
        assertEquals(4, history.iterationTable().rowCount());
        assertEquals(List.of("iteration", "epoch", "batch", "loss", "learning_rate", "seconds"),
                history.iterationTable().columnNames());
        assertEquals(2, history.epochTable().rowCount());
        assertArrayEquals(history.losses(), history.iterationTable().doubleColumn("loss").asDoubleArray());
        history.writeCsv(folder);
        List<String> lines = Files.readAllLines(folder.resolve(History.EPOCHS_CSV));
        assertEquals("epoch,iteration,train_accuracy,validation_accuracy,learning_rate,seconds", lines.get(0));
        assertEquals(3, lines.size());
        assertEquals(5, Files.readAllLines(folder.resolve(History.ITERATIONS_CSV)).size());
        assertFalse(Files.list(folder).anyMatch(p -> p.getFileName().toString().endsWith(".tmp")), "no temporary files left");
    }

    private static Map<String, Tensor> copy(Map<String, Tensor> state) {
        Map<String, Tensor> copy = new LinkedHashMap<>();
        state.forEach((name, t) -> copy.put(name, t.detach().copy()));
        return copy;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> castMap(Object value) {
        return (Map<String, Object>) value;
    }
}
