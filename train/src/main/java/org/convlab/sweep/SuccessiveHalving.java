package org.convlab.sweep;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * Successive halving (Jamieson and Talwalkar): every trial first trains a small budget, and only the
 * best 1/η go on to η times the budget, rung after rung, up to the sweep's epochs. With η = 3, a minimum
 * of 1 epoch and 9 epochs in all, 27 trials train 1 epoch, the best 9 train 3, the best 3 train 9. The
 * others are {@link TrialStatus#STOPPED} with the metrics of their last rung.
 *
 * <p>Rungs are synchronous: a rung is decided when all its trials have ended. A promoted trial trains
 * again from its initialisation with the larger budget (training is deterministic, so its first epochs
 * repeat exactly); this costs about 1/η more time and keeps trials independent of each other,
 * which is what lets them run anywhere in a cluster.
 *
 * @param eta       the reduction factor η, at least 2: keep the top 1/η at each rung
 * @param minEpochs the budget of the first rung, at least 1
 */
public record SuccessiveHalving(int eta, int minEpochs) implements Serializable {
    private static final long serialVersionUID = 1L;

    /** Checks the numbers. */
    public SuccessiveHalving {
        if (eta < 2 || minEpochs < 1) {
            throw new IllegalArgumentException("successive halving: eta must be at least 2 and minEpochs at least 1, got "
                    + eta + " and " + minEpochs);
        }
    }

    /** Successive halving keeping the top 1/η, from a first rung of {@code minEpochs} epochs. */
    public static SuccessiveHalving of(int eta, int minEpochs) {
        return new SuccessiveHalving(eta, minEpochs);
    }

    /**
     * The budget of every rung, for a sweep training {@code epochs} epochs in all: minEpochs,
     * minEpochs·η, minEpochs·η², … while below {@code epochs}, then {@code epochs}.
     */
    public int[] budgets(int epochs) {
        List<Integer> budgets = new ArrayList<>();
        for (long budget = minEpochs; budget < epochs; budget *= eta) {
            budgets.add((int) budget);
        }
        budgets.add(epochs);
        return budgets.stream().mapToInt(Integer::intValue).toArray();
    }

    /** How many of {@code trials} that entered a rung go on to the next: ⌊trials/η⌋, at least 1. */
    public int promoted(int trials) {
        return Math.max(1, trials / eta);
    }

    /** {@code successive halving (η 3, from 1 epoch)}. */
    @Override
    public String toString() {
        return "successive halving (η " + eta + ", from " + minEpochs + " epoch" + (minEpochs == 1 ? "" : "s") + ")";
    }
}
