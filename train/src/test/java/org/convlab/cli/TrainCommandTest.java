package org.convlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.convlab.cli.CommandFixture.Outcome;
import org.convlab.train.Checkpoint;
import org.convlab.train.History;
import org.convlab.train.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainCommandTest {
    private static final String[] TINY = {"--model", "fc", "--train-samples", "100", "--validation", "50",
        "--test-samples", "50", "--batch-size", "50", "--epochs", "1"};

    @TempDir
    Path folder;

    private static Outcome run(String... args) {
        return CommandFixture.run((out, err, terminal) -> TrainCommand.run(args, out, err, terminal));
    }

    private static String[] tiny(String... more) {
        return CommandFixture.concat(TINY, more);
    }

    private static void assertOneLineError(Outcome outcome, int status, String text) {
        assertEquals(status, outcome.status(), outcome.err());
        assertEquals(1, outcome.err().lines().count(), outcome.err());
        assertTrue(outcome.err().startsWith("convlab train: "), outcome.err());
        assertTrue(outcome.err().contains(text), outcome.err());
        assertFalse(outcome.err().contains("Exception"), outcome.err());
    }

    @Test
    void aTinyRunWritesEveryFileOfTheRunFolder() throws IOException {
        Path run = folder.resolve("run");
        Outcome outcome = run(tiny("--out", run.toString()));
        assertEquals(0, outcome.status(), outcome.err());
        assertTrue(outcome.out().contains("test accuracy"), outcome.out());
        assertTrue(outcome.out().contains("epoch 1/1: train acc"), outcome.out());
        for (String name : List.of(TrainCommand.CONFIG, Checkpoint.FILE_NAME, History.ITERATIONS_CSV, History.EPOCHS_CSV,
                TrainCommand.LOSS_PNG, TrainCommand.ACCURACY_PNG, TrainCommand.LEARNING_RATE_PNG, TrainCommand.RESULTS)) {
            assertTrue(Files.size(run.resolve(name)) > 0, name);
        }
        Map<String, Object> config = Json.parseObject(Files.readString(run.resolve(TrainCommand.CONFIG)));
        assertEquals("fc", ((Map<?, ?>) config.get("options")).get("model"));
        Map<String, Object> results = Json.parseObject(Files.readString(run.resolve(TrainCommand.RESULTS)));
        assertEquals(50L, results.get("test_images"));
        assertTrue(results.get("test_accuracy") instanceof Double);
        assertEquals(3, Files.readAllLines(run.resolve(History.EPOCHS_CSV)).size());
    }

    @Test
    void resumeContinuesARunInItsFolder() throws IOException {
        Path run = folder.resolve("run");
        assertEquals(0, run(tiny("--out", run.toString())).status());
        Outcome resumed = run("--resume", run.toString(), "--epochs", "2");
        assertEquals(0, resumed.status(), resumed.err());
        assertTrue(resumed.out().contains("(resumed after epoch 1)"), resumed.out());
        assertTrue(resumed.out().contains("training epochs 2 to 2"), resumed.out());
        assertEquals(4, Files.readAllLines(run.resolve(History.EPOCHS_CSV)).size(), "epochs 0, 1 and 2");
        assertEquals(2L, Checkpoint.read(run.resolve(Checkpoint.FILE_NAME)).metadata().get("epoch"));
    }

    @Test
    void aBadCommandLinePrintsOneLineAndExitsWithTwo() {
        assertOneLineError(run("--epochz", "3"), 2, "unknown option '--epochz'");
        assertOneLineError(run("--batch-size", "-5"), 2, "--batch-size must be a positive integer");
    }

    @Test
    void missingDataPrintsOneLineNamingThePathAndExitsWithOne() {
        Path nowhere = folder.resolve("no-such-folder");
        assertOneLineError(run("--data-path", nowhere.toString(), "--out", folder.resolve("run").toString()), 1,
                nowhere.toString());
    }

    @Test
    void aRunFolderIsNeverOverwrittenAndResumeNeedsOne() {
        Path run = folder.resolve("run");
        assertEquals(0, run(tiny("--out", run.toString())).status());
        assertOneLineError(run(tiny("--out", run.toString())), 1, "already holds a run; continue it with --resume");
        assertOneLineError(run("--resume", folder.resolve("empty").toString()), 1, "config.json: no such file");
    }

    @Test
    void aDivergingRunStopsWithTheReasonAndKeepsItsHistory() {
        Path run = folder.resolve("run");
        Outcome outcome = run(tiny("--optimizer", "sgd", "--lr", "1e10", "--reg", "1", "--batch-size", "10", "--out", run.toString()));
        assertOneLineError(outcome, 1, "training diverged: the loss is ");
        assertTrue(outcome.err().contains("(epoch 1, batch "), outcome.err());
        assertTrue(Files.exists(run.resolve(History.ITERATIONS_CSV)));
    }

    @Test
    void helpExplainsTheOptionsAndExitsWithZero() {
        Outcome outcome = run("--help");
        assertEquals(0, outcome.status());
        assertTrue(outcome.out().startsWith("Usage: ./convlab train [options]"), outcome.out());
    }
}
