package org.convlab.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.github.spencerpark.jupyter.kernel.display.DisplayData;
import io.github.spencerpark.jupyter.kernel.display.mime.MIMEType;

import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

import javax.tools.ToolProvider;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The kernel's evaluation in this JVM, without Jupyter: one kernel (one JShell) for all tests. */
class ConvlabKernelTest {
    private static ConvlabKernel kernel;

    @BeforeAll
    static void startKernel() {
        kernel = new ConvlabKernel();
    }

    @AfterAll
    static void stopKernel() {
        kernel.onShutdown(false);
    }

    private static String plain(String code) throws Exception {
        DisplayData result = kernel.eval(code);
        return result == null ? null : (String) result.getData(MIMEType.TEXT_PLAIN);
    }

    private static CellException failure(String code) {
        return assertThrows(CellException.class, () -> kernel.eval(code));
    }

    @Test
    void cellsShareStateAndTheLastExpressionIsTheResult() throws Exception {
        assertNull(plain("int counter = 41;"));
        assertEquals("42", plain("counter++;\ncounter"));
        assertEquals("text without quotes", plain("\"text without \" + \"quotes\""));
        assertNull(plain("System.out.println(counter);"), "a statement has no result");
        assertNull(plain("// only a comment\n"));
    }

    @Test
    void theResultIsTheRealObjectRenderedByTheRegistry() throws Exception {
        DisplayData result = kernel.eval("Tensor.ones(2, 3).mul(2)");
        assertTrue(((String) result.getData(MIMEType.TEXT_HTML)).contains("Tensor [2, 3] float32"));
        DisplayData svg = kernel.eval(
                "XYChart c = new XYChartBuilder().width(100).height(80).build();\n"
                        + "c.addSeries(\"s\", new double[] {1, 2}, new double[] {2, 1});\n"
                        + "render(c, \"image/svg+xml\")");
        assertTrue(((String) svg.getData(MIMEType.IMAGE_SVG)).contains("<svg"));
    }

    @Test
    void everyConvlabClassIsReachableByItsSimpleNameDespiteTheOtherImports() throws Exception {
        for (String pkg : List.of("org.convlab.autograd", "org.convlab.nn", "org.convlab.nn.models",
                "org.convlab.data", "org.convlab.optim", "org.convlab.train", "org.convlab.plot",
                "org.convlab.sweep")) {
            String prefix = pkg + ".";
            List<String> classes = kernel.complete(prefix, prefix.length()).getReplacements().stream()
                    .filter(n -> Character.isUpperCase(n.charAt(0)) && isPublic(prefix + n)).toList();
            if (!classes.isEmpty()) {
                String refs = classes.stream().map(n -> n + ".class").collect(Collectors.joining(", "));
                try {
                    assertEquals(String.valueOf(classes.size()), plain("List.of(" + refs + ").size()"));
                } catch (CellException e) {
                    fail(pkg + ": every public class must be usable by its simple name; an ambiguous one needs a "
                            + "single-type import in JShellSession.DEFAULT_IMPORTS:\n" + String.join("\n", e.traceback()));
                }
            }
        }
    }

    private static boolean isPublic(String className) {
        try {
            return Modifier.isPublic(Class.forName(className, false, ConvlabKernelTest.class.getClassLoader())
                    .getModifiers());
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    @Test
    void anExceptionIsReportedByItsRealClassWithTheCellLine() {
        CellException e = failure("int zero = 0;\nint q = 10 / zero;");
        assertEquals("java.lang.ArithmeticException", e.name());
        assertEquals("/ by zero", e.getMessage());
        assertTrue(e.traceback().get(1).matches("    at cell \\(Cell In\\[\\d+], line 2\\)"), e.traceback()::toString);

        CellException custom = failure("class Oops extends RuntimeException {}\nthrow new Oops();");
        assertEquals("Oops", custom.name());
    }

    @Test
    void aCompileErrorPointsAtTheCellLineAndColumn() {
        CellException e = failure("int fine = 1;\nString s = fine;");
        assertEquals("CompilationException", e.name());
        assertTrue(e.getMessage().startsWith("incompatible types"), e.getMessage());
        List<String> lines = e.traceback();
        assertTrue(lines.get(1).matches("Cell In\\[\\d+], line 2: incompatible types.*"), lines::toString);
        assertEquals("    String s = fine;", lines.get(2));
        assertEquals("               ^~~~", lines.get(3));
    }

    @Test
    void aMethodUsingAnUndeclaredNameCannotBeCalledUntilItIsDeclared() throws Exception {
        assertNull(plain("int twice() { return later * 2; }"));
        CellException e = failure("twice()");
        assertEquals("UnresolvedReferenceException", e.name());
        assertTrue(e.getMessage().contains("variable later"), e.getMessage());
        assertEquals("8", plain("int later = 4;\ntwice()"));
    }

    @Test
    void errorsThrownByCellsLeaveTheKernelUsable() throws Exception {
        assertEquals("java.lang.StackOverflowError", failure("int down(int n) { return down(n + 1); }\ndown(0);").name());
        assertEquals("java.lang.OutOfMemoryError", failure("long[] huge = new long[Integer.MAX_VALUE];").name());
        assertEquals("3", plain("1 + 2"));
    }

    @Test
    void anInterruptStopsTheRunningCellAndTheKernelStaysUsable() throws Exception {
        for (String code : List.of("while (true) { }", "Thread.sleep(60_000);")) {
            CompletableFuture<CellException> running = CompletableFuture.supplyAsync(() -> failure(code));
            Thread.sleep(700);
            kernel.interrupt();
            CellException e = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> running.get());
            assertEquals("Interrupted", e.name(), code);
            assertEquals("5", plain("2 + 3"));
        }
    }

    @Test
    void theClasspathMagicAddsClassDirectories(@TempDir Path dir) throws Exception {
        Path source = dir.resolve("src/extra/Hello.java");
        Files.createDirectories(source.getParent());
        Files.writeString(source, "package extra; public class Hello { public static String hi() { return \"hi\"; } }");
        Path classes = dir.resolve("classes");
        assertEquals(0, ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", classes.toString(),
                source.toString()));
        assertEquals("hi", plain("%classpath " + classes + "\nextra.Hello.hi()"));
    }

    @Test
    void magicMistakesAreUsageErrors() {
        assertEquals("UsageError", failure("%nosuchmagic").name());
        assertEquals("UsageError", failure("%jars").name());
        assertEquals("UsageError", failure("%jars /no/such/dir/*.jar").name());
        assertEquals("UsageError", failure("%maven not-coordinates").name());
    }

    @Test
    void completionInspectionAndCompletenessUseJShell() {
        assertEquals(List.of("zeros("), kernel.complete("Tensor.zer", 10).getReplacements());
        assertEquals(List.of("%maven"), kernel.complete("int a;\n%ma", 10).getReplacements());
        assertEquals(7, kernel.complete("int a;\n%ma", 10).getSourceStart());
        String doc = (String) kernel.inspect("Math.max", 8, false).getData(MIMEType.TEXT_PLAIN);
        assertTrue(doc.contains("int Math.max(int a, int b)"), doc);
        assertEquals("complete", kernel.isComplete("int x = 1;\nx + 1"));
        assertEquals("    ", kernel.isComplete("for (int i = 0; i < 3; i++) {"));
        assertEquals("invalid", kernel.isComplete(")"));
        assertEquals("complete", kernel.isComplete("%maven a:b:1"));
    }

    @Test
    void inspectingAVariableShowsItsTypeAndValue() throws Exception {
        plain("double rate = 0.5;");
        assertEquals("double rate = 0.5", kernel.inspect("rate", 2, false).getData(MIMEType.TEXT_PLAIN));
        assertNull(kernel.inspect("nothingHere", 3, false));
    }
}
