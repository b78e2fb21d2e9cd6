package org.convlab.sweep.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.convlab.cli.UsageException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SweepOptionsTest {
    @TempDir
    Path folder;

    @Test
    void everySettingIsParsed() {
        SweepOptions o = SweepOptions.parse("--search", "grid", "--trials=12", "--grid-points", "4", "--seed", "-3",
                "--epochs", "9", "--halving", "3", "--refine", "2", "--keep", "5", "--metric", "final_loss",
                "--train-samples", "500", "--validation", "200", "--parallel", "2", "--runner", "spark", "--master",
                "local-cluster[2,1,1024]", "--time-limit", "1h30m", "--out", "sweeps/x", "--space", "s.txt");
        assertEquals("grid", o.search);
        assertEquals(12, o.trials);
        assertEquals(4, o.gridPoints);
        assertEquals(-3, o.seed);
        assertEquals(9, o.epochs);
        assertEquals(3, o.halving);
        assertEquals(2, o.rounds);
        assertEquals(5, o.keep);
        assertEquals("final_loss", o.metric);
        assertEquals(500, o.trainSamples);
        assertEquals(200, o.validation);
        assertEquals(2, o.parallel);
        assertEquals("spark", o.runner);
        assertEquals("local-cluster[2,1,1024]", o.master);
        assertEquals(Duration.ofMinutes(90), o.timeLimit);
        assertEquals(Path.of("sweeps/x"), o.out);
        assertEquals(Path.of("s.txt"), o.spaceFile);
    }

    @Test
    void parametersAreSpecsNamedLikeTheTrialsParametersWithDashes() throws IOException {
        SweepOptions o = SweepOptions.parse("--lr", "log:1e-4:1e-2", "--reg=log:1e-5:1e-1", "--batch-size", "choice:32,64",
                "--model", "threelayer", "--lr-decay", "uniform:0.9:1");
        assertEquals(Map.of("lr", "log:1e-4:0.01", "reg", "log:1e-5:0.1", "batch_size", "choice:32,64", "model", "threelayer",
                "lr_decay", "uniform:0.9:1.0"), o.resolvedSpace());
        assertEquals(Map.of("lr", "log:1e-4:0.01", "reg", "log:1e-5:0.1"), SweepOptions.parse().resolvedSpace(),
                "the default space");
    }

    @Test
    void aSpaceFileHoldsOneParameterPerLineAndFlagsOverrideIt() throws IOException {
        Path file = folder.resolve("sweep.txt");
        Files.writeString(file, "# coarse\nlr = log:1e-5:1e-1\n\nbatch-size = choice:32,64   # two sizes\nreg=1e-4\n");
        assertEquals(Map.of("lr", "log:1e-4:0.01", "batch_size", "choice:32,64", "reg", "1e-4"),
                SweepOptions.parse("--space", file.toString(), "--lr", "log:1e-4:1e-2").resolvedSpace());
        Files.writeString(file, "lr = log:1e-5:1e-1\nmomentum = 0.9\n");
        UsageException e = assertThrows(UsageException.class, () -> SweepOptions.parse("--space", file.toString()).resolvedSpace());
        assertTrue(e.getMessage().endsWith("sweep.txt, line 2: expected 'name = SPEC' with a name among model, optimizer, lr, "
                + "reg, batch_size, lr_decay, hidden, filters, weight_scale, got 'momentum = 0.9'"), e.getMessage());
    }

    @Test
    void unknownOptionsAndBadValuesAreRefusedWithTheirName() {
        assertEquals("unknown option '--momentum'", message("--momentum", "0.9"));
        assertEquals("--lr: 'log:1e-4' : log needs two bounds, as in log:1e-4:1e-2".replace("' :", "':"),
                message("--lr", "log:1e-4"));
        assertEquals("--trials must be an integer of at least 1, got '0'", message("--trials", "0"));
        assertEquals("--halving must be an integer of at least 2, got '1'", message("--halving", "1"));
        assertEquals("--runner must be one of local, spark, got 'ray'", message("--runner", "ray"));
        assertEquals("--time-limit must be a duration such as 90s, 30m or 1h30m, got '10'", message("--time-limit", "10"));
        assertEquals("option --epochs needs a value (N)", message("--epochs"));
        assertEquals("option --help takes no value", message("--help=yes"));
        assertEquals("unexpected argument 'lr'", message("lr"));
    }

    @Test
    void resumeTakesOnlySettingsOfHowToRun() {
        SweepOptions o = SweepOptions.parse("--resume", "sweeps/x", "--trials", "30", "--parallel", "1", "--time-limit", "90s");
        assertEquals(Path.of("sweeps/x"), o.resume);
        assertEquals("--resume continues a sweep with its own options; --epochs cannot be changed (only --trials, "
                + "--parallel, --runner, --master and --time-limit can)", message("--resume", "x", "--epochs", "2"));
        assertTrue(message("--resume", "x", "--lr", "1e-3").contains("--lr cannot be changed"));
    }

    @Test
    void storedOptionsReadBackWithTheResumingCommandsOverrides() throws IOException {
        SweepOptions first = SweepOptions.parse("--lr", "log:1e-4:1e-2", "--epochs", "3", "--halving", "3", "--trials", "9",
                "--parallel", "2", "--time-limit", "10m");
        Map<String, Object> stored = first.toJson(first.resolvedSpace());
        SweepOptions resumed = SweepOptions.resumed(stored, SweepOptions.parse("--resume", "dir", "--trials", "27"));
        assertEquals(Map.of("lr", "log:1e-4:0.01"), resumed.resolvedSpace());
        assertEquals(3, resumed.epochs);
        assertEquals(3, resumed.halving);
        assertEquals(27, resumed.trials);
        assertNull(resumed.parallel, "how to run is not stored");
        assertNull(resumed.timeLimit);
        assertEquals(Path.of("dir"), resumed.resume);
    }

    @Test
    void helpDocumentsEverySettingAndTheSpaceFileFormat() {
        String help = SweepOptions.help();
        for (SweepOptions.Setting setting : SweepOptions.Setting.values()) {
            assertTrue(help.contains(setting.name().toLowerCase().replace('_', '-')), setting.name());
        }
        assertTrue(help.contains("lr = log:1e-5:1e-1"));
        assertTrue(help.lines().allMatch(line -> line.length() <= 110), "lines fit a terminal");
    }

    private static String message(String... args) {
        return assertThrows(UsageException.class, () -> SweepOptions.parse(args)).getMessage();
    }
}
