package org.convlab.cli;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * The option syntax the {@code ./convlab} commands share: {@code --name value}, {@code --name=value},
 * switches, and {@code -h} for {@code --help}; the checks of values they share, each failing with a
 * {@link UsageException}; and the layout of an option in the help text.
 */
public final class OptionSyntax {
    /** The width the help text is wrapped to. */
    private static final int HELP_WIDTH = 100;

    private OptionSyntax() {
    }

    /**
     * Reads a command line option by option, in order.
     *
     * @param args      the command line
     * @param valueName the name of an option's value as the help shows it ({@code ""} for a switch), or
     *                  empty for an unknown option
     * @param option    takes each option's name and value ({@code ""} for a switch)
     * @throws UsageException on an unknown option, a missing value, a value given to a switch, or an
     *     argument that is not an option
     */
    public static void parse(String[] args, Function<String, Optional<String>> valueName, BiConsumer<String, String> option) {
        for (int i = 0; i < args.length; i++) {
            String arg = args[i].equals("-h") ? "--help" : args[i];
            if (!arg.startsWith("--")) {
                throw new UsageException("unexpected argument '" + arg + "'");
            }
            int eq = arg.indexOf('=');
            String name = eq < 0 ? arg : arg.substring(0, eq);
            String valueHelp = valueName.apply(name).orElseThrow(() -> new UsageException("unknown option '" + name + "'"));
            String value;
            if (valueHelp.isEmpty()) {
                if (eq >= 0) {
                    throw new UsageException("option " + name + " takes no value");
                }
                value = "";
            } else if (eq >= 0) {
                value = arg.substring(eq + 1);
            } else if (i + 1 < args.length) {
                value = args[++i];
            } else {
                throw new UsageException("option " + name + " needs a value (" + valueHelp + ")");
            }
            option.accept(name, value);
        }
    }

    /**
     * The value if it is one of the choices.
     *
     * @throws UsageException if it is not
     */
    public static String oneOf(String option, String value, List<String> choices) {
        if (!choices.contains(value)) {
            throw new UsageException(option + " must be one of " + String.join(", ", choices) + ", got '" + value + "'");
        }
        return value;
    }

    /**
     * The value as an integer.
     *
     * @throws UsageException if it is not one
     */
    public static long integer(String option, String value) {
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            throw new UsageException(option + " must be an integer, got '" + value + "'");
        }
    }

    /**
     * An option's entry in the help text, without the final line break: the option and its value name
     * in a column {@code indent} wide (on a line of their own if they do not fit), then the help wrapped
     * to 100 columns.
     *
     * @param valueName the name of the option's value, {@code ""} for a switch
     */
    public static String helpEntry(String name, String valueName, String help, int indent) {
        String head = "  " + name + (valueName.isEmpty() ? "" : " " + valueName);
        StringBuilder text = new StringBuilder(head.length() < indent ? String.format(Locale.ROOT, "%-" + indent + "s", head)
                : head + "\n" + " ".repeat(indent));
        int column = indent;
        for (String word : help.split(" ")) {
            if (column + word.length() + 1 > HELP_WIDTH && column > indent) {
                text.append('\n').append(" ".repeat(indent));
                column = indent;
            } else if (column > indent) {
                text.append(' ');
                column++;
            }
            text.append(word);
            column += word.length();
        }
        return text.toString();
    }
}
