package org.convlab.sweep;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

import org.convlab.autograd.Rng;

/**
 * How a sweep picks configs from a {@link SearchSpace}: {@linkplain #random seeded random search}, the
 * better default (Bergstra and Bengio; CS231n: "prefer random search to grid search"), or a
 * {@linkplain #grid grid}. A search is a pure function of the space, the count and the round, so a
 * resumed sweep plans the same trials again.
 */
public interface Search extends Serializable {

    /**
     * The configs of one round of a sweep.
     *
     * @param space the space to search (for later rounds of a coarse-to-fine sweep, a narrowed one)
     * @param limit the most configs to return
     * @param round the round, from 0; random search draws each round from its own stream
     * @return at most {@code limit} configs, in trial order
     */
    List<Config> configs(SearchSpace space, int limit, int round);

    /**
     * Random search: each config draws every parameter at random, from an {@link Rng} seeded with
     * {@code seed} (forked once per later round), so the same seed gives the same configs on any JVM,
     * and asking for more trials keeps the first ones.
     */
    static Search random(long seed) {
        return new RandomSearch(seed);
    }

    /**
     * Grid search: every combination of the parameters' {@linkplain Domain#grid grid values}, with
     * {@code points} values along each range, the first parameter varying slowest; a limit keeps the
     * first combinations.
     *
     * @throws IllegalArgumentException if {@code points < 2}
     */
    static Search grid(int points) {
        if (points < 2) {
            throw new IllegalArgumentException("grid search: at least 2 points per range are needed, got " + points);
        }
        return new GridSearch(points);
    }

    /** Seeded random search. */
    record RandomSearch(long seed) implements Search {
        private static final long serialVersionUID = 1L;

        @Override
        public List<Config> configs(SearchSpace space, int limit, int round) {
            Rng rng = new Rng(seed);
            for (int i = 0; i < round; i++) {
                rng = rng.fork();
            }
            List<Config> configs = new ArrayList<>(limit);
            for (int i = 0; i < limit; i++) {
                configs.add(space.sample(rng));
            }
            return configs;
        }

        /** {@code random search (seed 42)}. */
        @Override
        public String toString() {
            return "random search (seed " + seed + ")";
        }
    }

    /** Grid search with a number of points along each range. */
    record GridSearch(int points) implements Search {
        private static final long serialVersionUID = 1L;

        @Override
        public List<Config> configs(SearchSpace space, int limit, int round) {
            List<Config> all = space.grid(points);
            return all.size() <= limit ? all : all.subList(0, limit);
        }

        /** {@code grid search (3 points per range)}. */
        @Override
        public String toString() {
            return "grid search (" + points + " points per range)";
        }
    }
}
