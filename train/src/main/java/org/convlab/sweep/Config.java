package org.convlab.sweep;

import java.io.Serializable;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The hyper-parameters of one trial: values by name, in the order of the {@link SearchSpace}. Values
 * are {@link Double}, {@link Integer} or {@link String}. Immutable and serializable (trials travel to
 * Spark executors); two configs are equal when they hold equal values under the same names.
 */
public final class Config implements Serializable {
    private static final long serialVersionUID = 1L;

    private final LinkedHashMap<String, Object> values;

    private Config(LinkedHashMap<String, Object> values) {
        this.values = values;
    }

    /**
     * A config holding these values, in the map's iteration order.
     *
     * @throws IllegalArgumentException if a value is not a Double, Integer or String
     */
    public static Config of(Map<String, ?> values) {
        LinkedHashMap<String, Object> copy = new LinkedHashMap<>();
        values.forEach((name, value) -> {
            if (!(value instanceof Double || value instanceof Integer || value instanceof String)) {
                throw new IllegalArgumentException("Config: the value of " + name + " must be a Double, Integer or String, got "
                        + (value == null ? "null" : value.getClass().getSimpleName()));
            }
            copy.put(name, value);
        });
        return new Config(copy);
    }

    /** The names, in order. */
    public List<String> names() {
        return List.copyOf(values.keySet());
    }

    /** Whether the config sets {@code name}. */
    public boolean has(String name) {
        return values.containsKey(name);
    }

    /**
     * The value of {@code name}.
     *
     * @throws IllegalArgumentException if the config does not set it
     */
    public Object get(String name) {
        Object value = values.get(name);
        if (value == null) {
            throw new IllegalArgumentException("the config " + this + " has no " + name);
        }
        return value;
    }

    /**
     * The value of {@code name} as a real.
     *
     * @throws IllegalArgumentException if it is not set or not a number
     */
    public double getDouble(String name) {
        if (!(get(name) instanceof Number n)) {
            throw new IllegalArgumentException(name + " must be a number, got '" + get(name) + "'");
        }
        return n.doubleValue();
    }

    /** The value of {@code name} as a real, or {@code fallback} if the config does not set it. */
    public double getDouble(String name, double fallback) {
        return has(name) ? getDouble(name) : fallback;
    }

    /**
     * The value of {@code name} as an integer; a real must be integral.
     *
     * @throws IllegalArgumentException if it is not set or not an integer
     */
    public int getInt(String name) {
        Object value = get(name);
        if (value instanceof Integer i) {
            return i;
        }
        if (value instanceof Double d && d == Math.rint(d) && Math.abs(d) <= Integer.MAX_VALUE) {
            return d.intValue();
        }
        throw new IllegalArgumentException(name + " must be an integer, got '" + Domain.format(value) + "'");
    }

    /** The value of {@code name} as an integer, or {@code fallback} if the config does not set it. */
    public int getInt(String name, int fallback) {
        return has(name) ? getInt(name) : fallback;
    }

    /** The value of {@code name} as text. */
    public String getString(String name) {
        return Domain.format(get(name));
    }

    /** The value of {@code name} as text, or {@code fallback} if the config does not set it. */
    public String getString(String name, String fallback) {
        return has(name) ? getString(name) : fallback;
    }

    /** The values by name, in order (unmodifiable). */
    public Map<String, Object> asMap() {
        return Collections.unmodifiableMap(values);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Config c && values.equals(c.values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    /** {@code lr=3.27e-04, reg=1.20e-03, batch_size=64}: reals to three significant digits. */
    @Override
    public String toString() {
        return values.entrySet().stream().map(e -> e.getKey() + "=" + brief(e.getValue())).collect(Collectors.joining(", "));
    }

    /** A value for people: reals to three significant digits. */
    static String brief(Object value) {
        if (value instanceof Double d) {
            double magnitude = Math.abs(d);
            return magnitude != 0 && (magnitude < 1e-2 || magnitude >= 1e4) ? String.format(Locale.ROOT, "%.2e", d)
                    : String.format(Locale.ROOT, "%.3g", d);
        }
        return String.valueOf(value);
    }
}
