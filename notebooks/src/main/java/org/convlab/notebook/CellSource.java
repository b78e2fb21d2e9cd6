package org.convlab.notebook;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The source of a cell as runs of Java code and line magics, in order. A line magic is a line that starts with
 * {@code %} and a name, e.g. {@code %maven org.apache.commons:commons-math3:3.6.1}; its arguments are separated by
 * white space, and double quotes group an argument that contains spaces.
 */
final class CellSource {
    private static final Pattern MAGIC = Pattern.compile("^%(\\w+)(.*)$");

    /** One run of a cell. */
    sealed interface Part permits Code, Magic {
    }

    /**
     * Lines of Java code.
     *
     * @param text      the code
     * @param firstLine the 1-based cell line it starts on
     */
    record Code(String text, int firstLine) implements Part {
    }

    /**
     * A line magic.
     *
     * @param name the magic's name, without {@code %}
     * @param args its arguments
     * @param line the 1-based cell line it is on
     */
    record Magic(String name, List<String> args, int line) implements Part {
    }

    private CellSource() {
    }

    /** The cell's parts in order; runs of code keep their blank lines. */
    static List<Part> parse(String cell) {
        List<Part> parts = new ArrayList<>();
        String[] lines = cell.split("\n", -1);
        StringBuilder code = new StringBuilder();
        int codeStart = 1;
        for (int i = 0; i < lines.length; i++) {
            Matcher m = MAGIC.matcher(stripCarriageReturn(lines[i]));
            if (m.matches()) {
                if (!code.isEmpty()) {
                    parts.add(new Code(code.toString(), codeStart));
                    code.setLength(0);
                }
                parts.add(new Magic(m.group(1), splitArguments(m.group(2)), i + 1));
                codeStart = i + 2;
            } else {
                if (!code.isEmpty()) {
                    code.append('\n');
                }
                code.append(lines[i]);
            }
        }
        if (!code.isEmpty()) {
            parts.add(new Code(code.toString(), codeStart));
        }
        return parts;
    }

    /** The cell with every magic line replaced by spaces, so that JShell can analyse it at unchanged offsets. */
    static String blankMagics(String cell) {
        StringBuilder sb = new StringBuilder(cell.length());
        String[] lines = cell.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (i > 0) {
                sb.append('\n');
            }
            boolean magic = MAGIC.matcher(stripCarriageReturn(lines[i])).matches();
            sb.append(magic ? " ".repeat(lines[i].length()) : lines[i]);
        }
        return sb.toString();
    }

    /** Whether the line of {@code cell} that holds offset {@code at} is a line magic (or its beginning). */
    static boolean isMagicLine(String cell, int at) {
        int start = lineStart(cell, at);
        return start < cell.length() && cell.charAt(start) == '%';
    }

    /** The offset where the line holding offset {@code at} starts. */
    static int lineStart(String cell, int at) {
        return at == 0 ? 0 : cell.lastIndexOf('\n', at - 1) + 1;
    }

    /** White-space separated arguments; a double-quoted argument may contain spaces. */
    static List<String> splitArguments(String text) {
        List<String> args = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        boolean inArgument = false;
        for (char c : text.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
                inArgument = true;
            } else if (Character.isWhitespace(c) && !quoted) {
                if (inArgument) {
                    args.add(current.toString());
                    current.setLength(0);
                    inArgument = false;
                }
            } else {
                current.append(c);
                inArgument = true;
            }
        }
        if (inArgument) {
            args.add(current.toString());
        }
        return args;
    }

    private static String stripCarriageReturn(String line) {
        return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
    }
}
