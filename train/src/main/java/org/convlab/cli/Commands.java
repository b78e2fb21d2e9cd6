package org.convlab.cli;

import java.io.Console;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * How the {@code ./convlab} commands run: headless, and with the exit status 0 on success, 1 and one line
 * on standard error for a failure, 2 and one line pointing to {@code --help} for a bad command line.
 * Also names the folders the commands write.
 */
public final class Commands {
    private Commands() {
    }

    /** A command run against the given streams. */
    @FunctionalInterface
    public interface Command {
        /**
         * Runs the command.
         *
         * @param terminal whether {@code out} is an interactive terminal (progress redrawn in place) or not
         * @return the exit status
         */
        int run(PrintStream out, PrintStream err, boolean terminal);
    }

    /** The body of a command: parses its arguments and does its work. */
    @FunctionalInterface
    public interface Body {
        /**
         * Runs the body.
         *
         * @return the exit status
         * @throws IOException on a failure to read or write a file
         */
        int run() throws IOException;
    }

    /**
     * Runs a command headless on the standard streams and exits with its status.
     *
     * @param command the command, told whether standard output is a terminal
     */
    public static void exit(Command command) {
        System.setProperty("java.awt.headless", "true");
        System.exit(command.run(System.out, System.err, isTerminal()));
    }

    /**
     * Runs a command's body and turns its errors into one line on {@code err} and an exit status: 2 for a
     * {@link UsageException}, 1 for an {@link IOException}, {@link IllegalArgumentException} or
     * {@link IllegalStateException}.
     *
     * @param name the command's name as the messages start with it, e.g. {@code convlab train}
     * @return the body's exit status, or the error's
     */
    public static int run(String name, PrintStream err, Body body) {
        try {
            return body.run();
        } catch (UsageException e) {
            err.println(name + ": " + oneLine(e.getMessage()) + " (see ./" + name + " --help)");
            return 2;
        } catch (IOException | IllegalArgumentException | IllegalStateException e) {
            return failure(name, err, e.getMessage());
        }
    }

    /**
     * Reports a failure as one line on {@code err}.
     *
     * @param name the command's name, which starts the line
     * @return the exit status of a failure, 1
     */
    public static int failure(String name, PrintStream err, String message) {
        err.println(name + ": " + oneLine(message));
        return 1;
    }

    /**
     * A folder to write that does not exist yet: {@code parent/<date>_<time>}, with {@code -2}, {@code -3}, …
     * appended while that is taken.
     */
    public static Path newFolder(String parent) {
        String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd_HH-mm-ss", Locale.ROOT));
        Path folder = Path.of(parent, stamp);
        for (int n = 2; Files.exists(folder); n++) {
            folder = Path.of(parent, stamp + "-" + n);
        }
        return folder;
    }

    private static String oneLine(String message) {
        return String.valueOf(message).strip().replaceAll("\\s*\\R\\s*", "; ");
    }

    /**
     * Whether standard output is an interactive terminal. {@code System.console()} is null when it is
     * not, up to JDK 21; from JDK 22 it may exist anyway and {@code Console.isTerminal()} tells.
     */
    private static boolean isTerminal() {
        Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            return (Boolean) Console.class.getMethod("isTerminal").invoke(console);
        } catch (ReflectiveOperationException e) {
            return true;
        }
    }
}
