package org.convlab.sweep;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.DoubleSummaryStatistics;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;

import org.convlab.autograd.Rng;

/**
 * The values one hyper-parameter may take: a {@link Choice} among listed values, a {@link Uniform} or
 * {@link LogUniform} {@link RealRange} of reals, or an {@link IntRange} of integers. Values are {@link Double},
 * {@link Integer} or {@link String}.
 *
 * <p>A domain is written (by its {@code toString()}) and read (by {@link #parse}) in one short syntax,
 * the one the command line and space files use:
 * <pre>
 * log:1e-4:1e-2        log-uniform between 1e-4 and 1e-2: equal chances for every decade
 * uniform:0.9:0.99     uniform between 0.9 and 0.99
 * int:50:200           an integer from 50 to 200, both included
 * choice:32,64,128     one of the values (numbers, or words such as adam,sgd)
 * 0.95                 a fixed value (a choice of one)
 * </pre>
 *
 * <p>Sampling uses {@link Rng} and {@link StrictMath} only, so a seed draws the same values on every JVM.
 */
public sealed interface Domain extends Serializable permits Domain.Choice, Domain.RealRange, Domain.IntRange {

    /** One value drawn at random. */
    Object sample(Rng rng);

    /**
     * Values of a grid along this axis: every choice; for ranges, {@code points} values spread evenly
     * from the low to the high end (in log scale for {@link LogUniform}); for integer ranges with fewer
     * integers than that, every integer.
     *
     * @throws IllegalArgumentException if {@code points < 2}
     */
    List<Object> grid(int points);

    /**
     * The part of this domain around {@code values} (the values of the best trials), for a finer search:
     * ranges shrink to the span of the values widened on both sides by {@code margin} times this
     * range's width (in log scale for {@link LogUniform}), never beyond this range; choices keep the
     * values that occur.
     *
     * @throws IllegalArgumentException if {@code values} is empty, a value does not belong to this
     *     domain, or the margin is negative
     */
    Domain narrow(List<?> values, double margin);

    /** Whether {@code value} can be drawn from this domain. */
    boolean contains(Object value);

    /** Reads a value as {@link #format} writes it (a CSV cell): a number for ranges, the matching choice. */
    Object parseValue(String text);

    /** Whether values are numbers (every domain but a choice that holds words). */
    boolean numeric();

    /** Whether the values are best seen on a log scale ({@link LogUniform} only). */
    default boolean logarithmic() {
        return false;
    }

    /**
     * A value as text that {@link #parseValue} reads back exactly: {@link Double#toString} for reals,
     * decimal for integers, the text itself for words.
     */
    static String format(Object value) {
        return value instanceof Double d ? Double.toString(d) : String.valueOf(value);
    }

    /** One of the listed values. */
    static Domain choice(Object... values) {
        return new Choice(List.of(values));
    }

    /** Reals uniform in [low, high]. */
    static Domain uniform(double low, double high) {
        return new Uniform(low, high);
    }

    /** Reals whose logarithm is uniform in [log low, log high]; low must be positive. */
    static Domain logUniform(double low, double high) {
        return new LogUniform(low, high);
    }

    /** Integers from low to high, both included, each as likely. */
    static Domain integers(int low, int high) {
        return new IntRange(low, high);
    }

    /**
     * Reads the syntax above ({@code log:1e-4:1e-2}, {@code uniform:A:B}, {@code int:A:B},
     * {@code choice:A,B,C}, or a single value).
     *
     * @throws IllegalArgumentException naming what is wrong, e.g. a bound that is not a number
     */
    static Domain parse(String spec) {
        String text = spec.strip();
        int colon = text.indexOf(':');
        String kind = colon < 0 ? "" : text.substring(0, colon).toLowerCase(Locale.ROOT);
        String rest = colon < 0 ? text : text.substring(colon + 1);
        switch (kind) {
            case "log", "uniform", "int" -> {
                String[] bounds = rest.split(":", -1);
                if (bounds.length != 2) {
                    throw new IllegalArgumentException("'" + spec + "': " + kind + " needs two bounds, as in " + kind
                            + (kind.equals("int") ? ":50:200" : ":1e-4:1e-2"));
                }
                if (kind.equals("int")) {
                    return integers(integer(spec, bounds[0]), integer(spec, bounds[1]));
                }
                double low = real(spec, bounds[0]);
                double high = real(spec, bounds[1]);
                return kind.equals("log") ? logUniform(low, high) : uniform(low, high);
            }
            case "choice" -> {
                return new Choice(typed(List.of(rest.split(",", -1))));
            }
            default -> {
                if (text.isEmpty() || text.contains(",") || text.contains(":")) {
                    throw new IllegalArgumentException("'" + spec + "' is not a search space: use log:LOW:HIGH, "
                            + "uniform:LOW:HIGH, int:LOW:HIGH, choice:A,B,... or a single value");
                }
                return new Choice(typed(List.of(text)));
            }
        }
    }

    private static double real(String spec, String text) {
        try {
            double value = Double.parseDouble(text.strip());
            if (Double.isFinite(value)) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("'" + spec + "': '" + text + "' is not a number");
    }

    private static int integer(String spec, String text) {
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + spec + "': '" + text + "' is not an integer", e);
        }
    }

    /** Words as values: all integers, else all numbers, else all words. */
    private static List<Object> typed(List<String> words) {
        List<String> stripped = words.stream().map(String::strip).toList();
        if (stripped.stream().allMatch(Domain::isInteger)) {
            return stripped.stream().<Object>map(Integer::valueOf).toList();
        }
        if (stripped.stream().allMatch(Domain::isReal)) {
            return stripped.stream().<Object>map(Double::valueOf).toList();
        }
        return List.copyOf(stripped);
    }

    private static boolean isInteger(String text) {
        try {
            Integer.parseInt(text);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static boolean isReal(String text) {
        try {
            return Double.isFinite(Double.parseDouble(text));
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** A real as short as it reads back exactly, as a real: {@code 1e-4}, {@code 0.01}, {@code 3.0}. */
    private static String number(double value) {
        return Double.toString(value).replace("E", "e").replace(".0e", "e");
    }

    /**
     * The least and greatest of the values a range narrows around.
     *
     * @throws IllegalArgumentException if there are none, or one is not in the domain
     */
    private static DoubleSummaryStatistics span(Domain domain, List<?> values) {
        checkNarrowable(domain, values);
        DoubleSummaryStatistics span = new DoubleSummaryStatistics();
        for (Object value : values) {
            span.accept(((Number) value).doubleValue());
        }
        return span;
    }

    /**
     * Checks the values a domain narrows around.
     *
     * @throws IllegalArgumentException if there are none, or one is not in the domain
     */
    private static void checkNarrowable(Domain domain, List<?> values) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("narrow: no values to narrow " + domain + " around");
        }
        for (Object value : values) {
            if (!domain.contains(value)) {
                throw new IllegalArgumentException("narrow: " + format(value) + " is not in " + domain);
            }
        }
    }

    private static void checkMargin(double margin) {
        if (!(margin >= 0)) {
            throw new IllegalArgumentException("narrow: the margin must not be negative, got " + margin);
        }
    }

    private static void checkPoints(int points) {
        if (points < 2) {
            throw new IllegalArgumentException("grid: at least 2 points per range are needed, got " + points);
        }
    }

    /** numpy's linspace: low + i·(high − low)/(n − 1), the last one exactly high. */
    private static double[] linspace(double low, double high, int n) {
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            values[i] = i == n - 1 ? high : low + i * (high - low) / (n - 1);
        }
        return values;
    }

    /**
     * One of a list of values, each as likely.
     *
     * @param values the values, at least one, no duplicates; each a {@link String} or a number (stored
     *               as {@link Integer} when integral and typed so, else {@link Double})
     */
    record Choice(List<Object> values) implements Domain {
        private static final long serialVersionUID = 1L;

        /** Checks and normalises the values. */
        public Choice {
            if (values.isEmpty()) {
                throw new IllegalArgumentException("choice: at least one value is needed");
            }
            List<Object> normal = new ArrayList<>();
            for (Object value : values) {
                normal.add(normalise(value));
            }
            if (new LinkedHashSet<>(normal).size() != normal.size()) {
                throw new IllegalArgumentException("choice: the values repeat: " + normal);
            }
            values = List.copyOf(normal);
        }

        private static Object normalise(Object value) {
            if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
                return ((Number) value).intValue();
            }
            if (value instanceof Long l && l == (int) (long) l) {
                return (int) (long) l;
            }
            if ((value instanceof Double || value instanceof Float) && Double.isFinite(((Number) value).doubleValue())) {
                return ((Number) value).doubleValue();
            }
            if (value instanceof String s && !s.isBlank() && !s.contains(",")) {
                return s;
            }
            throw new IllegalArgumentException("choice: values must be finite numbers or words without commas, got "
                    + (value == null ? "null" : value.getClass().getSimpleName() + " '" + value + "'"));
        }

        @Override
        public Object sample(Rng rng) {
            return values.get(rng.nextInt(values.size()));
        }

        @Override
        public List<Object> grid(int points) {
            checkPoints(points);
            return values;
        }

        @Override
        public Domain narrow(List<?> chosen, double margin) {
            checkMargin(margin);
            checkNarrowable(this, chosen);
            return new Choice(values.stream().filter(chosen::contains).toList());
        }

        @Override
        public boolean contains(Object value) {
            return values.contains(value);
        }

        @Override
        public Object parseValue(String text) {
            for (Object value : values) {
                if (format(value).equals(text)) {
                    return value;
                }
            }
            return typed(List.of(text)).get(0);
        }

        @Override
        public boolean numeric() {
            return values.stream().allMatch(v -> v instanceof Number);
        }

        /** {@code choice:A,B,C}, or the value alone for a choice of one. */
        @Override
        public String toString() {
            List<String> words = values.stream().map(v -> v instanceof Double d ? number(d) : v.toString()).toList();
            return words.size() == 1 ? words.get(0) : "choice:" + String.join(",", words);
        }
    }

    /** Reals from low to high, both included, as {@link Double}s: what {@link Uniform} and {@link LogUniform} share. */
    sealed interface RealRange extends Domain permits Uniform, LogUniform {
        /** The least value. */
        double low();

        /** The greatest value. */
        double high();

        @Override
        default boolean contains(Object value) {
            return value instanceof Double d && d >= low() && d <= high();
        }

        @Override
        default Object parseValue(String text) {
            return Double.parseDouble(text);
        }

        @Override
        default boolean numeric() {
            return true;
        }
    }

    /** Reals uniform in [low, high]. */
    record Uniform(double low, double high) implements RealRange {
        private static final long serialVersionUID = 1L;

        /** Checks the bounds: finite, low ≤ high. */
        public Uniform {
            if (!(Double.isFinite(low) && Double.isFinite(high) && low <= high)) {
                throw new IllegalArgumentException("uniform: the bounds must be finite with low <= high, got " + low
                        + " and " + high);
            }
        }

        @Override
        public Object sample(Rng rng) {
            return rng.uniform(low, high);
        }

        @Override
        public List<Object> grid(int points) {
            checkPoints(points);
            return Arrays.stream(linspace(low, high, points)).boxed().map(Object.class::cast).toList();
        }

        @Override
        public Domain narrow(List<?> values, double margin) {
            checkMargin(margin);
            DoubleSummaryStatistics span = span(this, values);
            double pad = margin * (high - low);
            return new Uniform(Math.max(low, span.getMin() - pad), Math.min(high, span.getMax() + pad));
        }

        /** {@code uniform:LOW:HIGH}. */
        @Override
        public String toString() {
            return "uniform:" + number(low) + ":" + number(high);
        }
    }

    /** Reals whose natural logarithm is uniform in [ln low, ln high]. */
    record LogUniform(double low, double high) implements RealRange {
        private static final long serialVersionUID = 1L;

        /** Checks the bounds: finite, 0 &lt; low ≤ high. */
        public LogUniform {
            if (!(Double.isFinite(low) && Double.isFinite(high) && low > 0 && low <= high)) {
                throw new IllegalArgumentException("log: the bounds must be finite with 0 < low <= high, got " + low
                        + " and " + high);
            }
        }

        @Override
        public Object sample(Rng rng) {
            double value = StrictMath.exp(rng.uniform(StrictMath.log(low), StrictMath.log(high)));
            return Math.min(high, Math.max(low, value));
        }

        @Override
        public List<Object> grid(int points) {
            checkPoints(points);
            double[] logs = linspace(StrictMath.log(low), StrictMath.log(high), points);
            List<Object> values = new ArrayList<>();
            for (int i = 0; i < points; i++) {
                values.add(i == 0 ? low : i == points - 1 ? high : StrictMath.exp(logs[i]));
            }
            return values;
        }

        @Override
        public Domain narrow(List<?> values, double margin) {
            checkMargin(margin);
            DoubleSummaryStatistics span = span(this, values);
            double pad = margin * (StrictMath.log(high) - StrictMath.log(low));
            return new LogUniform(Math.max(low, StrictMath.exp(StrictMath.log(span.getMin()) - pad)),
                    Math.min(high, StrictMath.exp(StrictMath.log(span.getMax()) + pad)));
        }

        @Override
        public boolean logarithmic() {
            return true;
        }

        /** {@code log:LOW:HIGH}. */
        @Override
        public String toString() {
            return "log:" + number(low) + ":" + number(high);
        }
    }

    /** Integers from low to high, both included. */
    record IntRange(int low, int high) implements Domain {
        private static final long serialVersionUID = 1L;

        /** Checks the bounds: low ≤ high. */
        public IntRange {
            if (low > high) {
                throw new IllegalArgumentException("int: low must not exceed high, got " + low + " and " + high);
            }
        }

        @Override
        public Object sample(Rng rng) {
            return (int) (low + Math.floorMod(rng.nextLong(), (long) high - low + 1));
        }

        @Override
        public List<Object> grid(int points) {
            checkPoints(points);
            LinkedHashSet<Object> values = new LinkedHashSet<>();
            if ((long) high - low + 1 <= points) {
                for (long v = low; v <= high; v++) {
                    values.add((int) v);
                }
            } else {
                for (double v : linspace(low, high, points)) {
                    values.add((int) Math.round(v));
                }
            }
            return List.copyOf(values);
        }

        @Override
        public Domain narrow(List<?> values, double margin) {
            checkMargin(margin);
            DoubleSummaryStatistics span = span(this, values);
            double pad = margin * ((double) high - low);
            return new IntRange((int) Math.max(low, Math.floor(span.getMin() - pad)),
                    (int) Math.min(high, Math.ceil(span.getMax() + pad)));
        }

        @Override
        public boolean contains(Object value) {
            return value instanceof Integer i && i >= low && i <= high;
        }

        @Override
        public Object parseValue(String text) {
            return Integer.parseInt(text);
        }

        @Override
        public boolean numeric() {
            return true;
        }

        /** {@code int:LOW:HIGH}. */
        @Override
        public String toString() {
            return "int:" + low + ":" + high;
        }
    }
}
