package org.convlab.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** The schedules, with 10 iterations per epoch. */
class LearningRateScheduleTest {
    private static final int PER_EPOCH = 10;

    @Test
    void constantKeepsTheBaseRate() {
        assertEquals(0.1, LearningRateSchedule.constant().rate(0.1, 12345, PER_EPOCH));
    }

    @Test
    void stepDecayMultipliesOnceAfterEachEpochLikeCs231n() {
        LearningRateSchedule decay = LearningRateSchedule.stepDecay(0.95);
        assertEquals(1e-3, decay.rate(1e-3, 0, PER_EPOCH));
        assertEquals(1e-3, decay.rate(1e-3, 9, PER_EPOCH));
        assertEquals(1e-3 * 0.95, decay.rate(1e-3, 10, PER_EPOCH));
        // the Solver's lr *= lr_decay after each epoch: multiplied in that order, bit for bit
        double lr = 1e-3;
        for (int epoch = 0; epoch < 7; epoch++) {
            lr *= 0.95;
        }
        assertEquals(lr, decay.rate(1e-3, 7 * PER_EPOCH + 3, PER_EPOCH));
    }

    @Test
    void stepDecayEveryFewEpochsWaitsThatLong() {
        LearningRateSchedule decay = LearningRateSchedule.stepDecay(0.5, 2);
        assertEquals(1.0, decay.rate(1.0, 19, PER_EPOCH));
        assertEquals(0.5, decay.rate(1.0, 20, PER_EPOCH));
        assertEquals(0.25, decay.rate(1.0, 40, PER_EPOCH));
    }

    @Test
    void cosineFallsFromTheBaseRateToTheFloorOverItsEpochs() {
        LearningRateSchedule cosine = LearningRateSchedule.cosine(4, 0.1);
        assertEquals(1.0, cosine.rate(1.0, 0, PER_EPOCH), 1e-15);
        assertEquals(0.1 + 0.9 * 0.5, cosine.rate(1.0, 20, PER_EPOCH), 1e-15);
        assertEquals(0.1 + 0.9 * (1 + Math.cos(Math.PI / 4)) / 2, cosine.rate(1.0, 10, PER_EPOCH), 1e-15);
        assertEquals(0.1, cosine.rate(1.0, 40, PER_EPOCH), 1e-15);
        assertEquals(0.1, cosine.rate(1.0, 55, PER_EPOCH), 1e-15);
    }

    @Test
    void linearWarmupRisesStepByStepThenHolds() {
        LearningRateSchedule warmup = LearningRateSchedule.linearWarmup(4);
        assertEquals(0.25, warmup.rate(1.0, 0, PER_EPOCH));
        assertEquals(0.75, warmup.rate(1.0, 2, PER_EPOCH));
        assertEquals(1.0, warmup.rate(1.0, 3, PER_EPOCH));
        assertEquals(1.0, warmup.rate(1.0, 100, PER_EPOCH));
    }

    @Test
    void chainedSchedulesApplyInOrder() {
        LearningRateSchedule chain = LearningRateSchedule.linearWarmup(4).andThen(LearningRateSchedule.stepDecay(0.5));
        assertEquals(0.5, chain.rate(1.0, 1, 2));
        assertEquals(0.75 * 0.5, chain.rate(1.0, 2, 2));
        assertEquals(0.25, chain.rate(1.0, 4, 2));
        assertEquals("linearWarmup(4 iterations) then stepDecay(0.5)", chain.toString());
    }

    @Test
    void invalidSchedulesAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> LearningRateSchedule.stepDecay(0));
        assertThrows(IllegalArgumentException.class, () -> LearningRateSchedule.stepDecay(1.5));
        assertThrows(IllegalArgumentException.class, () -> LearningRateSchedule.cosine(0));
        assertThrows(IllegalArgumentException.class, () -> LearningRateSchedule.linearWarmup(0));
    }
}
