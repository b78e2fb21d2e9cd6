package org.convlab.notebook;

import java.util.List;

/**
 * A cell that failed, as Jupyter reports it: the error's name ({@code ename}, e.g. the real exception class
 * {@code java.lang.IllegalStateException}, or {@code CompilationException}), its message ({@code evalue}) and the
 * lines of a readable traceback, already formatted (cell-relative line numbers, no JShell or reflection frames).
 */
public final class CellException extends Exception {
    private static final long serialVersionUID = 1L;

    private final String name;
    private final List<String> traceback;

    /**
     * @param name      the error's name, reported as {@code ename}
     * @param message   the error's message, reported as {@code evalue}
     * @param traceback the traceback lines, the first one naming the error
     */
    public CellException(String name, String message, List<String> traceback) {
        super(message, null, false, false);
        this.name = name;
        this.traceback = List.copyOf(traceback);
    }

    /** The error's name, e.g. the fully qualified class of the exception the cell threw. */
    public String name() {
        return name;
    }

    /** The traceback lines, without line breaks inside them. */
    public List<String> traceback() {
        return traceback;
    }
}
