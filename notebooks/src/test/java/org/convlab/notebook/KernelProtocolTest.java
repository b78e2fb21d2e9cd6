package org.convlab.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

import javax.tools.ToolProvider;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.Gson;
import com.google.gson.reflect.TypeToken;

/**
 * The kernel as Jupyter clients see it: a kernelspec with the test class path is installed into a temporary
 * {@code JUPYTER_PATH}, and src/test/python/test_convlab_kernel.py (jupyter_kernel_test's suite, convlab's own protocol
 * checks, and 20 kernel starts) runs once against it through Debian's jupyter-client; each test here checks part of
 * that run's outcome.
 *
 * <p>Needs {@code /usr/bin/python3} with jupyter-client and python3-jupyter-kernel-test. Without them the tests are
 * skipped, except on CI ({@code CI=true}), where they fail ({@link JupyterTools}).
 */
class KernelProtocolTest {
    private static final Path SUITE = Path.of("src", "test", "python").toAbsolutePath();
    private static final long SUITE_TIMEOUT_SECONDS = 240;
    private static final String SUITE_CLASS = "ConvlabKernelTests.";

    @TempDir
    static Path temp;

    private static Map<String, Outcome> outcomes;
    private static String report;

    /** One test's outcome, as run_kernel_tests.py writes it. */
    private record Outcome(String outcome, String detail) {
    }

    @BeforeAll
    static void runTheKernelTestsOnce() throws Exception {
        JupyterTools.require("jupyter-client python3-jupyter-kernel-test", "jupyter_client", "jupyter_kernel_test");
        Path jupyterPath = JupyterTools.installKernel(temp.resolve("jupyter"));
        Path results = temp.resolve("results.json");
        Path timings = temp.resolve("start-timings.json");
        Path log = temp.resolve("suite.log");

        ProcessBuilder builder = new ProcessBuilder(JupyterTools.PYTHON.toString(), "run_kernel_tests.py", results.toString())
                .directory(SUITE.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        env.put("JUPYTER_PATH", jupyterPath.toString());
        env.put("JUPYTER_RUNTIME_DIR", temp.resolve("runtime").toString());
        env.put("CONVLAB_KERNEL_NAME", KernelSpec.NAME);
        env.put("CONVLAB_TEST_JAR", greeterJar(temp.resolve("greeter")).toString());
        env.put("CONVLAB_START_TIMINGS", timings.toString());
        Process process = builder.start();
        if (!process.waitFor(SUITE_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail("the kernel test suite did not finish in " + SUITE_TIMEOUT_SECONDS + " s:\n" + Files.readString(log));
        }
        report = Files.readString(log);
        System.out.println(report);
        if (!Files.exists(results)) {
            fail("the kernel test suite wrote no results:\n" + report);
        }
        outcomes = new Gson().fromJson(Files.readString(results), new TypeToken<Map<String, Outcome>>() {
        }.getType());
        if (Files.exists(timings)) {
            System.out.println("kernel starts: " + summarise(Files.readString(timings)));
        }
    }

    @Test
    void passesTheJupyterKernelTestSuite() {
        List<String> standard = List.of("test_kernel_info", "test_execute_stdout", "test_execute_stderr",
                "test_completion", "test_is_complete", "test_error", "test_execute_result", "test_display_data",
                "test_history", "test_inspect");
        for (String test : standard) {
            assertPassed(SUITE_CLASS + test);
        }
        List<String> failed = outcomes.entrySet().stream()
                .filter(e -> e.getKey().startsWith(SUITE_CLASS) && !e.getValue().outcome().matches("ok|skipped"))
                .map(Map.Entry::getKey).toList();
        assertEquals(List.of(), failed, () -> "failed kernel tests:\n" + report);
    }

    @Test
    void namesErrorsByTheRealExceptionClassWithCellLineNumbers() {
        assertPassed(SUITE_CLASS + "test_convlab_error_names_the_real_exception_class_and_cell_line");
        assertPassed(SUITE_CLASS + "test_convlab_compile_error_points_at_the_cell_line");
    }

    @Test
    void survivesACellThatThrowsAnError() {
        assertPassed(SUITE_CLASS + "test_convlab_kernel_survives_cells_that_throw_errors");
    }

    @Test
    void survivesAnInterruptOfALongRunningCell() {
        assertPassed(SUITE_CLASS + "test_convlab_interrupt_stops_a_running_cell_and_the_kernel_stays_usable");
    }

    @Test
    void rendersTheLastExpressionAndUpdatesDisplays() {
        assertPassed(SUITE_CLASS + "test_convlab_last_expression_renders_the_real_object");
        assertPassed(SUITE_CLASS + "test_convlab_update_display_replaces_an_output");
    }

    @Test
    void addsJarsToTheClassPathWithTheJarsMagic() {
        assertPassed(SUITE_CLASS + "test_convlab_jars_magic_adds_a_jar_to_the_class_path");
    }

    @Test
    void startsTwentyTimesInARowWithoutHanging() {
        assertPassed("KernelStartTests.test_starts_twenty_times_in_a_row_without_hanging");
    }

    private static void assertPassed(String test) {
        Outcome outcome = outcomes.get(test);
        assertTrue(outcome != null, () -> test + " did not run:\n" + report);
        assertEquals("ok", outcome.outcome(), () -> test + ": " + outcome.detail());
    }

    /** A jar holding {@code magic.Greeter} with {@code static String hello()}, for the {@code %jars} check. */
    private static Path greeterJar(Path dir) throws IOException {
        Path source = dir.resolve("src/magic/Greeter.java");
        Files.createDirectories(source.getParent());
        Files.writeString(source, "package magic;\npublic class Greeter {\n"
                + "    public static String hello() { return \"hello from a jar\"; }\n}\n");
        Path classes = dir.resolve("classes");
        int status = ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", classes.toString(),
                source.toString());
        assertEquals(0, status, "compiling magic.Greeter");
        Path jar = dir.resolve("greeter.jar");
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file)) {
            out.putNextEntry(new JarEntry("magic/Greeter.class"));
            out.write(Files.readAllBytes(classes.resolve("magic/Greeter.class")));
            out.closeEntry();
        }
        return jar;
    }

    private static String summarise(String timingsJson) {
        List<Map<String, Double>> starts = new Gson().fromJson(timingsJson,
                new TypeToken<List<Map<String, Double>>>() {
                }.getType());
        List<String> parts = new ArrayList<>();
        for (String key : List.of("ready", "shutdown")) {
            double[] values = starts.stream().mapToDouble(s -> s.get(key)).sorted().toArray();
            parts.add(String.format(Locale.ROOT, "%s min %.2f s, median %.2f s, max %.2f s", key, values[0],
                    values[values.length / 2], values[values.length - 1]));
        }
        return starts.size() + " starts; " + String.join("; ", parts);
    }
}
