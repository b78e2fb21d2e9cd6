package org.convlab.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.convlab.autograd.DType;
import org.convlab.autograd.GradCheck;
import org.convlab.autograd.Tensor;
import org.junit.jupiter.api.Test;

/**
 * The functional API against CS231n's own test cases and rules: the expected arrays are the
 * assignment's {@code correct_out} values (recomputed independently with numpy's naive loops).
 */
class Cs231nReferenceTest {
    private static Tensor linspace(double lo, double hi, int... shape) {
        int n = 1;
        for (int s : shape) {
            n *= s;
        }
        return Tensor.linspace(DType.F64, lo, hi, n).reshape(shape);
    }

    @Test
    void convForwardMatchesTheAssignmentsCorrectOut() {
        Tensor x = linspace(-0.1, 0.5, 2, 3, 4, 4);
        Tensor w = linspace(-0.2, 0.3, 3, 3, 4, 4);
        Tensor b = linspace(-0.1, 0.2, 3);
        Tensor expected = Tensor.of(new double[] {
            -0.08759809, -0.10987781, -0.18387192, -0.2109216,
            0.21027089, 0.21661097, 0.22847626, 0.23004637,
            0.50813986, 0.54309974, 0.64082444, 0.67101435,
            -0.98053589, -1.03143541, -1.19128892, -1.24695841,
            0.69108355, 0.66880383, 0.59480972, 0.56776003,
            2.36270298, 2.36904306, 2.38090835, 2.38247847}, 2, 3, 2, 2);
        Tensor out = F.conv2dNaive(x, w, b, 2, 1);
        assertTrue(out.maxRelError(expected) < 1e-7, () -> "rel error " + out.maxRelError(expected));
    }

    @Test
    void maxPoolForwardMatchesTheAssignmentsCorrectOut() {
        Tensor x = linspace(-0.3, 0.4, 2, 3, 4, 4);
        Tensor expected = Tensor.of(new double[] {
            -0.26315789, -0.24842105, -0.20421053, -0.18947368,
            -0.14526316, -0.13052632, -0.08631579, -0.07157895,
            -0.02736842, -0.01263158, 0.03157895, 0.04631579,
            0.09052632, 0.10526316, 0.14947368, 0.16421053,
            0.20842105, 0.22315789, 0.26736842, 0.28210526,
            0.32631579, 0.34105263, 0.38526316, 0.4}, 2, 3, 2, 2);
        Tensor out = F.maxPool2d(x, 2, 2, 2);
        assertTrue(out.maxRelError(expected) < 1e-7, () -> "rel error " + out.maxRelError(expected));
    }

    @Test
    void maxPoolBackwardRoutesToTheFirstMaximumAndOverlapsAccumulate() {
        Tensor x = Tensor.of(new double[] {
            1, 5, 5,
            2, 5, 0,
            3, 1, 4}, 1, 1, 3, 3).requiresGrad(true);
        F.maxPool2d(x, 2, 2, 1).sum().backward();
        assertArrayEquals(new double[] {
            0, 2, 0,
            0, 2, 0,
            0, 0, 0}, x.grad().toDoubleArray());
    }

    @Test
    void softmaxLossOfTinyWeightsIsLogOfTheClassCount() {
        Tensor scores = Tensor.randn(DType.F64, 1, 500, 10).mul(1e-3);
        int[] y = new int[500];
        for (int i = 0; i < y.length; i++) {
            y[i] = i % 10;
        }
        assertEquals(Math.log(10), F.softmaxLoss(scores, y).item(), 1e-3);
    }

    @Test
    void svmLossOfTinyWeightsIsTheClassCountMinusOne() {
        Tensor scores = Tensor.randn(DType.F64, 2, 500, 10).mul(1e-3);
        int[] y = new int[500];
        for (int i = 0; i < y.length; i++) {
            y[i] = (7 * i) % 10;
        }
        assertEquals(9.0, F.svmLoss(scores, y).item(), 1e-2);
    }

    @Test
    void svmLossAndGradientByHand() {
        Tensor s = Tensor.of(new double[] {3.2, 5.1, -1.7, 1.3, 4.9, 2.0}, 2, 3).requiresGrad(true);
        Tensor loss = F.svmLoss(s, new int[] {0, 1});
        assertEquals((2.9 + 0 + 0 + 0) / 2, loss.item(), 1e-12);
        loss.backward();
        assertArrayEquals(new double[] {-0.5, 0.5, 0, 0, 0, 0}, s.grad().toDoubleArray(), 1e-12);
    }

    @Test
    void softmaxLossSurvivesHugeLogits() {
        Tensor s = Tensor.of(new double[] {1e4, -1e4, 0, -1e4, 1e4, 0}, 2, 3).requiresGrad(true);
        Tensor loss = F.softmaxLoss(s, new int[] {1, 1});
        assertEquals(1e4, loss.item(), 1e-6, "row 0 pays 2e4 for the wrong class, row 1 nothing");
        loss.backward();
        assertTrue(s.grad().allClose(Tensor.of(new double[] {0.5, -0.5, 0, 0, 0, 0}, 2, 3), 1e-9, 1e-12), s.grad()::toString);
        Tensor f32 = F.softmaxLoss(s.detach().to(DType.F32), new int[] {1, 1});
        assertEquals(1e4, f32.item(), 1e-2);
    }

    @Test
    void batchNormTrainingNormalisesAndTracksRunningStatistics() {
        Tensor x = Tensor.randn(DType.F64, 3, 200, 3).mul(4).add(7);
        Tensor mean = Tensor.zeros(DType.F64, 3);
        Tensor var = Tensor.zeros(DType.F64, 3);
        Tensor out = F.batchNorm(x, Tensor.ones(DType.F64, 3), Tensor.zeros(DType.F64, 3), mean, var, true, 0.9, 1e-5);
        assertTrue(out.mean(0, false).allClose(Tensor.zeros(DType.F64, 3), 0, 1e-12));
        Tensor batchVar = x.sub(x.mean(0, true)).pow(2).mean(0, false);
        assertTrue(out.pow(2).mean(0, false).allClose(batchVar.div(batchVar.add(1e-5)), 1e-12, 0));
        assertTrue(mean.allClose(x.mean(0, false).mul(0.1), 1e-12, 0), "running mean starts at 0 with momentum 0.9");
        assertTrue(var.allClose(batchVar.mul(0.1), 1e-12, 0), "running variance divides by N");
    }

    @Test
    void batchNormTestModeUsesTheRunningStatistics() {
        Tensor x = Tensor.of(new double[] {1, 2, 3, 4}, 2, 2);
        Tensor out = F.batchNorm(x, Tensor.vector(2, 1), Tensor.vector(0, 1), Tensor.vector(1, 2), Tensor.vector(4, 1),
                false, 0.9, 0);
        assertArrayEquals(new double[] {0, 1, 2, 3}, out.toDoubleArray(), 1e-12);
    }

    @Test
    void dropoutIsInvertedAndOffAtTestTime() {
        Tensor x = Tensor.ones(DType.F64, 100_000);
        Tensor kept = F.dropout(x, 0.25, true, 1);
        double keptFraction = kept.gt(0).mean().item();
        assertEquals(0.25, keptFraction, 0.01);
        assertEquals(1.0, kept.mean().item(), 0.03, "expected value unchanged");
        assertTrue(kept.allClose(F.dropout(x, 0.25, true, 1), 0, 0), "same seed, same mask");
        assertEquals(x, F.dropout(x, 0.25, false, 1));
    }

    @Test
    void numericalGradientLikeEvalNumericalGradientArrayAgreesWithAutograd() {
        Tensor x = Tensor.randn(DType.F64, 4, 2, 3, 5, 5);
        Tensor w = Tensor.randn(DType.F64, 5, 2, 3, 3, 3);
        Tensor b = Tensor.randn(DType.F64, 6, 2);
        Tensor dout = Tensor.randn(DType.F64, 7, 2, 2, 5, 5);
        Tensor dxNumeric = GradCheck.numericalGradient(t -> F.conv2dNaive(t, w, b, 1, 1), x, dout, 1e-5);
        Tensor xv = x.detach().requiresGrad(true);
        F.conv2dNaive(xv, w, b, 1, 1).backward(dout);
        assertTrue(xv.grad().maxRelError(dxNumeric) < 1e-8, () -> "rel error " + xv.grad().maxRelError(dxNumeric));
    }
}
