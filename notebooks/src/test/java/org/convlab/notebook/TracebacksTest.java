package org.convlab.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;

class TracebacksTest {
    private static StackTraceElement frame(String cls, String method) {
        return new StackTraceElement(cls, method, cls.substring(cls.lastIndexOf('.') + 1) + ".java", 10);
    }

    private static String joined(CellException e) {
        return String.join("\n", e.traceback());
    }

    @Test
    void theHeadlineNamesTheRealClassAndMessage() {
        CellException e = Tracebacks.fromThrowable(new IllegalStateException("broken"));
        assertEquals("java.lang.IllegalStateException", e.name());
        assertEquals("broken", e.getMessage());
        assertEquals("\u001b[1;31mjava.lang.IllegalStateException\u001b[0m: broken", e.traceback().get(0));
        assertEquals("", Tracebacks.fromThrowable(new StackOverflowError()).getMessage());
    }

    @Test
    void reflectionJShellAndKernelFramesAreLeftOut() {
        Throwable t = new RuntimeException("x");
        t.setStackTrace(new StackTraceElement[] {
                frame("org.convlab.nn.Conv2d", "forward"),
                frame("jdk.internal.reflect.DirectMethodHandleAccessor", "invoke"),
                frame("java.lang.reflect.Method", "invoke"),
                frame(CapturingExecutionControl.class.getName(), "runCurrent"),
                frame("jdk.jshell.execution.LocalExecutionControl", "lambda$invoke$1"),
                frame("java.lang.Thread", "run")});
        String trace = joined(Tracebacks.fromThrowable(t));
        assertTrue(trace.contains("at org.convlab.nn.Conv2d.forward(Conv2d.java:10)"), trace);
        for (String noise : List.of("reflect", "jshell", "runCurrent")) {
            assertFalse(trace.contains(noise), noise + " in " + trace);
        }
    }

    @Test
    void framesAfterTheOutermostCellFrameAreCut() {
        Throwable t = new RuntimeException("x");
        t.setStackTrace(new StackTraceElement[] {
                new StackTraceElement("", "f", "#3", 2),
                new StackTraceElement("", "", "#4", 1),
                frame("java.lang.Thread", "run")});
        List<String> lines = Tracebacks.fromThrowable(t).traceback();
        assertEquals(List.of("    at f (kernel startup code, line 2)", "    at cell (kernel startup code, line 1)"),
                lines.subList(1, lines.size()));
    }

    @Test
    void deepRecursionFoldsIntoOneRepeatedFrame() {
        Throwable t = new StackOverflowError();
        t.setStackTrace(Collections.nCopies(1024, frame("demo.Deep", "recurse")).toArray(StackTraceElement[]::new));
        List<String> lines = Tracebacks.fromThrowable(t).traceback();
        assertEquals(List.of("    at demo.Deep.recurse(Deep.java:10)", "    [the frame above repeated 1023 more times]"),
                lines.subList(1, lines.size()));
    }

    @Test
    void longTracesAreCutAfterTheFrameLimit() {
        List<StackTraceElement> frames = new ArrayList<>();
        for (int i = 0; i < Tracebacks.MAX_FRAMES + 12; i++) {
            frames.add(frame("demo.Layer" + i, "run"));
        }
        Throwable t = new RuntimeException();
        t.setStackTrace(frames.toArray(StackTraceElement[]::new));
        List<String> lines = Tracebacks.fromThrowable(t).traceback();
        assertEquals(1 + Tracebacks.MAX_FRAMES + 1, lines.size());
        assertEquals("    ... 12 more frames", lines.get(lines.size() - 1));
    }

    @Test
    void causesFollowWithTheirSharedFramesElided() {
        StackTraceElement[] outer = {frame("demo.A", "wrap"), frame("demo.Main", "main")};
        StackTraceElement[] inner = {frame("demo.B", "fail"), frame("demo.A", "wrap"), frame("demo.Main", "main")};
        IllegalArgumentException cause = new IllegalArgumentException("inner");
        cause.setStackTrace(inner);
        RuntimeException t = new RuntimeException("outer", cause);
        t.setStackTrace(outer);
        List<String> lines = Tracebacks.fromThrowable(t).traceback();
        assertEquals(List.of("    at demo.A.wrap(A.java:10)", "    at demo.Main.main(Main.java:10)",
                "Caused by: java.lang.IllegalArgumentException: inner", "    at demo.B.fail(B.java:10)",
                "    ... 2 more"), lines.subList(1, lines.size()));
    }

    @Test
    void classesDeclaredInCellsLoseJShellsPrefix() {
        assertEquals("MyError", Tracebacks.className("REPL.$JShell$12$MyError"));
        assertEquals("Outer$Inner", Tracebacks.className("REPL.$JShell$7B$Outer$Inner"));
        assertEquals("java.lang.Error", Tracebacks.className("java.lang.Error"));
    }

    @Test
    void simpleErrorsHaveAHeadlineAndDetails() {
        CellException e = Tracebacks.simple("UsageError", null, List.of("detail"));
        assertEquals("", e.getMessage());
        assertEquals(List.of("\u001b[1;31mUsageError\u001b[0m", "detail"), e.traceback());
    }
}
