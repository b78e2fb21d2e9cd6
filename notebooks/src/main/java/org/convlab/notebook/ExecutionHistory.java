package org.convlab.notebook;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import io.github.spencerpark.jupyter.kernel.history.HistoryEntry;
import io.github.spencerpark.jupyter.kernel.history.HistoryManager;
import io.github.spencerpark.jupyter.messages.ContentType;
import io.github.spencerpark.jupyter.messages.MessageType;
import io.github.spencerpark.jupyter.messages.request.HistoryRequest;

/**
 * The inputs (and text outputs) of this kernel's cells, for Jupyter's history requests: the last n cells, a range
 * of cell numbers, or a glob search, each optionally with outputs and, for searches, unique inputs only. Kept in
 * memory for the kernel's one session, numbered {@value #SESSION}.
 */
final class ExecutionHistory implements HistoryManager {
    /** The number of this kernel's session in history replies. */
    static final int SESSION = 1;

    private record Cell(int number, String input, String output) {
    }

    /**
     * A {@code history_reply}: status {@code ok} and {@code [session, cell, input]} or
     * {@code [session, cell, [input, output]]} tuples (the library's reply has no status and serialises entries as
     * objects).
     */
    static final class Reply implements ContentType<Reply> {
        @SuppressWarnings("unchecked")
        private static final MessageType<Reply> TYPE = (MessageType<Reply>) (MessageType<?>) MessageType.HISTORY_REPLY;

        @SuppressWarnings("unused")
        private final String status = "ok";
        private final List<List<Object>> history;

        /** A reply with the given entries. */
        Reply(List<HistoryEntry> entries) {
            history = entries.stream().map(e -> List.<Object>of(e.getSession(), e.getCellNumber(),
                    e.hasOutput() ? List.of(e.getInput(), e.getOutput()) : e.getInput())).toList();
        }

        @Override
        public MessageType<Reply> getType() {
            return TYPE;
        }
    }

    private final List<Cell> cells = new ArrayList<>();

    /**
     * Records an executed cell.
     *
     * @param number its execution count
     * @param input  its source
     * @param output the text of its result, empty if none
     */
    synchronized void record(int number, String input, String output) {
        cells.add(new Cell(number, input, output));
    }

    /**
     * Answers a history request: a tail, range or search lookup with the request's flags.
     *
     * @param request the request
     * @return the entries, oldest first
     */
    List<HistoryEntry> lookup(HistoryRequest request) {
        Set<ResultFlag> flags = EnumSet.noneOf(ResultFlag.class);
        if (request.includeOutput()) {
            flags.add(ResultFlag.INCLUDE_OUTPUT);
        }
        if (request instanceof HistoryRequest.Tail tail) {
            return lookupTail(tail.getMaxReturnLength(), flags);
        }
        if (request instanceof HistoryRequest.Range range) {
            return lookupRange(range.getSessionIndex(), range.getStart(), range.getStop(), flags);
        }
        HistoryRequest.Search search = (HistoryRequest.Search) request;
        if (search.filterUnique()) {
            flags.add(ResultFlag.UNIQUE);
        }
        return search(search.getPattern(), search.getMaxReturnLength(), flags);
    }

    @Override
    public synchronized List<HistoryEntry> lookupTail(int length, Set<ResultFlag> flags) {
        return entries(last(cells, length), flags);
    }

    @Override
    public synchronized List<HistoryEntry> lookupRange(int session, int start, int stop, Set<ResultFlag> flags) {
        if (session != 0 && session != SESSION) {
            return List.of();
        }
        return entries(cells.stream().filter(c -> c.number() >= start && c.number() < stop).toList(), flags);
    }

    @Override
    public synchronized List<HistoryEntry> search(String pattern, int length, Set<ResultFlag> flags) {
        Pattern regex = globToRegex(pattern);
        List<Cell> matches = cells.stream().filter(c -> regex.matcher(c.input()).matches()).toList();
        if (flags.contains(ResultFlag.UNIQUE)) {
            Map<String, Cell> latest = new LinkedHashMap<>();
            for (Cell cell : matches) {
                latest.remove(cell.input());
                latest.put(cell.input(), cell);
            }
            matches = List.copyOf(latest.values());
        }
        return entries(last(matches, length), flags);
    }

    /**
     * An SQLite GLOB pattern ({@code *}, {@code ?}, {@code [abc]}, {@code [^a-z]}) as a regular expression; a
     * malformed pattern (an unclosed {@code [}) matches itself literally.
     */
    static Pattern globToRegex(String glob) {
        StringBuilder regex = new StringBuilder();
        boolean inClass = false;
        for (char c : glob.toCharArray()) {
            if (inClass) {
                regex.append(c == '\\' ? "\\\\" : String.valueOf(c));
                inClass = c != ']';
            } else if (c == '*') {
                regex.append(".*");
            } else if (c == '?') {
                regex.append('.');
            } else if (c == '[') {
                regex.append('[');
                inClass = true;
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        try {
            return Pattern.compile(regex.toString(), Pattern.DOTALL);
        } catch (PatternSyntaxException e) {
            return Pattern.compile(Pattern.quote(glob), Pattern.DOTALL);
        }
    }

    private static List<Cell> last(List<Cell> cells, int length) {
        return length <= 0 || length >= cells.size() ? cells : cells.subList(cells.size() - length, cells.size());
    }

    private static List<HistoryEntry> entries(List<Cell> cells, Set<ResultFlag> flags) {
        boolean withOutput = flags.contains(ResultFlag.INCLUDE_OUTPUT);
        return cells.stream().map(c -> withOutput ? new HistoryEntry(SESSION, c.number(), c.input(), c.output())
                : new HistoryEntry(SESSION, c.number(), c.input())).toList();
    }
}
