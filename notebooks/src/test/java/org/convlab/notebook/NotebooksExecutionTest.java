package org.convlab.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * The notebooks of notebooks/*.ipynb, executed once, headless, through the real kernel: a kernelspec with the test
 * class path in a temporary {@code JUPYTER_PATH}, and src/main/python/execute_notebooks.py, the script behind
 * {@code ./convlab notebooks}. The tests then read the executed copies: no cell failed, the charts and tables are
 * there, and key results hold (the wrong backward of notebook 1 is caught, notebook 3's network overfits its small
 * sample, notebook 4's sweeps rank their trials). The script prints each notebook's execution time.
 *
 * <p>Needs {@code /usr/bin/python3} with python3-nbclient and jupyter-nbconvert. Without them the tests are skipped,
 * except on CI ({@code CI=true}), where they fail ({@link JupyterTools}).
 */
class NotebooksExecutionTest {
    private static final Path NOTEBOOKS = Path.of("").toAbsolutePath();
    private static final Path EXECUTOR = Path.of("src", "main", "python", "execute_notebooks.py").toAbsolutePath();
    private static final List<String> EXPECTED = List.of("01-autograd-and-gradient-checks.ipynb",
            "02-layers-after-the-seed-notes.ipynb", "03-training-a-convnet-on-fashion-mnist.ipynb",
            "04-hyper-parameter-sweep.ipynb");
    private static final int CELL_TIMEOUT_SECONDS = 300;
    private static final long RUN_TIMEOUT_SECONDS = 900;

    @TempDir
    static Path temp;

    private static final Map<String, JsonObject> executed = new LinkedHashMap<>();
    private static int exitCode;
    private static String log;

    @BeforeAll
    static void executeEveryNotebookOnce() throws Exception {
        JupyterTools.require("python3-nbclient jupyter-nbconvert", "nbclient", "nbconvert", "jupyter_client");
        List<Path> notebooks;
        try (Stream<Path> files = Files.list(NOTEBOOKS)) {
            notebooks = files.filter(p -> p.getFileName().toString().endsWith(".ipynb")).sorted().toList();
        }
        assertEquals(EXPECTED, notebooks.stream().map(p -> p.getFileName().toString()).toList(), "the notebooks");
        Path jupyterPath = JupyterTools.installKernel(temp.resolve("jupyter"));
        Path output = temp.resolve("executed");
        Path logFile = temp.resolve("execute.log");

        List<String> command = new ArrayList<>(List.of(JupyterTools.PYTHON.toString(), EXECUTOR.toString(),
                "--kernel", KernelSpec.NAME, "--timeout", Integer.toString(CELL_TIMEOUT_SECONDS),
                "--output-dir", output.toString()));
        notebooks.forEach(p -> command.add(p.toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(logFile.toFile());
        builder.environment().put("JUPYTER_PATH", jupyterPath.toString());
        builder.environment().put("JUPYTER_RUNTIME_DIR", temp.resolve("runtime").toString());
        long start = System.nanoTime();
        Process process = builder.start();
        if (!process.waitFor(RUN_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail("the notebooks did not finish in " + RUN_TIMEOUT_SECONDS + " s:\n" + Files.readString(logFile));
        }
        exitCode = process.exitValue();
        log = Files.readString(logFile);
        System.out.println(log);
        System.out.println(String.format(Locale.ROOT, "%d notebooks executed in %.1f s on Java %s", notebooks.size(),
                (System.nanoTime() - start) / 1e9, Runtime.version()));
        for (String name : EXPECTED) {
            Path copy = output.resolve(name);
            if (Files.exists(copy)) {
                executed.put(name, JsonParser.parseString(Files.readString(copy)).getAsJsonObject());
            }
        }
    }

    @Test
    void everyCellOfEveryNotebookRuns() {
        List<String> errors = new ArrayList<>();
        for (String name : EXPECTED) {
            if (!executed.containsKey(name)) {
                errors.add(name + ": no executed copy");
                continue;
            }
            outputs(name).stream().filter(o -> "error".equals(o.get("output_type").getAsString()))
                    .forEach(o -> errors.add(name + ": " + o.get("ename").getAsString() + ": " + o.get("evalue").getAsString()
                            + "\n" + traceback(o)));
            List<JsonObject> unrun = codeCells(name).stream().filter(c -> c.get("execution_count").isJsonNull()).toList();
            if (!unrun.isEmpty() && errors.isEmpty()) {
                errors.add(name + ": " + unrun.size() + " code cells did not run");
            }
        }
        assertEquals(List.of(), errors, () -> "failing cells:\n" + log);
        assertEquals(0, exitCode, () -> "execute_notebooks.py failed:\n" + log);
    }

    @Test
    void notebooksTwoToFourShowChartsAndEveryNotebookShowsTables() {
        Map<String, Integer> minimumImages = Map.of(EXPECTED.get(1), 2, EXPECTED.get(2), 10, EXPECTED.get(3), 4);
        for (String name : EXPECTED) {
            long images = outputs(name).stream().filter(o -> data(o, "image/png") != null).count();
            assertTrue(images >= minimumImages.getOrDefault(name, 0), name + " shows " + images + " images");
            long tables = outputs(name).stream().map(o -> data(o, "text/html")).filter(h -> h != null && h.contains("<table"))
                    .count();
            assertTrue(tables >= 2, name + " shows " + tables + " HTML tables");
        }
    }

    @Test
    void notebookOneCatchesTheWrongBackward() {
        String name = EXPECTED.get(0);
        assertTrue(streamText(name).contains("wrong backward caught: true"), () -> streamText(name));
        List<String> reports = outputs(name).stream().map(o -> data(o, "text/plain"))
                .filter(t -> t != null && t.startsWith("Gradient check")).toList();
        assertTrue(reports.stream().anyMatch(r -> r.contains("FAILED") && r.contains("wrong")), () -> String.join("\n", reports));
        assertTrue(reports.stream().filter(r -> r.contains("PASSED")).count() >= 2, () -> String.join("\n", reports));
    }

    @Test
    void notebookTwoFindsNaiveAndFusedConvolutionAgree() {
        String name = EXPECTED.get(1);
        assertTrue(streamText(name).contains("weights per filter = 5·5·3 = 75: true"), () -> streamText(name));
        String html = outputs(name).stream().map(o -> data(o, "text/html")).filter(h -> h != null).collect(Collectors.joining());
        assertTrue(html.contains("[16×16×12]"), "the pooled volume");
        assertTrue(outputs(name).stream().map(o -> data(o, "text/plain"))
                .anyMatch(t -> t != null && t.startsWith("Gradient check") && t.contains("PASSED")), "the fused conv's check");
    }

    @Test
    void notebookThreeOverfitsTheSmallSampleAndTrainsWithTheLiveView() {
        String name = EXPECTED.get(2);
        String text = streamText(name);
        Matcher overfit = Pattern.compile("overfit train accuracy: ([0-9.]+)").matcher(text);
        assertTrue(overfit.find(), text);
        assertTrue(Double.parseDouble(overfit.group(1)) >= 0.9, "overfit train accuracy " + overfit.group(1));
        Matcher test = Pattern.compile("test accuracy: ([0-9.]+)").matcher(text);
        assertTrue(test.find(), text);
        assertTrue(Double.parseDouble(test.group(1)) > 0.5, "test accuracy " + test.group(1));
        assertTrue(outputs(name).stream().map(o -> data(o, "text/plain"))
                .anyMatch(t -> t != null && t.contains("· done: best validation accuracy")), "the live view's final state");
    }

    @Test
    void notebookFourRanksTheTrialsOfBothSweeps() {
        String name = EXPECTED.get(3);
        List<String> results = outputs(name).stream().map(o -> data(o, "text/html"))
                .filter(h -> h != null && h.contains("class=\"convlab-sweep\"")).toList();
        assertEquals(2, results.size(), "the coarse and the fine sweep's results");
        assertTrue(results.get(0).contains("SweepResults[12 trials") && results.get(1).contains("SweepResults[8 trials"));
        assertTrue(results.stream().allMatch(h -> h.contains("sweep by val_accuracy")), "sorted by the objective");
    }

    @Test
    void notebooksAreCommittedWithoutOutputs() throws IOException {
        for (String name : EXPECTED) {
            JsonObject notebook = JsonParser.parseString(Files.readString(NOTEBOOKS.resolve(name))).getAsJsonObject();
            for (JsonElement cell : notebook.getAsJsonArray("cells")) {
                JsonObject c = cell.getAsJsonObject();
                if ("code".equals(c.get("cell_type").getAsString())) {
                    assertEquals(0, c.getAsJsonArray("outputs").size(), name + " has outputs");
                    assertTrue(c.get("execution_count").isJsonNull(), name + " has execution counts");
                }
            }
        }
    }

    private static List<JsonObject> codeCells(String name) {
        List<JsonObject> cells = new ArrayList<>();
        JsonObject notebook = executed.get(name);
        if (notebook != null) {
            for (JsonElement cell : notebook.getAsJsonArray("cells")) {
                if ("code".equals(cell.getAsJsonObject().get("cell_type").getAsString())) {
                    cells.add(cell.getAsJsonObject());
                }
            }
        }
        return cells;
    }

    private static List<JsonObject> outputs(String name) {
        List<JsonObject> outputs = new ArrayList<>();
        for (JsonObject cell : codeCells(name)) {
            cell.getAsJsonArray("outputs").forEach(o -> outputs.add(o.getAsJsonObject()));
        }
        return outputs;
    }

    /** An output's data of one MIME type as text, or null. */
    private static String data(JsonObject output, String mime) {
        JsonObject data = output.getAsJsonObject("data");
        return data == null || !data.has(mime) ? null : text(data.get(mime));
    }

    /** Everything the notebook's cells printed. */
    private static String streamText(String name) {
        return outputs(name).stream().filter(o -> "stream".equals(o.get("output_type").getAsString()))
                .map(o -> text(o.get("text"))).collect(Collectors.joining());
    }

    /** The traceback lines of an error output. */
    private static String traceback(JsonObject error) {
        List<String> lines = new ArrayList<>();
        error.getAsJsonArray("traceback").forEach(line -> lines.add(line.getAsString()));
        return String.join("\n", lines);
    }

    /** A notebook string: one string, or an array of lines. */
    private static String text(JsonElement value) {
        if (value.isJsonArray()) {
            StringBuilder sb = new StringBuilder();
            for (JsonElement line : (JsonArray) value) {
                sb.append(line.getAsString());
            }
            return sb.toString();
        }
        return value.getAsString();
    }
}
