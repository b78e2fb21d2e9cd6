package org.convlab.notebook;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

import jdk.jshell.EvalException;

/**
 * Turns what went wrong in a cell into a short, readable Jupyter traceback: a coloured {@code name: message}
 * headline, then the frames, where frames of cell code read {@code at f (Cell In[5], line 3)}, JShell, reflection
 * and kernel frames are left out, runs of one repeated frame (deep recursion) are folded, and causes follow as in
 * Java ({@code Caused by: ...}, frames shared with the enclosing trace elided).
 */
final class Tracebacks {
    /** The most frames shown per exception in the chain. */
    static final int MAX_FRAMES = 30;

    private static final String RED = "\u001b[1;31m";
    private static final String RESET = "\u001b[0m";
    /** The synthetic prefix of classes declared in cells, e.g. {@code REPL.$JShell$12$MyError}. */
    private static final Pattern SNIPPET_CLASS_PREFIX = Pattern.compile("^REPL\\.\\$JShell\\$[0-9]+[A-Z]*\\$?");
    /** Prefixes of the classes whose frames are noise: reflection, JShell, and the kernel's snippet runner. */
    private static final List<String> NOISE = List.of("jdk.internal.reflect.", "java.lang.reflect.Method",
            "jdk.jshell.", CapturingExecutionControl.class.getName());

    private Tracebacks() {
    }

    /**
     * The error of an exception thrown by cell code, as JShell reports it (with the real class name and
     * snippet-relative frames).
     *
     * @param exception the exception JShell reported
     * @param origins   where each snippet id came from
     */
    static CellException fromEval(EvalException exception, Function<String, SnippetOrigin> origins) {
        return of(exception, t -> t instanceof EvalException e ? e.getExceptionClassName() : t.getClass().getName(),
                origins);
    }

    /**
     * The error of any throwable, named by its own class: failures of the kernel while running a cell, e.g. in a
     * line magic or in rendering the result.
     */
    static CellException fromThrowable(Throwable throwable) {
        return of(throwable, t -> t.getClass().getName(), id -> SnippetOrigin.STARTUP);
    }

    /**
     * An error with only a headline and detail lines (compilation errors, interrupts).
     *
     * @param name    the error's name
     * @param message its message, may be {@code null}
     * @param details further lines
     */
    static CellException simple(String name, String message, List<String> details) {
        String text = Objects.requireNonNullElse(message, "");
        List<String> lines = new ArrayList<>();
        lines.add(headline(name, text));
        lines.addAll(details);
        return new CellException(name, text, lines);
    }

    /** A class name as the user wrote it: cell-declared classes lose JShell's synthetic prefix. */
    static String className(String name) {
        return SNIPPET_CLASS_PREFIX.matcher(name).replaceFirst("");
    }

    private static CellException of(Throwable throwable, Function<Throwable, String> classOf,
                                     Function<String, SnippetOrigin> origins) {
        String name = className(classOf.apply(throwable));
        String message = Objects.requireNonNullElse(throwable.getMessage(), "");
        List<String> lines = new ArrayList<>();
        lines.add(headline(name, message));
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        StackTraceElement[] enclosing = new StackTraceElement[0];
        for (Throwable t = throwable; t != null && seen.add(t); t = t.getCause()) {
            StackTraceElement[] frames = relevant(t.getStackTrace());
            if (t != throwable) {
                lines.add("Caused by: " + className(classOf.apply(t))
                        + (t.getMessage() == null ? "" : ": " + t.getMessage()));
            }
            int shared = t == throwable ? 0 : sharedTail(frames, enclosing);
            appendFrames(lines, frames, frames.length - shared, origins);
            if (shared > 0) {
                lines.add("    ... " + shared + " more");
            }
            enclosing = frames;
        }
        return new CellException(name, message, lines);
    }

    private static String headline(String name, String message) {
        return RED + name + RESET + (message.isEmpty() ? "" : ": " + message);
    }

    /** The frames up to the outermost cell frame, without reflection, JShell and kernel frames. */
    private static StackTraceElement[] relevant(StackTraceElement[] frames) {
        int end = frames.length;
        for (int i = frames.length - 1; i >= 0; i--) {
            if (isCellFrame(frames[i])) {
                end = i + 1;
                break;
            }
        }
        List<StackTraceElement> kept = new ArrayList<>();
        for (int i = 0; i < end; i++) {
            if (NOISE.stream().noneMatch(frames[i].getClassName()::startsWith)) {
                kept.add(frames[i]);
            }
        }
        return kept.toArray(StackTraceElement[]::new);
    }

    private static int sharedTail(StackTraceElement[] frames, StackTraceElement[] enclosing) {
        int shared = 0;
        while (shared < frames.length && shared < enclosing.length
                && frames[frames.length - 1 - shared].equals(enclosing[enclosing.length - 1 - shared])) {
            shared++;
        }
        return shared;
    }

    private static void appendFrames(List<String> lines, StackTraceElement[] frames, int count,
                                     Function<String, SnippetOrigin> origins) {
        int shown = 0;
        int i = 0;
        while (i < count && shown < MAX_FRAMES) {
            String line = "    at " + describe(frames[i], origins);
            int run = 1;
            while (i + run < count && frames[i + run].equals(frames[i])) {
                run++;
            }
            lines.add(line);
            if (run > 1) {
                lines.add("    [the frame above repeated " + (run - 1) + " more times]");
            }
            shown++;
            i += run;
        }
        if (i < count) {
            lines.add("    ... " + (count - i) + " more frames");
        }
    }

    private static boolean isCellFrame(StackTraceElement frame) {
        return frame.getFileName() != null && frame.getFileName().startsWith("#");
    }

    private static String describe(StackTraceElement frame, Function<String, SnippetOrigin> origins) {
        if (!isCellFrame(frame)) {
            return frame.toString();
        }
        SnippetOrigin origin = origins.apply(frame.getFileName().substring(1));
        String owner = className(frame.getClassName());
        String method = methodName(frame.getMethodName());
        String what = owner.isEmpty() ? method : method.isEmpty() ? owner : owner + "." + method;
        return (what.isEmpty() ? "cell" : what) + " (" + origin.describe(frame.getLineNumber()) + ")";
    }

    /** {@code lambda$f$0} reads {@code lambda in f}; the cell's own statements ({@code do_it$}) read as empty. */
    private static String methodName(String method) {
        if (method.startsWith("lambda$")) {
            String enclosing = method.substring("lambda$".length(), Math.max(method.lastIndexOf('$'), 7));
            enclosing = enclosing.startsWith("do_it$") || enclosing.isEmpty() ? "" : enclosing;
            return enclosing.isEmpty() ? "lambda" : "lambda in " + enclosing;
        }
        return method.equals("do_it$") ? "" : method;
    }
}
