package org.convlab.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import org.convlab.kernel.Parallel;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tech.tablesaw.api.Table;

class SweepTest {
    private static final SearchSpace SPACE = SearchSpace.builder().logUniform("lr", 1e-5, 1e-1)
            .choice("batch_size", 32, 64).build();

    @TempDir
    Path folder;

    /** The trials each test's function was called with. */
    private final Queue<Trial> calls = new ConcurrentLinkedQueue<>();

    /** A trial without training whose validation accuracy peaks at lr = 1e-3 and grows with the epochs. */
    private TrialOutcome peaked(Trial trial) {
        calls.add(trial);
        double distance = Math.abs(Math.log10(trial.config().getDouble("lr")) + 3);
        double accuracy = 0.9 - 0.1 * distance + 0.001 * trial.epochs();
        return TrialOutcome.completed(accuracy, accuracy + 0.05, 1 - accuracy);
    }

    private Sweep.Builder sweep() {
        return Sweep.builder().space(SPACE).search(Search.random(1)).trials(8).function(this::peaked)
                .runner(LocalRunner.builder().parallelism(2).build());
    }

    @Test
    void aFailingTrialIsAFailedRowWithItsMessageAndTheOthersComplete() throws IOException {
        SweepResults results = sweep().function(trial -> {
            if (trial.index() == 2) {
                throw new IllegalStateException("no GPU, \"as expected\"");
            }
            return peaked(trial);
        }).build().run();
        assertEquals(8, results.trials().size());
        TrialResult failed = results.trials().get(2);
        assertEquals(TrialStatus.FAILED, failed.status());
        assertEquals("IllegalStateException: no GPU, \"as expected\"", failed.message().orElseThrow());
        assertTrue(Double.isNaN(failed.validationAccuracy()));
        assertEquals(7, results.count(TrialStatus.COMPLETED));
        assertEquals(failed.trial(), results.ranked(Metric.VALIDATION_ACCURACY).get(7).trial(), "failed trials rank last");
    }

    @Test
    void aTrialWhoseLossBecomesNaNIsStopped() throws IOException {
        SolverTrial tiny = SolverTrial.builder().trainSamples(200).validationSamples(100).trainAccuracySamples(100)
                .explosionFactor(Double.POSITIVE_INFINITY).build();
        SearchSpace space = SearchSpace.builder().choice("lr", 1e-3, 1e9).choice("optimizer", "sgd").build();
        SweepResults results = Sweep.builder().space(space).search(Search.grid(2)).function(tiny).build().run();
        TrialResult sane = results.trials().get(0);
        TrialResult diverged = results.trials().get(1);
        assertEquals(TrialStatus.COMPLETED, sane.status(), sane.toString());
        assertEquals(TrialStatus.STOPPED, diverged.status());
        assertTrue(diverged.message().orElseThrow().matches("training diverged: the loss is (NaN|Infinity) at iteration \\d+.*"),
                diverged.message().orElseThrow());
    }

    @Test
    void aTrialWhoseLossExplodesIsStoppedBeforeItDiverges() throws IOException {
        SolverTrial tiny = SolverTrial.builder().trainSamples(200).validationSamples(100).trainAccuracySamples(100).build();
        SearchSpace space = SearchSpace.builder().choice("lr", 30.0).choice("optimizer", "sgd").build();
        TrialResult exploded = Sweep.builder().space(space).function(tiny).trials(1).build().run().trials().get(0);
        assertEquals(TrialStatus.STOPPED, exploded.status());
        assertTrue(exploded.message().orElseThrow().startsWith("the loss exploded: "), exploded.message().orElseThrow());
    }

    @Test
    void aCompletedOutcomeWithANaNLossIsStopped() throws IOException {
        TrialResult result = sweep().trials(1).function(trial -> TrialOutcome.completed(0.5, 0.5, Double.NaN)).build()
                .run().trials().get(0);
        assertEquals(TrialStatus.STOPPED, result.status());
        assertEquals("the final loss is NaN", result.message().orElseThrow());
    }

    @Test
    void successiveHalvingStopsTheBottomTrialsAtEachRung() throws IOException {
        SweepResults results = sweep().trials(9).epochs(9).halving(SuccessiveHalving.of(3, 1)).build().run();
        assertEquals(List.of(1, 3, 9), calls.stream().map(Trial::epochs).distinct().sorted().toList());
        assertEquals(9 + 3 + 1, calls.size());
        List<TrialResult> byRung0 = results.evaluations().stream().filter(r -> r.rung() == 0).sorted(
                Comparator.comparingDouble(TrialResult::validationAccuracy).reversed()).toList();
        List<Integer> promoted = calls.stream().filter(t -> t.rung() == 1).map(Trial::index).sorted().toList();
        assertEquals(byRung0.subList(0, 3).stream().map(TrialResult::trial).sorted().toList(), promoted,
                "the best third of rung 0 goes on");
        Map<Integer, TrialResult> byTrial = results.trials().stream().collect(
                Collectors.toMap(TrialResult::trial, r -> r));
        for (TrialResult loser : byRung0.subList(3, 9)) {
            TrialResult row = byTrial.get(loser.trial());
            assertEquals(TrialStatus.STOPPED, row.status());
            assertEquals(1, row.epochs());
            assertEquals("successive halving: not in the top 1/3 after 1 epoch", row.message().orElseThrow());
        }
        assertEquals(1, results.count(TrialStatus.COMPLETED));
        assertEquals(9, results.best().orElseThrow().epochs());
        assertEquals(8, results.count(TrialStatus.STOPPED));
    }

    @Test
    void coarseToFineSearchesAroundTheBestTrialsOfTheFirstRound() throws IOException {
        SweepResults results = sweep().trials(10).coarseToFine(2, 3).build().run();
        List<TrialResult> first = results.trials().subList(0, 10);
        List<TrialResult> best = first.stream().sorted(Comparator.comparingDouble(TrialResult::validationAccuracy).reversed())
                .limit(3).toList();
        double low = best.stream().mapToDouble(r -> Math.log(r.config().getDouble("lr"))).min().orElseThrow();
        double high = best.stream().mapToDouble(r -> Math.log(r.config().getDouble("lr"))).max().orElseThrow();
        double pad = Sweep.NARROW_MARGIN * Math.log(1e-1 / 1e-5);
        List<TrialResult> second = results.trials().subList(10, 20);
        for (TrialResult trial : second) {
            double lr = Math.log(trial.config().getDouble("lr"));
            assertTrue(lr >= low - pad - 1e-12 && lr <= high + pad + 1e-12, trial.toString());
            assertTrue(best.stream().anyMatch(b -> b.config().get("batch_size").equals(trial.config().get("batch_size"))));
        }
        double spread = second.stream().mapToDouble(r -> Math.log(r.config().getDouble("lr"))).max().orElseThrow()
                - second.stream().mapToDouble(r -> Math.log(r.config().getDouble("lr"))).min().orElseThrow();
        assertTrue(spread < Math.log(1e4) / 2, "the second round searches a narrower range");
    }

    /** Simulates the process dying: an Error is not caught as a failed trial, it ends the sweep. */
    private static final class Crash extends Error {
        private static final long serialVersionUID = 1L;

        Crash() {
            super("the machine went down");
        }
    }

    @Test
    void aSweepKilledMidwayResumesWithoutRedoingFinishedTrials() throws IOException {
        AtomicInteger started = new AtomicInteger();
        Sweep dying = sweep().runner(LocalRunner.builder().parallelism(1).build()).folder(folder).function(trial -> {
            if (started.incrementAndGet() == 4) {
                throw new Crash();
            }
            return peaked(trial);
        }).build();
        assertThrows(Crash.class, dying::run);
        assertEquals(List.of(0, 1, 2), calls.stream().map(Trial::index).toList());
        assertEquals(1 + 3, Files.readAllLines(folder.resolve(Sweep.LOG_CSV)).size(), "header and three rows");
        Files.writeString(folder.resolve(Sweep.LOG_CSV), "3,0,1,1.0E-4,3", StandardOpenOption.APPEND);

        calls.clear();
        SweepResults resumed = sweep().runner(LocalRunner.builder().parallelism(1).build()).folder(folder).build().resume();
        assertEquals(List.of(3, 4, 5, 6, 7), calls.stream().map(Trial::index).toList(), "only the unfinished trials run");
        calls.clear();
        SweepResults uninterrupted = sweep().build().run();
        assertSameRows(uninterrupted.table(), resumed.table());
        assertSameRows(uninterrupted.table(), SweepResults.read(folder).table());
    }

    @Test
    void aSweepKilledBeforeAnyTrialEndedResumesFromTheStart() throws IOException {
        Sweep dying = sweep().folder(folder).function(trial -> {
            throw new Crash();
        }).build();
        assertThrows(Crash.class, dying::run);
        assertEquals(1, Files.readAllLines(folder.resolve(Sweep.LOG_CSV)).size(), "the header only");
        assertEquals(8, sweep().folder(folder).build().resume().count(TrialStatus.COMPLETED));
        assertEquals(8, calls.size());
    }

    @Test
    void resumingAFinishedSweepRunsNothing() throws IOException {
        sweep().folder(folder).build().run();
        calls.clear();
        SweepResults again = sweep().folder(folder).build().resume();
        assertTrue(calls.isEmpty());
        assertEquals(8, again.trials().size());
    }

    @Test
    void resumingRefusesAFolderOfAnotherSpace() throws IOException {
        sweep().folder(folder).build().run();
        SearchSpace other = SearchSpace.builder().logUniform("lr", 1e-4, 1e-1).choice("batch_size", 32, 64).build();
        IOException e = assertThrows(IOException.class, () -> sweep().space(other).folder(folder).build().resume());
        assertTrue(e.getMessage().contains("holds a sweep over"), e.getMessage());
        assertThrows(IOException.class, () -> sweep().folder(folder).build().run(), "run() does not overwrite a sweep");
    }

    @Test
    void theCsvReadsBackToTheSameTable() throws IOException {
        SweepResults results = sweep().folder(folder).function(trial -> trial.index() % 3 == 0
                ? TrialOutcome.completed(0.5, 0.25, 1.0 / 3).stopped("loss, \"exploded\" " + "!".repeat(5000))
                : peaked(trial)).build().run();
        SweepResults read = SweepResults.read(folder);
        assertEquals(results.table().columnNames(), read.table().columnNames());
        for (String column : results.table().columnNames()) {
            assertEquals(results.table().column(column).asList(), read.table().column(column).asList(), column);
        }
        assertEquals(results.objective(), read.objective());
        List<String> sorted = Files.readAllLines(folder.resolve(Sweep.RESULTS_CSV));
        assertEquals(9, sorted.size());
        assertTrue(sorted.get(0).startsWith("trial,rung,epochs,lr,batch_size,status,val_accuracy"), sorted.get(0));
        assertEquals(String.valueOf(results.best().orElseThrow().trial()), sorted.get(1).split(",")[0], "best first");
    }

    @Test
    void theResultTableHasARowPerTrialAndSortsByAMetric() throws IOException {
        SweepResults results = sweep().build().run();
        Table table = results.table();
        assertEquals(List.of("trial", "rung", "epochs", "lr", "batch_size", "status", "val_accuracy", "train_accuracy",
                "final_loss", "seconds", "message"), table.columnNames());
        assertEquals(8, table.rowCount());
        Table byLoss = results.sortedBy(Metric.FINAL_LOSS);
        for (int row = 1; row < byLoss.rowCount(); row++) {
            assertTrue(byLoss.doubleColumn("final_loss").get(row - 1) <= byLoss.doubleColumn("final_loss").get(row));
        }
        assertEquals(results.best().orElseThrow().trial(), byLoss.intColumn("trial").get(0));
        assertTrue(results.format(3).contains("(top 3)"));
    }

    @Test
    void noTrialStartsAfterTheTimeLimit() throws IOException {
        SweepResults results = sweep().trials(20).runner(LocalRunner.builder().parallelism(1).build())
                .timeLimit(Duration.ofMillis(300)).function(trial -> {
                    Thread.sleep(200);
                    return peaked(trial);
                }).build().run();
        assertTrue(results.timedOut());
        assertTrue(results.trials().size() < 20 && results.trials().size() >= 1, results.toString());
        assertEquals(20 - results.trials().size(), results.notStarted());
    }

    @Test
    void aSpaceTheTrialDoesNotKnowIsRefusedBeforeAnyTrialRuns() {
        SearchSpace typo = SearchSpace.builder().logUniform("learning_rate", 1e-4, 1e-2).build();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Sweep.builder().space(typo).build());
        assertTrue(e.getMessage().startsWith("the trial does not know the parameter 'learning_rate'"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Sweep.builder()
                .space(SearchSpace.builder().uniform("batch_size", 10, 100).build()).build(), "batch sizes are integers");
        assertThrows(IllegalArgumentException.class, () -> Sweep.builder()
                .space(SearchSpace.builder().choice("optimizer", "adagrad").build()).build());
    }

    /** Asserts that two result tables hold the same rows, but for the wall times. */
    private static void assertSameRows(Table expected, Table actual) {
        assertEquals(expected.columnNames(), actual.columnNames());
        for (String column : expected.columnNames()) {
            if (!column.equals("seconds")) {
                assertEquals(expected.column(column).asList(), actual.column(column).asList(), column);
            }
        }
    }

    @Test
    void theLocalRunnerSharesTheCoresAmongTrials() {
        try (LocalRunner runner = LocalRunner.builder().parallelism(1).build()) {
            assertEquals(Parallel.poolSize(), runner.threadsPerTrial());
        }
        int cores = Parallel.poolSize();
        try (LocalRunner runner = LocalRunner.builder().parallelism(cores).build()) {
            assertEquals(1, runner.threadsPerTrial());
        }
    }
}
