package org.convlab.optim;

/**
 * How the learning rate changes during training: a function from the base learning rate and the
 * position in training to the rate of the next step. The {@link org.convlab.train.Solver} asks it
 * before every step and sets the optimizer's learning rate to the answer.
 *
 * <p>Schedules compose with {@link #andThen}: each one transforms the rate the previous one produced,
 * e.g. {@code linearWarmup(500).andThen(cosine(10))} warms up over 500 iterations under a cosine
 * curve over 10 epochs.
 */
@FunctionalInterface
public interface LearningRateSchedule {

    /**
     * The learning rate of the step at {@code iteration}.
     *
     * @param baseRate           the learning rate the optimizer was built with (or the rate of the
     *                           previous schedule in a chain)
     * @param iteration          steps taken so far, counted from 0 over the whole run
     * @param iterationsPerEpoch steps per epoch, at least 1; epoch {@code iteration / iterationsPerEpoch}
     *                           (from 0) is under way
     * @return the rate to use, non-negative
     */
    double rate(double baseRate, long iteration, int iterationsPerEpoch);

    /** This schedule followed by {@code next}, which transforms the rate this one produced. */
    default LearningRateSchedule andThen(LearningRateSchedule next) {
        return new Schedules.Chain(this, next);
    }

    /** The base rate, unchanged. */
    static LearningRateSchedule constant() {
        return Schedules.Constant.INSTANCE;
    }

    /**
     * CS231n's {@code lr_decay}: after each epoch the rate is multiplied by {@code decay}, so that
     * epoch e (from 0) runs at {@code baseRate·decay·...·decay} (e factors, multiplied in that order,
     * as the Solver's {@code lr *= lr_decay} does).
     *
     * @throws IllegalArgumentException unless {@code 0 < decay <= 1}
     */
    static LearningRateSchedule stepDecay(double decay) {
        return stepDecay(decay, 1);
    }

    /**
     * CS231n's {@code lr_decay} as a schedule: {@link #constant()} for a decay of 1, otherwise
     * {@link #stepDecay(double) stepDecay(decay)}.
     *
     * @throws IllegalArgumentException unless {@code 0 < decay <= 1}
     */
    static LearningRateSchedule perEpochDecay(double decay) {
        return decay == 1 ? constant() : stepDecay(decay);
    }

    /**
     * Step decay every {@code everyEpochs} epochs: epoch e runs at {@code baseRate·decay^⌊e / everyEpochs⌋}.
     *
     * @throws IllegalArgumentException unless {@code 0 < decay <= 1} and {@code everyEpochs >= 1}
     */
    static LearningRateSchedule stepDecay(double decay, int everyEpochs) {
        return new Schedules.StepDecay(decay, everyEpochs);
    }

    /**
     * Cosine annealing from the base rate to 0 over {@code epochs} epochs, changing every iteration;
     * see {@link #cosine(int, double)}.
     */
    static LearningRateSchedule cosine(int epochs) {
        return cosine(epochs, 0);
    }

    /**
     * Cosine annealing over {@code epochs} epochs, changing every iteration: with
     * {@code p = iteration / (epochs·iterationsPerEpoch)} (at most 1) the rate is
     * {@code baseRate·(floor + (1 − floor)·(1 + cos(π·p)) / 2)}, from the base rate down to
     * {@code floor·baseRate}, which it keeps after {@code epochs} epochs.
     *
     * @param floor the final fraction of the base rate, in [0, 1)
     * @throws IllegalArgumentException if {@code epochs < 1} or the floor is outside [0, 1)
     */
    static LearningRateSchedule cosine(int epochs, double floor) {
        return new Schedules.Cosine(epochs, floor);
    }

    /**
     * Linear warm-up over the first {@code iterations} steps: step i (from 0) runs at
     * {@code baseRate·(i + 1) / iterations}, and every later step at the base rate.
     *
     * @throws IllegalArgumentException if {@code iterations < 1}
     */
    static LearningRateSchedule linearWarmup(int iterations) {
        return new Schedules.LinearWarmup(iterations);
    }
}
