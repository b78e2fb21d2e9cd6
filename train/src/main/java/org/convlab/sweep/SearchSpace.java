package org.convlab.sweep;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.convlab.autograd.Rng;

/**
 * Named hyper-parameters and the {@link Domain} of each, in order: what a sweep searches.
 *
 * <pre>{@code
 * SearchSpace space = SearchSpace.builder()
 *         .logUniform("lr", 1e-4, 1e-2)
 *         .logUniform("reg", 1e-5, 1e-1)
 *         .choice("batch_size", 32, 64)
 *         .build();
 * Config one = space.sample(new Rng(0));
 * List<Config> grid = space.grid(3);           // 3 × 3 × 2 configs
 * SearchSpace finer = space.narrow(best, 0.1); // coarse to fine
 * }</pre>
 *
 * <p>Names are words of letters, digits and underscores that start with a letter; they become columns of
 * the results table, so the table's own column names are refused.
 */
public final class SearchSpace implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]*");
    /** Column names of the results table, which parameters may not take. */
    private static final Set<String> RESERVED = Set.of(TrialLog.TRIAL, TrialLog.RUNG, TrialLog.EPOCHS, TrialLog.STATUS,
            Metric.VALIDATION_ACCURACY.column(), Metric.TRAIN_ACCURACY.column(), Metric.FINAL_LOSS.column(),
            TrialLog.SECONDS, TrialLog.MESSAGE);

    private final LinkedHashMap<String, Domain> domains;

    private SearchSpace(LinkedHashMap<String, Domain> domains) {
        this.domains = domains;
    }

    /** A builder of a space; parameters keep the order they are added in. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A space from {@code name → spec} pairs in {@link Domain#parse} syntax, e.g.
     * {@code lr → log:1e-4:1e-2}, in the map's order.
     *
     * @throws IllegalArgumentException naming the parameter whose spec or name is wrong
     */
    public static SearchSpace parse(Map<String, String> specs) {
        Builder builder = builder();
        specs.forEach((name, spec) -> {
            try {
                builder.add(name, Domain.parse(spec));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(name + ": " + e.getMessage(), e);
            }
        });
        return builder.build();
    }

    /** The parameter names, in order. */
    public List<String> names() {
        return List.copyOf(domains.keySet());
    }

    /**
     * The domain of {@code name}.
     *
     * @throws IllegalArgumentException if the space has no such parameter
     */
    public Domain domain(String name) {
        Domain domain = domains.get(name);
        if (domain == null) {
            throw new IllegalArgumentException("the search space has no parameter '" + name + "'; it has " + names());
        }
        return domain;
    }

    /** The domains by name, in order, each in {@link Domain#parse} syntax. */
    public Map<String, String> specs() {
        Map<String, String> specs = new LinkedHashMap<>();
        domains.forEach((name, domain) -> specs.put(name, domain.toString()));
        return specs;
    }

    /** One config drawn at random: each parameter in order, one draw (or none for a fixed value) each. */
    public Config sample(Rng rng) {
        Map<String, Object> values = new LinkedHashMap<>();
        domains.forEach((name, domain) -> values.put(name, domain.sample(rng)));
        return Config.of(values);
    }

    /**
     * Every combination of the axes' {@linkplain Domain#grid grid values}, the first parameter
     * varying slowest.
     *
     * @throws IllegalArgumentException if {@code points < 2}
     */
    public List<Config> grid(int points) {
        List<Config> configs = new ArrayList<>();
        configs.add(Config.of(Map.of()));
        for (Map.Entry<String, Domain> axis : domains.entrySet()) {
            List<Object> values = axis.getValue().grid(points);
            List<Config> longer = new ArrayList<>(configs.size() * values.size());
            for (Config config : configs) {
                for (Object value : values) {
                    Map<String, Object> map = new LinkedHashMap<>(config.asMap());
                    map.put(axis.getKey(), value);
                    longer.add(Config.of(map));
                }
            }
            configs = longer;
        }
        return configs;
    }

    /**
     * The space around some good configs, for the next, finer round of a coarse-to-fine search: every
     * parameter's domain {@linkplain Domain#narrow narrowed} to the configs' values plus
     * {@code margin} of its width on each side.
     *
     * @param best   configs of this space, typically the best few trials
     * @param margin fraction of each range's width added around the configs' span, e.g. 0.1
     * @throws IllegalArgumentException if {@code best} is empty or holds configs of another space
     */
    public SearchSpace narrow(List<Config> best, double margin) {
        LinkedHashMap<String, Domain> narrowed = new LinkedHashMap<>();
        domains.forEach((name, domain) -> narrowed.put(name,
                domain.narrow(best.stream().map(c -> c.get(name)).toList(), margin)));
        return new SearchSpace(narrowed);
    }

    /** Whether {@code config} sets exactly this space's parameters, each to a value of its domain. */
    public boolean contains(Config config) {
        return config.names().equals(names()) && domains.entrySet().stream()
                .allMatch(e -> e.getValue().contains(config.get(e.getKey())));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SearchSpace s && domains.equals(s.domains);
    }

    @Override
    public int hashCode() {
        return domains.hashCode();
    }

    /** {@code lr log:1e-4:1e-2, reg log:1e-5:0.1, batch_size choice:32,64}. */
    @Override
    public String toString() {
        return domains.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "));
    }

    /** Parameters of a {@link SearchSpace}, added in order. */
    public static final class Builder {
        private final LinkedHashMap<String, Domain> domains = new LinkedHashMap<>();

        private Builder() {
        }

        /**
         * Adds a parameter.
         *
         * @throws IllegalArgumentException if the name is not a word, is a results-table column, or was added
         */
        public Builder add(String name, Domain domain) {
            if (!NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("parameter names are words of letters, digits and underscores "
                        + "starting with a letter, got '" + name + "'");
            }
            if (RESERVED.contains(name)) {
                throw new IllegalArgumentException("'" + name + "' names a column of the results table; call the "
                        + "parameter something else");
            }
            if (domains.putIfAbsent(name, Objects.requireNonNull(domain, "domain")) != null) {
                throw new IllegalArgumentException("the parameter '" + name + "' is already in the space");
            }
            return this;
        }

        /** Adds a parameter taking one of {@code values}; see {@link Domain#choice}. */
        public Builder choice(String name, Object... values) {
            return add(name, Domain.choice(values));
        }

        /** Adds a parameter uniform in [low, high]. */
        public Builder uniform(String name, double low, double high) {
            return add(name, Domain.uniform(low, high));
        }

        /** Adds a parameter log-uniform in [low, high], the usual choice for learning rates and regularisation. */
        public Builder logUniform(String name, double low, double high) {
            return add(name, Domain.logUniform(low, high));
        }

        /** Adds an integer parameter from low to high, both included. */
        public Builder integers(String name, int low, int high) {
            return add(name, Domain.integers(low, high));
        }

        /**
         * The space.
         *
         * @throws IllegalArgumentException if it has no parameters
         */
        public SearchSpace build() {
            if (domains.isEmpty()) {
                throw new IllegalArgumentException("a search space needs at least one parameter");
            }
            return new SearchSpace(new LinkedHashMap<>(domains));
        }
    }
}
