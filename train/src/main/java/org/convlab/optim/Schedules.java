package org.convlab.optim;

/** The {@link LearningRateSchedule} implementations, as records so that they print their settings. */
final class Schedules {
    private Schedules() {
    }

    /** {@link LearningRateSchedule#constant()}. */
    enum Constant implements LearningRateSchedule {
        INSTANCE;

        @Override
        public double rate(double baseRate, long iteration, int iterationsPerEpoch) {
            return baseRate;
        }

        @Override
        public String toString() {
            return "constant";
        }
    }

    /** {@link LearningRateSchedule#stepDecay(double, int)}. */
    record StepDecay(double decay, int everyEpochs) implements LearningRateSchedule {
        StepDecay {
            if (!(decay > 0 && decay <= 1)) {
                throw new IllegalArgumentException("stepDecay: decay must be in (0, 1], got " + decay);
            }
            if (everyEpochs < 1) {
                throw new IllegalArgumentException("stepDecay: everyEpochs must be at least 1, got " + everyEpochs);
            }
        }

        @Override
        public double rate(double baseRate, long iteration, int iterationsPerEpoch) {
            long steps = iteration / iterationsPerEpoch / everyEpochs;
            double rate = baseRate;
            for (long k = 0; k < steps; k++) {
                rate *= decay;
            }
            return rate;
        }

        @Override
        public String toString() {
            return "stepDecay(" + Optimizer.format(decay) + (everyEpochs == 1 ? "" : ", every " + everyEpochs + " epochs") + ")";
        }
    }

    /** {@link LearningRateSchedule#cosine(int, double)}. */
    record Cosine(int epochs, double floor) implements LearningRateSchedule {
        Cosine {
            if (epochs < 1) {
                throw new IllegalArgumentException("cosine: epochs must be at least 1, got " + epochs);
            }
            if (!(floor >= 0 && floor < 1)) {
                throw new IllegalArgumentException("cosine: floor must be in [0, 1), got " + floor);
            }
        }

        @Override
        public double rate(double baseRate, long iteration, int iterationsPerEpoch) {
            double progress = Math.min(1.0, (double) iteration / ((double) epochs * iterationsPerEpoch));
            return baseRate * (floor + (1 - floor) * (1 + Math.cos(Math.PI * progress)) / 2);
        }

        @Override
        public String toString() {
            return "cosine(" + epochs + " epochs" + (floor == 0 ? "" : ", floor " + Optimizer.format(floor)) + ")";
        }
    }

    /** {@link LearningRateSchedule#linearWarmup(int)}. */
    record LinearWarmup(int iterations) implements LearningRateSchedule {
        LinearWarmup {
            if (iterations < 1) {
                throw new IllegalArgumentException("linearWarmup: iterations must be at least 1, got " + iterations);
            }
        }

        @Override
        public double rate(double baseRate, long iteration, int iterationsPerEpoch) {
            return iteration >= iterations ? baseRate : baseRate * (iteration + 1) / iterations;
        }

        @Override
        public String toString() {
            return "linearWarmup(" + iterations + " iterations)";
        }
    }

    /** {@link LearningRateSchedule#andThen}. */
    record Chain(LearningRateSchedule first, LearningRateSchedule second) implements LearningRateSchedule {
        @Override
        public double rate(double baseRate, long iteration, int iterationsPerEpoch) {
            return second.rate(first.rate(baseRate, iteration, iterationsPerEpoch), iteration, iterationsPerEpoch);
        }

        @Override
        public String toString() {
            return first + " then " + second;
        }
    }
}
