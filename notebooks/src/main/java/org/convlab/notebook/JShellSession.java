package org.convlab.notebook;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import jdk.jshell.DeclarationSnippet;
import jdk.jshell.Diag;
import jdk.jshell.EvalException;
import jdk.jshell.ExpressionSnippet;
import jdk.jshell.JShell;
import jdk.jshell.JShellException;
import jdk.jshell.MethodSnippet;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.SourceCodeAnalysis.CompletionInfo;
import jdk.jshell.SourceCodeAnalysis.Completeness;
import jdk.jshell.UnresolvedReferenceException;
import jdk.jshell.VarSnippet;

/**
 * A JShell that runs snippets inside this JVM ({@link CapturingExecutionControl}), so that the objects cells create
 * live here and the last expression's real object can be rendered.
 *
 * <p>It splits code into snippets, evaluates them in order and stops at the first failure, which it reports as a
 * {@link CellException} with cell-relative line numbers. It also answers completion, inspection and
 * is-complete questions, extends the class path, and stops running code on request.
 */
final class JShellSession implements AutoCloseable {
    /**
     * Imports every session starts with: JShell's usual ones, then convlab's packages, the plotting and table
     * libraries, and the live views of training and sweeps. The single-type import resolves a name that two
     * on-demand imports would make ambiguous ({@code Module} is also {@code java.lang.Module}). An import JShell
     * rejects is dropped, so a package missing from the class path is simply not imported.
     */
    static final List<String> DEFAULT_IMPORTS = List.of(
            "java.io.*", "java.math.*", "java.net.*", "java.nio.file.*", "java.util.*", "java.util.concurrent.*",
            "java.util.function.*", "java.util.regex.*", "java.util.stream.*",
            "org.convlab.autograd.*", "org.convlab.nn.*", "org.convlab.nn.models.*", "org.convlab.data.*",
            "org.convlab.optim.*", "org.convlab.train.*", "org.convlab.plot.*", "org.convlab.sweep.*",
            "tech.tablesaw.api.*", "org.knowm.xchart.*",
            "org.convlab.nn.Module", "org.convlab.notebook.LiveTraining", "org.convlab.notebook.LiveSweep",
            "static org.convlab.notebook.Display.*");

    /** The object a cell's last expression evaluated to; may hold {@code null}. */
    record Value(Object object) {
    }

    private final CapturingExecutionControl control = new CapturingExecutionControl();
    private final JShell jshell;
    private final SourceCodeAnalysis analysis;
    private final Map<String, SnippetOrigin> origins = new ConcurrentHashMap<>();
    private final Set<String> classpath = ConcurrentHashMap.newKeySet();

    /** Starts JShell with the incubator modules of this JVM (the Vector API) and the default imports. */
    JShellSession() {
        jshell = JShell.builder()
                .executionEngine(new CapturingExecutionControl.Provider(control), null)
                .compilerOptions(compilerOptions().toArray(String[]::new))
                .build();
        analysis = jshell.sourceCodeAnalysis();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            classpath.add(Path.of(entry).toAbsolutePath().normalize().toString());
        }
        for (String name : DEFAULT_IMPORTS) {
            jshell.eval("import " + name + ";");
        }
    }

    /** Starts a new cell: forgets an interrupt of the previous one. */
    void beginCell() {
        control.clearStopRequest();
    }

    /**
     * Evaluates Java code: each snippet in order, stopping at the first that fails.
     *
     * @param code   the code, possibly several snippets
     * @param origin where the code starts
     * @return the value of the last snippet if it is an expression with a value, else {@code null}
     * @throws CellException if a snippet does not compile, throws, cannot run or is stopped
     */
    Value eval(String code, SnippetOrigin origin) throws CellException {
        Value value = null;
        int offset = 0;
        while (true) {
            while (offset < code.length() && Character.isWhitespace(code.charAt(offset))) {
                offset++;
            }
            String rest = code.substring(offset);
            if (rest.isEmpty()) {
                return value;
            }
            CompletionInfo info = analysis.analyzeCompletion(rest);
            if (info.completeness() == Completeness.EMPTY) {
                return value;
            }
            boolean complete = info.completeness().isComplete();
            String source = complete ? info.source() : rest;
            int line = origin.line() + (int) code.substring(0, offset).chars().filter(c -> c == '\n').count();
            value = evalSnippet(source, new SnippetOrigin(origin.cell(), line));
            offset += complete ? rest.length() - info.remaining().length() : rest.length();
        }
    }

    /** Stops the running snippet, if any, and skips the rest of the cell. Safe to call from any thread. */
    void interrupt() {
        control.requestStop();
        jshell.stop();
    }

    /**
     * Adds a jar or directory to the class path of the compiler and of the class loader of snippets.
     *
     * @return whether it was added (false if it is on the class path already)
     */
    boolean addToClasspath(Path path) {
        String entry = path.toAbsolutePath().normalize().toString();
        if (!classpath.add(entry)) {
            return false;
        }
        jshell.addToClasspath(entry);
        return true;
    }

    /**
     * Completions at {@code cursor}: the texts that may replace {@code code[anchor, cursor)}, those matching the
     * expected type first.
     *
     * @param anchor receives the start of the text to replace
     */
    List<String> complete(String code, int cursor, int[] anchor) {
        return analysis.completionSuggestions(code, cursor, anchor).stream()
                .sorted(Comparator.comparing((SourceCodeAnalysis.Suggestion s) -> !s.matchesType()))
                .map(SourceCodeAnalysis.Suggestion::continuation)
                .collect(Collectors.toCollection(LinkedHashSet::new)).stream().toList();
    }

    /**
     * What is known about the code at {@code cursor}: the signatures (and, with {@code detail}, the Javadoc where
     * the JDK's sources are installed) of the method or type there, or the type and value of a variable.
     *
     * @return the text, or {@code null} if nothing is known
     */
    String inspect(String code, int cursor, boolean detail) {
        List<SourceCodeAnalysis.Documentation> docs = analysis.documentation(code, cursor, detail);
        int end = cursor;
        while (end < code.length() && Character.isJavaIdentifierPart(code.charAt(end))) {
            end++;
        }
        if (docs.isEmpty()) {
            docs = analysis.documentation(code.substring(0, end) + "(", end + 1, detail);
        }
        if (!docs.isEmpty()) {
            return docs.stream()
                    .map(d -> d.signature() + (detail && d.javadoc() != null ? "\n" + d.javadoc() + "\n" : ""))
                    .collect(Collectors.joining("\n"));
        }
        int start = Math.min(cursor, end);
        while (start > 0 && Character.isJavaIdentifierPart(code.charAt(start - 1))) {
            start--;
        }
        String name = code.substring(start, end);
        return jshell.variables().filter(v -> v.name().equals(name) && jshell.status(v).isActive())
                .map(v -> v.typeName() + " " + v.name() + " = " + jshell.varValue(v))
                .findFirst().orElse(null);
    }

    /**
     * Whether the code is ready to run: {@code "complete"}, {@code "invalid"}, or, if more lines are needed, the
     * indent for the next line.
     */
    String isComplete(String code) {
        String rest = code;
        while (!rest.isBlank()) {
            CompletionInfo info = analysis.analyzeCompletion(rest);
            switch (info.completeness()) {
                case EMPTY:
                    return "complete";
                case COMPLETE:
                case COMPLETE_WITH_SEMI:
                    rest = info.remaining();
                    break;
                case DEFINITELY_INCOMPLETE:
                case CONSIDERED_INCOMPLETE:
                    return nextIndent(code);
                default:
                    return "invalid";
            }
        }
        return "complete";
    }

    @Override
    public void close() {
        jshell.close();
    }

    private Value evalSnippet(String source, SnippetOrigin origin) throws CellException {
        if (control.stopRequested()) {
            throw interruptedError(List.of());
        }
        control.reset();
        List<SnippetEvent> events = jshell.eval(source);
        Value value = null;
        for (SnippetEvent event : events) {
            if (event.causeSnippet() != null) {
                continue;
            }
            Snippet snippet = event.snippet();
            origins.put(snippet.id(), origin);
            CapturingExecutionControl.Invocation invocation = control.lastInvocation();
            if (invocation != null && invocation.stopped()) {
                throw interruptedError(List.of());
            }
            if (event.status() == Snippet.Status.REJECTED) {
                throw compilationError(snippet, origin);
            }
            if (event.exception() != null) {
                CellException error = runtimeError(event.exception());
                throw control.stopRequested() ? interruptedError(error.traceback()) : error;
            }
            if (control.loadFailure() != null) {
                throw Tracebacks.simple(control.loadFailure().getClass().getName(),
                        "the classes of the snippet at " + origin.describe(1) + " could not be loaded: "
                                + control.loadFailure().getMessage(), List.of());
            }
            noteUnresolved(snippet, event.status());
            value = valueOf(snippet, invocation);
        }
        return value;
    }

    private static Value valueOf(Snippet snippet, CapturingExecutionControl.Invocation invocation) {
        boolean expression = switch (snippet.subKind()) {
            case TEMP_VAR_EXPRESSION_SUBKIND, VAR_VALUE_SUBKIND, OTHER_EXPRESSION_SUBKIND -> true;
            default -> false;
        };
        if (!expression || invocation == null || !invocation.returned()
                || snippet instanceof ExpressionSnippet e && e.typeName().equals("void")) {
            return null;
        }
        return new Value(invocation.value());
    }

    private CellException compilationError(Snippet snippet, SnippetOrigin origin) {
        String source = snippet.source();
        List<Diag> errors = jshell.diagnostics(snippet).filter(Diag::isError).toList();
        if (errors.isEmpty()) {
            return Tracebacks.simple("CompilationException", "the code at " + origin.describe(1) + " was rejected",
                    List.of());
        }
        List<String> lines = new ArrayList<>();
        for (Diag diag : errors) {
            int pos = (int) Math.max(0, Math.min(diag.getStartPosition() >= 0 ? diag.getStartPosition()
                    : diag.getPosition(), source.length()));
            int lineStart = CellSource.lineStart(source, pos);
            int lineEnd = source.indexOf('\n', pos) < 0 ? source.length() : source.indexOf('\n', pos);
            int line = 1 + (int) source.substring(0, lineStart).chars().filter(c -> c == '\n').count();
            List<String> message = message(diag);
            lines.add(origin.describe(line) + ": " + message.get(0));
            message.subList(1, message.size()).forEach(m -> lines.add("  " + m));
            lines.add("    " + source.substring(lineStart, lineEnd).stripTrailing());
            int end = (int) Math.min(Math.max(diag.getEndPosition(), pos + 1), lineEnd);
            lines.add("    " + " ".repeat(pos - lineStart) + "^" + "~".repeat(Math.max(0, end - pos - 1)));
        }
        return Tracebacks.simple("CompilationException", message(errors.get(0)).get(0), lines);
    }

    /** A diagnostic's message lines, without JShell's empty "location: class" line. */
    private static List<String> message(Diag diag) {
        List<String> lines = diag.getMessage(null).lines()
                .filter(l -> !l.strip().equals("location: class"))
                .toList();
        return lines.isEmpty() ? List.of("error") : lines;
    }

    private CellException runtimeError(JShellException exception) {
        Function<String, SnippetOrigin> origin = id -> origins.getOrDefault(id, SnippetOrigin.STARTUP);
        if (exception instanceof EvalException eval) {
            return Tracebacks.fromEval(eval, origin);
        }
        if (exception instanceof UnresolvedReferenceException unresolved) {
            DeclarationSnippet snippet = unresolved.getSnippet();
            return Tracebacks.simple("UnresolvedReferenceException", describe(snippet) + " cannot be used until "
                    + String.join(" and ", jshell.unresolvedDependencies(snippet).toList()) + " is declared",
                    List.of());
        }
        return Tracebacks.fromThrowable(exception);
    }

    /** Tells the user that a declaration cannot be used yet (JShell's "created method m(), however ..."). */
    private void noteUnresolved(Snippet snippet, Snippet.Status status) {
        if (snippet instanceof DeclarationSnippet declaration && (status == Snippet.Status.RECOVERABLE_DEFINED
                || status == Snippet.Status.RECOVERABLE_NOT_DEFINED)) {
            List<String> missing = jshell.unresolvedDependencies(declaration).toList();
            if (!missing.isEmpty()) {
                System.err.println("note: " + describe(declaration) + " cannot be used until "
                        + String.join(" and ", missing) + " is declared");
            }
        }
    }

    private static String describe(DeclarationSnippet snippet) {
        if (snippet instanceof MethodSnippet method) {
            return "method " + method.name() + "(" + method.parameterTypes() + ")";
        }
        if (snippet instanceof VarSnippet variable) {
            return "variable " + variable.name();
        }
        return snippet.subKind().name().replace("_SUBKIND", "").toLowerCase(Locale.ROOT) + " " + snippet.name();
    }

    /** The error of an interrupted cell; {@code details} tell how the code ended (e.g. an InterruptedException). */
    private static CellException interruptedError(List<String> details) {
        return Tracebacks.simple("Interrupted", "the cell was interrupted", details);
    }

    /** The options that give the compiler the incubator modules this JVM runs with, e.g. the Vector API. */
    private static List<String> compilerOptions() {
        String incubator = ModuleLayer.boot().modules().stream().map(Module::getName)
                .filter(n -> n.startsWith("jdk.incubator.")).sorted().collect(Collectors.joining(","));
        return incubator.isEmpty() ? List.of() : List.of("--add-modules", incubator);
    }

    /** The indent of the last line, one level deeper if it opens a block or an argument list. */
    private static String nextIndent(String code) {
        String last = code.substring(code.lastIndexOf('\n') + 1);
        String indent = last.substring(0, last.length() - last.stripLeading().length());
        String trimmed = last.strip();
        return trimmed.endsWith("{") || trimmed.endsWith("(") ? indent + "    " : indent;
    }
}
