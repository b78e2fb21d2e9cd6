package org.convlab.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import org.convlab.autograd.NoGrad;
import org.convlab.autograd.Tensor;
import org.convlab.nn.models.Model;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckpointTest {
    @TempDir
    Path folder;

    private static Map<String, double[]> values(Model model) {
        Map<String, double[]> values = new LinkedHashMap<>();
        model.stateDict().forEach((name, t) -> values.put(name, t.toDoubleArray()));
        return values;
    }

    private static void assertUnchanged(Map<String, double[]> before, Model model) {
        model.stateDict().forEach((name, t) -> assertArrayEquals(before.get(name), t.toDoubleArray(), name));
    }

    /** A model whose buffers hold something other than their initial values. */
    @SuppressWarnings("try")
    private static Model modelWithBuffers(long seed) {
        Model model = Fixtures.fullyConnected(seed);
        try (NoGrad off = NoGrad.begin()) {
            model.buffers().values().forEach(t -> t.fill(seed + 0.5));
        }
        return model;
    }

    @Test
    void aModelCheckpointRoundTripsEveryParameterAndBuffer() throws IOException {
        Model saved = modelWithBuffers(1);
        Path file = folder.resolve("model.npz");
        Checkpoint.save(saved, file);
        Model loaded = modelWithBuffers(2);
        Checkpoint.load(loaded, file);
        assertUnchanged(values(saved), loaded);
        assertEquals("model", Checkpoint.read(file).metadata().get("kind"));
    }

    @Test
    void aTruncatedCheckpointGivesAClearErrorAndLeavesTheModelUntouched() throws IOException {
        Path file = folder.resolve("model.npz");
        Checkpoint.save(modelWithBuffers(1), file);
        byte[] bytes = Files.readAllBytes(file);
        for (int length : new int[] {0, 100, bytes.length / 2, bytes.length - 10}) {
            Files.write(file, Arrays.copyOf(bytes, length));
            Model model = modelWithBuffers(2);
            Map<String, double[]> before = values(model);
            CheckpointException e = assertThrows(CheckpointException.class, () -> Checkpoint.load(model, file));
            assertTrue(e.getMessage().startsWith(file + ": "), e.getMessage());
            assertTrue(e.getMessage().contains("truncated"), e.getMessage());
            assertUnchanged(before, model);
        }
    }

    @Test
    void aForeignFileGivesAClearErrorAndLeavesTheModelUntouched() throws IOException {
        Path text = folder.resolve("notes.npz");
        Files.writeString(text, "these are not weights\n");
        Path plainNpz = folder.resolve("plain.npz");
        Npz.write(plainNpz, Map.of("W1", Tensor.zeros(3)), Map.of());
        Path otherModel = folder.resolve("other.npz");
        Checkpoint.save(Fixtures.smallConvNet(0), otherModel);

        Model model = modelWithBuffers(2);
        Map<String, double[]> before = values(model);
        assertTrue(loadError(model, text).contains("not a complete .npz (zip) archive"));
        assertTrue(loadError(model, plainNpz).contains("no metadata.npy entry: not a convlab checkpoint"));
        assertTrue(loadError(model, otherModel).contains("model state: 'W1' has shape [8, 1, 5, 5] but the model's is [784, 32]"));
        assertUnchanged(before, model);
    }

    @Test
    void aCheckpointMissingOneBufferIsRefusedBeforeAnythingIsCopied() throws IOException {
        Model saved = modelWithBuffers(1);
        Map<String, Tensor> state = new LinkedHashMap<>(saved.stateDict());
        state.remove("runningVar1");
        Path file = folder.resolve("partial.npz");
        new Checkpoint(file, state, Map.of(), Map.of(), Map.of("format", Checkpoint.FORMAT, "version", Checkpoint.VERSION))
                .write(file);
        Model model = modelWithBuffers(2);
        Map<String, double[]> before = values(model);
        assertTrue(loadError(model, file).contains("'runningVar1' is missing"));
        assertUnchanged(before, model);
    }

    private static String loadError(Model model, Path file) {
        CheckpointException e = assertThrows(CheckpointException.class, () -> Checkpoint.load(model, file));
        assertTrue(e.getMessage().startsWith(file + ": "), e.getMessage());
        return e.getMessage();
    }
}
