package org.convlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

class TrainOptionsTest {

    @Test
    void everyFlagIsParsed() {
        TrainOptions o = TrainOptions.parse("--model", "lenet", "--dataset", "cifar10", "--data-path", "/data/c10",
                "--epochs", "3", "--batch-size=64", "--optimizer", "nesterov", "--lr", "5e-3", "--lr-decay", "0.95",
                "--reg", "0.001", "--seed", "-12", "--threads", "1", "--out", "runs/x", "--train-samples", "500",
                "--validation", "100", "--test-samples", "200", "--normalization", "mean-image");
        assertEquals("lenet", o.model);
        assertEquals("cifar10", o.dataset);
        assertEquals(Path.of("/data/c10"), o.dataPath);
        assertEquals(3, o.epochs);
        assertEquals(64, o.batchSize);
        assertEquals("nesterov", o.optimizer);
        assertEquals(5e-3, o.learningRate());
        assertEquals(0.95, o.learningRateDecay);
        assertEquals(0.001, o.reg);
        assertEquals(-12, o.seed);
        assertEquals(1, o.threads);
        assertEquals(Path.of("runs/x"), o.out);
        assertEquals(500, o.trainSamples);
        assertEquals(100, o.validation);
        assertEquals(200, o.testSamples);
        assertEquals("mean-image", o.normalization);
    }

    @Test
    void defaultsTrainTheThreeLayerConvNetWithAdam() {
        TrainOptions o = TrainOptions.parse();
        assertEquals("threelayer", o.model);
        assertEquals("fashion-mnist", o.dataset);
        assertEquals("adam", o.optimizer);
        assertEquals(1e-3, o.learningRate());
        assertEquals(1e-2, TrainOptions.parse("--optimizer", "sgd").learningRate());
        assertNull(o.out);
    }

    @Test
    void unknownOptionsAndBadValuesAreRefusedWithTheirName() {
        assertEquals("unknown option '--epoch'", assertThrows(UsageException.class,
                () -> TrainOptions.parse("--epoch", "3")).getMessage());
        assertEquals("--epochs must be a positive integer, got '0'", assertThrows(UsageException.class,
                () -> TrainOptions.parse("--epochs", "0")).getMessage());
        assertEquals("--optimizer must be one of sgd, momentum, nesterov, rmsprop, adam, got 'adagrad'",
                assertThrows(UsageException.class, () -> TrainOptions.parse("--optimizer", "adagrad")).getMessage());
        assertEquals("option --lr needs a value (RATE)", assertThrows(UsageException.class,
                () -> TrainOptions.parse("--lr")).getMessage());
        assertEquals("--lr must be a number, got 'fast'", assertThrows(UsageException.class,
                () -> TrainOptions.parse("--lr", "fast")).getMessage());
        assertEquals("unexpected argument 'now'", assertThrows(UsageException.class,
                () -> TrainOptions.parse("now")).getMessage());
    }

    @Test
    void resumeAcceptsOnlyEpochsAndThreads() {
        TrainOptions o = TrainOptions.parse("--resume", "runs/a", "--epochs", "9", "--threads", "2");
        assertEquals(Path.of("runs/a"), o.resume);
        UsageException e = assertThrows(UsageException.class, () -> TrainOptions.parse("--resume", "runs/a", "--lr", "1"));
        assertTrue(e.getMessage().contains("--lr cannot be changed"), e.getMessage());
    }

    @Test
    void savedOptionsReadBackWithTheResumingCommandsEpochsAndThreads() {
        TrainOptions original = TrainOptions.parse("--model", "fc", "--lr", "0.02", "--optimizer", "momentum", "--seed", "5",
                "--epochs", "2", "--train-samples", "300");
        Map<String, Object> saved = original.toJson();
        TrainOptions resumed = TrainOptions.resumed(saved, TrainOptions.parse("--resume", "runs/a", "--epochs", "4"));
        assertEquals(original.toJson().keySet(), resumed.toJson().keySet());
        assertEquals("fc", resumed.model);
        assertEquals(0.02, resumed.learningRate());
        assertEquals(5, resumed.seed);
        assertEquals(300, resumed.trainSamples);
        assertEquals(4, resumed.epochs);
        assertEquals(original.threads, resumed.threads);
        assertEquals(Path.of("runs/a"), resumed.out);
    }

    @Test
    void theHelpExplainsEveryFlag() {
        String help = TrainOptions.help();
        for (String flag : new String[] {"--model", "--dataset", "--data-path", "--epochs", "--batch-size", "--optimizer",
            "--lr", "--lr-decay", "--reg", "--seed", "--threads", "--out", "--train-samples", "--validation",
            "--test-samples", "--normalization", "--resume", "--help"}) {
            assertTrue(help.contains("\n  " + flag + " "), flag);
        }
        help.lines().forEach(line -> assertTrue(line.length() <= 100, line));
    }
}
