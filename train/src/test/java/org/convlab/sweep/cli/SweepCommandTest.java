package org.convlab.sweep.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.convlab.cli.CommandFixture;
import org.convlab.cli.CommandFixture.Outcome;
import org.convlab.sweep.Sweep;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SweepCommandTest {
    private static final String[] TINY = {"--trials", "3", "--train-samples", "200", "--validation", "100",
        "--parallel", "2", "--lr", "log:1e-4:1e-2", "--reg", "log:1e-5:1e-1", "--batch-size", "choice:50,100"};

    @TempDir
    Path folder;

    private static Outcome run(String... args) {
        return CommandFixture.run((out, err, terminal) -> SweepCommand.run(args, out, err, terminal));
    }

    private static String[] tiny(String... more) {
        return CommandFixture.concat(TINY, more);
    }

    @Test
    void aTinySweepPrintsProgressAndTheTableAndWritesTheFolder() throws IOException {
        Path sweep = folder.resolve("sweep");
        Outcome outcome = run(tiny("--out", sweep.toString()));
        assertEquals(0, outcome.status(), outcome.err());
        assertEquals(3, outcome.out().lines().filter(l -> l.matches("\\[\\d/3] trial \\d .*\\| best 0\\.\\d{4} \\(trial \\d\\)"))
                .count(), outcome.out());
        assertTrue(outcome.out().contains("3 trials, best first by val_accuracy"), outcome.out());
        assertTrue(outcome.out().contains("best: trial "), outcome.out());
        for (String name : List.of(SweepOptions.FILE, Sweep.DESCRIPTION, Sweep.LOG_CSV, Sweep.RESULTS_CSV,
                SweepCommand.SCATTER_PNG, SweepCommand.TRIALS_PNG, SweepCommand.BEST_PNG)) {
            assertTrue(Files.size(sweep.resolve(name)) > 0, name);
        }
        assertEquals(4, Files.readAllLines(sweep.resolve(Sweep.RESULTS_CSV)).size());
    }

    @Test
    void resumeContinuesASweepWithItsOwnOptions() throws IOException {
        Path sweep = folder.resolve("sweep");
        assertEquals(0, run(tiny("--out", sweep.toString())).status());
        Outcome resumed = run("--resume", sweep.toString(), "--trials", "4");
        assertEquals(0, resumed.status(), resumed.err());
        assertTrue(resumed.out().contains("(resumed)"), resumed.out());
        assertEquals(1, resumed.out().lines().filter(l -> l.startsWith("[4/4] trial 3 ")).count(), "only the new trial runs: "
                + resumed.out());
        assertEquals(5, Files.readAllLines(sweep.resolve(Sweep.RESULTS_CSV)).size());
    }

    @Test
    void badCommandLinesExitWith2AndOneLine() {
        Outcome outcome = run("--lr", "log:1:0");
        assertEquals(2, outcome.status());
        assertEquals(1, outcome.err().lines().count(), outcome.err());
        assertTrue(outcome.err().startsWith("convlab sweep: --lr: "), outcome.err());
        assertTrue(outcome.err().endsWith("(see ./convlab sweep --help)\n"), outcome.err());
    }

    @Test
    void failuresExitWith1AndOneLine() throws IOException {
        Outcome unusable = run("--filters", "uniform:4:8", "--out", folder.resolve("f").toString());
        assertEquals(1, unusable.status());
        assertEquals("convlab sweep: filters takes integers, got uniform:4.0:8.0\n", unusable.err());
        Outcome noSpark = run(tiny("--runner", "spark", "--out", folder.resolve("s").toString()));
        assertEquals(1, noSpark.status());
        assertTrue(noSpark.err().startsWith("convlab sweep: no runner named 'spark' on the class path"), noSpark.err());
        assertEquals(1, noSpark.err().lines().count());
        Outcome nothing = run("--resume", folder.resolve("none").toString());
        assertEquals(1, nothing.status());
        assertTrue(nothing.err().contains("no such file"), nothing.err());
        Path sweep = folder.resolve("sweep");
        assertEquals(0, run(tiny("--out", sweep.toString())).status());
        Outcome again = run(tiny("--out", sweep.toString()));
        assertEquals(1, again.status());
        assertTrue(again.err().contains("already holds a sweep; continue it with --resume"), again.err());
        assertFalse(again.err().contains("Exception"), again.err());
    }

    @Test
    void helpPrintsTheUsage() {
        Outcome outcome = run("--help");
        assertEquals(0, outcome.status());
        assertTrue(outcome.out().startsWith("Usage: ./convlab sweep"), outcome.out());
    }
}
