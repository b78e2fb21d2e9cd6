package org.convlab.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.convlab.autograd.DType;
import org.convlab.autograd.Tensor;
import org.junit.jupiter.api.Test;

/**
 * Each update rule against values computed with CS231n's reference formulas (numpy, float64) over
 * three steps from w = [1, −2, 0.5, 3] with the gradients below.
 */
class UpdateRulesTest {
    private static final double[] W0 = {1.0, -2.0, 0.5, 3.0};
    private static final double[][] GRADIENTS = {{0.5, -1.0, 2.0, 0.0}, {-0.25, 0.75, 1.0, 1e-3}, {0.1, 0.2, -0.3, 4.0}};
    private static final double TOLERANCE = 1e-15;

    /** Runs {@code steps} steps of an optimizer over one float64 parameter named w; returns it. */
    private static Optimizer run(Function<Map<String, Tensor>, Optimizer> build, int steps, Tensor w) {
        Optimizer optimizer = build.apply(Map.of("w", w));
        for (int i = 0; i < steps; i++) {
            w.setGrad(Tensor.of(GRADIENTS[i], 4));
            optimizer.step();
        }
        return optimizer;
    }

    private static Tensor parameter() {
        return Tensor.of(W0, 4).requiresGrad(true);
    }

    @Test
    void sgdMatchesCs231nOverThreeSteps() {
        Tensor w = parameter();
        run(p -> Sgd.builder().learningRate(0.1).build(p), 3, w);
        assertArrayEquals(new double[] {0.965, -1.9949999999999999, 0.22999999999999998, 2.5999}, w.toDoubleArray(), TOLERANCE);
    }

    @Test
    void momentumMatchesCs231nOverThreeStepsAndKeepsTheVelocity() {
        Tensor w = parameter();
        Optimizer momentum = run(p -> SgdMomentum.builder().learningRate(0.1).build(p), 3, w);
        assertArrayEquals(new double[] {0.9019999999999999, -1.8915, -0.2020000000000001, 2.5998099999999997},
                w.toDoubleArray(), TOLERANCE);
        assertArrayEquals(new double[] {-0.028000000000000008, -0.006500000000000004, -0.22200000000000006, -0.40009},
                momentum.state("w").get(SgdMomentum.VELOCITY).toDoubleArray(), TOLERANCE);
    }

    @Test
    void nesterovMatchesTheCs231nNotesOverThreeSteps() {
        Tensor w = parameter();
        Optimizer nesterov = run(p -> SgdMomentum.builder().learningRate(0.1).nesterov(true).build(p), 3, w);
        assertArrayEquals(new double[] {0.8768, -1.89735, -0.4018, 2.239729}, w.toDoubleArray(), TOLERANCE);
        assertArrayEquals(new double[] {-0.028000000000000008, -0.006500000000000004, -0.22200000000000006, -0.40009},
                nesterov.state("w").get(SgdMomentum.VELOCITY).toDoubleArray(), TOLERANCE);
    }

    @Test
    void rmsPropMatchesCs231nOverThreeStepsAndKeepsTheCache() {
        Tensor w = parameter();
        Optimizer rmsProp = run(p -> RmsProp.builder().learningRate(0.01).build(p), 3, w);
        assertArrayEquals(new double[] {0.9271374176630169, -1.9761193294305872, 0.36851455215036444, 2.8000100045938496},
                w.toDoubleArray(), TOLERANCE);
        assertArrayEquals(new double[] {0.003169000000000003, 0.015769750000000013, 0.05000400000000004, 0.16000000990000013},
                rmsProp.state("w").get(RmsProp.CACHE).toDoubleArray(), TOLERANCE);
    }

    @Test
    void adamMatchesCs231nOverThreeStepsWithItsMomentsAndStepCount() {
        Tensor w = parameter();
        Optimizer adam = run(p -> Adam.builder().learningRate(0.01).build(p), 3, w);
        assertArrayEquals(new double[] {0.9841841943025716, -1.9894350235614664, 0.47438673045131163, 2.986169163875913},
                w.toDoubleArray(), TOLERANCE);
        Map<String, Tensor> state = adam.state("w");
        assertArrayEquals(new double[] {0.027999999999999997, 0.006499999999999997, 0.22199999999999995, 0.4000899999999999},
                state.get(Adam.FIRST_MOMENT).toDoubleArray(), TOLERANCE);
        assertArrayEquals(new double[] {0.0003219377500000003, 0.0015999385000000017, 0.005081004000000004,
            0.016000000999000015}, state.get(Adam.SECOND_MOMENT).toDoubleArray(), TOLERANCE);
        assertEquals(3.0, state.get(Adam.STEP).item());
    }

    @Test
    void adamsFirstStepIsBiasCorrectedToLearningRateTimesTheGradientsSign() {
        // t = 1: m̂ = g and v̂ = g², so w moves by lr·g / (|g| + ε), about lr against the gradient.
        Tensor w = parameter();
        run(p -> Adam.builder().learningRate(0.01).build(p), 1, w);
        double[] g = GRADIENTS[0];
        double[] expected = new double[4];
        for (int i = 0; i < 4; i++) {
            expected[i] = W0[i] - 0.01 * g[i] / (Math.abs(g[i]) + 1e-8);
        }
        assertArrayEquals(expected, w.toDoubleArray(), TOLERANCE);
        assertArrayEquals(new double[] {0.9900000002, -1.9900000001, 0.49000000005, 3.0}, w.toDoubleArray(), 1e-12);
    }

    @Test
    void adamsSecondStepUsesTheBiasCorrectionOfTEqualsTwo() {
        Tensor w = parameter();
        run(p -> Adam.builder().learningRate(0.01).build(p), 2, w);
        assertArrayEquals(new double[] {0.9873366298707846, -1.9891067500360535, 0.480678203720851, 2.992558736973369},
                w.toDoubleArray(), TOLERANCE);
    }

    @Test
    void epsilonIsAddedOutsideTheSquareRoot() {
        // g = 1e-8: outside, lr·g / (√g² + ε) = lr/2; inside, lr·g / √(g² + ε) would be about lr·1e-4.
        for (Function<Map<String, Tensor>, Optimizer> build : List.<Function<Map<String, Tensor>, Optimizer>>of(
                p -> Adam.builder().learningRate(0.1).build(p),
                p -> RmsProp.builder().learningRate(0.1).decayRate(0).build(p))) {
            Tensor w = Tensor.of(new double[] {1.0}, 1).requiresGrad(true);
            Optimizer optimizer = build.apply(Map.of("w", w));
            w.setGrad(Tensor.of(new double[] {1e-8}, 1));
            optimizer.step();
            assertEquals(1.0 - 0.05, w.item(), 1e-12, optimizer.toString());
        }
    }

    @Test
    void float32ParametersFollowTheSameRuleRoundedToFloat() {
        Tensor w64 = parameter();
        Tensor w32 = Tensor.of(W0, 4).to(DType.F32).requiresGrad(true);
        Optimizer adam64 = Adam.builder().learningRate(0.01).build(Map.of("w", w64));
        Optimizer adam32 = Adam.builder().learningRate(0.01).build(Map.of("w", w32));
        for (double[] g : GRADIENTS) {
            w64.setGrad(Tensor.of(g, 4));
            w32.setGrad(Tensor.of(g, 4).to(DType.F32));
            adam64.step();
            adam32.step();
        }
        assertEquals(DType.F32, adam32.state("w").get(Adam.FIRST_MOMENT).dtype());
        assertArrayEquals(w64.toDoubleArray(), w32.toDoubleArray(), 1e-6);
    }

    @Test
    void weightDecayIsCoupledIntoTheGradient() {
        // w -= lr·(dw + weightDecay·w), three steps.
        Tensor w = parameter();
        run(p -> Sgd.builder().learningRate(0.1).weightDecay(0.01).build(p), 3, w);
        assertArrayEquals(new double[] {0.962077949, -1.989130898, 0.22900129949999998, 2.590909097}, w.toDoubleArray(), 1e-12);
    }

    @Test
    void parametersWithoutAGradientAreLeftAloneAndTheirStateDoesNotAdvance() {
        Tensor a = parameter();
        Tensor b = parameter();
        Optimizer adam = Adam.builder().build(new LinkedHashMap<>(Map.of("a", a, "b", b)));
        a.setGrad(Tensor.of(GRADIENTS[0], 4));
        adam.step();
        assertArrayEquals(W0, b.toDoubleArray());
        assertEquals(0.0, adam.state("b").get(Adam.STEP).item());
        assertEquals(1.0, adam.state("a").get(Adam.STEP).item());
    }
}
