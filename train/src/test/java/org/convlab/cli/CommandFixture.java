package org.convlab.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;

/** Runs a command for a test, with its output captured and not on a terminal. */
public final class CommandFixture {
    private CommandFixture() {
    }

    /** A command's exit status and what it printed. */
    public record Outcome(int status, String out, String err) {
    }

    /** Runs the command with in-memory streams, not on a terminal. */
    public static Outcome run(Commands.Command command) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = command.run(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), false);
        return new Outcome(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** The arguments {@code base} followed by {@code more}. */
    public static String[] concat(String[] base, String... more) {
        return Stream.concat(Stream.of(base), Stream.of(more)).toArray(String[]::new);
    }
}
