package org.convlab.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.convlab.autograd.DType;
import org.convlab.autograd.Tensor;
import org.convlab.data.Augmentation;
import org.convlab.nn.models.Model;
import org.convlab.optim.Adam;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** numpy reads convlab's checkpoints and convlab reads numpy's archives; needs Debian's python3-numpy. */
class NumpyInteropTest {
    /** Debian's interpreter, where python3-numpy installs; not whatever python3 comes first on PATH. */
    private static final Path PYTHON = Path.of("/usr/bin/python3");

    @TempDir
    Path folder;

    @BeforeAll
    static void requireNumpy() throws IOException, InterruptedException {
        assumeTrue(Files.isExecutable(PYTHON), PYTHON + " is not installed");
        assumeTrue(python("import numpy").exitCode == 0, "numpy is not installed for " + PYTHON + " (apt-get install python3-numpy)");
    }

    private record Result(int exitCode, String output) {
    }

    private static Result python(String script, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(PYTHON.toString(), "-c", script));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IOException("python did not finish");
        }
        return new Result(process.exitValue(), output);
    }

    @Test
    void numpyLoadsASolverCheckpointWithItsArraysAndJsonMetadata() throws IOException, InterruptedException {
        Model model = Fixtures.fullyConnected(3);
        Solver solver = Solver.builder().model(model).data(Fixtures.fashion(200, 50))
                .optimizer(Adam.builder().build(model.parameters()))
                .augmentation(Augmentation.builder().horizontalFlip(true).build())
                .batchSize(50).epochs(1).checkpointFolder(folder).build();
        solver.train();
        Checkpoint checkpoint = Checkpoint.read(folder.resolve(Checkpoint.FILE_NAME));

        String script = String.join("\n",
                "import sys, json, numpy as np",
                "f = np.load(sys.argv[1])",
                "meta = json.loads(str(f['metadata']))",
                "out = {'meta': [meta['format'], meta['epoch'], len(meta['history']['iterations']['loss'])]}",
                "for k in f.files:",
                "    if k != 'metadata':",
                "        a = f[k]",
                "        out[k] = [str(a.dtype), list(a.shape), float(a.astype(np.float64).sum())]",
                "print(json.dumps(out))");
        Result result = python(script, folder.resolve(Checkpoint.FILE_NAME).toString());
        assertEquals(0, result.exitCode(), result.output());
        Map<String, Object> seen = Json.parseObject(result.output());

        assertEquals(List.of(Checkpoint.FORMAT, 1L, 4L), seen.get("meta"));
        assertEquals(1 + checkpoint.model().size() + checkpoint.optimizer().size() + checkpoint.best().size(), seen.size());
        checkpoint.model().forEach((name, t) -> assertArray(t, seen.get(name), name));
        checkpoint.optimizer().forEach((key, t) -> assertArray(t, seen.get(Checkpoint.OPTIMIZER_PREFIX + key), key));
        checkpoint.best().forEach((name, t) -> assertArray(t, seen.get(Checkpoint.BEST_PREFIX + name), name));
    }

    private static void assertArray(Tensor expected, Object seen, String name) {
        List<?> info = (List<?>) seen;
        assertEquals(expected.dtype().numpyName(), info.get(0), name);
        assertArrayEquals(expected.shape(), ((List<?>) info.get(1)).stream().mapToInt(v -> ((Number) v).intValue()).toArray(), name);
        double sum = expected.to(DType.F64).sum().item();
        assertEquals(sum, ((Number) info.get(2)).doubleValue(), 1e-9 * (1 + Math.abs(sum)), name);
    }

    @Test
    void convlabReadsArchivesWrittenByNumpySavez() throws IOException, InterruptedException {
        Path file = folder.resolve("from_numpy.npz");
        String script = String.join("\n",
                "import sys, numpy as np",
                "np.savez(sys.argv[1], w=np.arange(6, dtype=np.float32).reshape(2, 3),",
                "         v=np.array([0.5, -1.5]), t=np.float64(3), note=np.array('résumé'))");
        Result result = python(script, file.toString());
        assertEquals(0, result.exitCode(), result.output());

        Npz.Contents contents = Npz.read(file);
        Tensor w = contents.tensors().get("w");
        assertEquals(DType.F32, w.dtype());
        assertArrayEquals(new int[] {2, 3}, w.shape());
        assertArrayEquals(new double[] {0, 1, 2, 3, 4, 5}, w.toDoubleArray());
        assertArrayEquals(new double[] {0.5, -1.5}, contents.tensors().get("v").toDoubleArray());
        assertEquals(3.0, contents.tensors().get("t").item());
        assertEquals("résumé", contents.strings().get("note"));
    }
}
