package org.convlab.autograd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** GradCheck itself: it must catch wrong gradients, not only confirm right ones. */
class GradCheckTest {
    /** x² with a derivative rule that is off by a factor. */
    private static Tensor badSquare(Tensor x, double factor) {
        Tensor out = x.detach().mul(x.detach());
        return Autograd.record("bad_square", out, (g, needs) -> new Tensor[] {g.mul(x).mul(2 * factor)}, x);
    }

    @Test
    void aCorrectGradientIsGood() {
        Tensor x = Tensor.randn(DType.F64, 1, 3, 4).requiresGrad(true).named("x");
        GradCheckReport r = GradCheck.check(in -> in[0].exp().sum(), x);
        assertTrue(r.passed(), r::toString);
        assertEquals(GradCheckReport.Verdict.GOOD, r.entry("x").verdict());
        assertEquals(12, r.entry("x").checked());
    }

    @Test
    void aWrongGradientIsReportedWrong() {
        Tensor x = Tensor.randn(DType.F64, 2, 5).requiresGrad(true);
        GradCheckReport r = GradCheck.check(in -> badSquare(in[0], 1.5).sum(), x);
        assertFalse(r.passed());
        assertEquals(GradCheckReport.Verdict.WRONG, r.entries().get(0).verdict());
        assertEquals(0.2, r.maxRelError(), 1e-6, "|3x − 2x| / (3|x| + 2|x|)");
        assertTrue(r.toString().contains("FAILED"), r::toString);
    }

    @Test
    void aSlightlyWrongGradientIsUncomfortable() {
        Tensor x = Tensor.randn(DType.F64, 3, 5).requiresGrad(true);
        GradCheckReport r = GradCheck.check(in -> badSquare(in[0], 1.001).sum(), x);
        assertEquals(GradCheckReport.Verdict.UNCOMFORTABLE, r.entries().get(0).verdict());
        assertFalse(r.passed());
    }

    @Test
    void theWorstCoordinateIsReportedWithBothValues() {
        Tensor x = Tensor.of(new double[] {1, 2, 3, 4}, 2, 2).requiresGrad(true);
        GradCheckReport r = GradCheck.check(in -> {
            Tensor out = in[0].detach().mul(in[0].detach());
            return Autograd.record("square_wrong_at_1_0", out, (g, needs) -> {
                Tensor dx = g.mul(in[0]).mul(2);
                dx.setFlat(2, 100);
                return new Tensor[] {dx};
            }, in[0]).sum();
        }, x);
        GradCheckReport.Entry e = r.entries().get(0);
        assertArrayEquals(new int[] {1, 0}, e.worstIndex());
        assertEquals(100.0, e.analytic());
        assertEquals(6.0, e.numeric(), 1e-8);
    }

    @Test
    void kinksCrossedByTheStepAreNotedAndExcluded() {
        Tensor x = Tensor.of(new double[] {-1, 2e-6, 3, -4e-6}, 4).requiresGrad(true);
        GradCheckReport r = GradCheck.check(in -> in[0].maximum(0).mul(3).sum(), x);
        GradCheckReport.Entry e = r.entries().get(0);
        assertEquals(2, e.kinks());
        assertTrue(e.maxRelError() > 1e-2, "at the kinks the finite difference is meaningless");
        assertTrue(e.passed(), r::toString);
    }

    @Test
    void aOneInAMillionErrorIsStillCaught() {
        Tensor x = Tensor.randn(DType.F64, 11, 6).requiresGrad(true);
        GradCheckReport r = GradCheck.check(in -> badSquare(in[0], 1 + 1e-6).sum(), x);
        assertFalse(r.passed(), r::toString);
    }

    @Test
    void aDisagreementBelowTheResolutionOfTheDifferenceIsNotJudged() {
        Tensor x = Tensor.randn(DType.F64, 12, 4).requiresGrad(true);
        GradCheckReport r = GradCheck.check(in -> in[0].sum().add(1e8), x);
        assertTrue(r.maxRelError() > 1e-6, "rounding of f ≈ 1e8 makes the raw difference inexact");
        assertTrue(r.passed(), r::toString);
    }

    @Test
    void float32IsRefusedUnlessAllowed() {
        Tensor x = Tensor.randn(DType.F32, 4, 3).requiresGrad(true);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> GradCheck.check(in -> in[0].sum(), x));
        assertTrue(e.getMessage().startsWith("GradCheck: input #0 is float32"), e.getMessage());
        GradCheckReport r = GradCheck.builder().allowFloat32(true).tolerance(1e-2).h(1e-2).build().run(in -> in[0].mul(in[0]).sum(), x);
        assertTrue(r.passed(), r::toString);
    }

    @Test
    void aNonScalarFunctionIsRefused() {
        Tensor x = Tensor.randn(DType.F64, 5, 2, 3).requiresGrad(true);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> GradCheck.check(in -> in[0].exp(), x));
        assertTrue(e.getMessage().startsWith("GradCheck: the function must return a scalar: got shape [2, 3]"), e.getMessage());
    }

    @Test
    void anInputWithoutRequiresGradIsNotChecked() {
        Tensor x = Tensor.randn(DType.F64, 6, 3).requiresGrad(true);
        Tensor c = Tensor.randn(DType.F64, 7, 3);
        GradCheckReport r = GradCheck.check(in -> in[0].mul(in[1]).sum(), x, c);
        assertEquals(1, r.entries().size());
        assertThrows(IllegalArgumentException.class, () -> GradCheck.check(in -> in[0].sum(), c));
    }

    @Test
    void sampledModeChecksKSeededCoordinates() {
        Tensor x = Tensor.randn(DType.F64, 8, 50, 40).requiresGrad(true);
        GradCheck sampled = GradCheck.builder().sampled(25, 3).build();
        GradCheckReport a = sampled.run(in -> in[0].pow(2).sum(), x);
        GradCheckReport b = sampled.run(in -> in[0].pow(2).sum(), x);
        assertEquals(25, a.entries().get(0).checked());
        assertEquals(2000, a.entries().get(0).total());
        assertEquals(a.maxRelError(), b.maxRelError(), 0.0);
        assertArrayEquals(a.entries().get(0).worstIndex(), b.entries().get(0).worstIndex());
    }

    @Test
    void theInputsAreRestoredExactly() {
        Tensor x = Tensor.randn(DType.F64, 9, 10).requiresGrad(true);
        double[] before = x.toDoubleArray();
        GradCheck.check(in -> in[0].exp().sum(), x);
        assertArrayEquals(before, x.toDoubleArray());
        assertEquals(null, x.grad(), "the check does not accumulate into grad()");
    }

    @Test
    void numericalGradientMatchesAKnownDerivative() {
        Tensor x = Tensor.vector(0.5, -1.0, 2.0);
        Tensor g = GradCheck.numericalGradient(t -> t.pow(3).sum(), x);
        assertTrue(g.allClose(Tensor.vector(0.75, 3.0, 12.0), 1e-8, 1e-9), g::toString);
    }

    @Test
    void numericalGradientWithUpstreamLikeEvalNumericalGradientArray() {
        Tensor x = Tensor.vector(1.0, 2.0);
        Tensor df = Tensor.vector(3.0, -1.0);
        Tensor g = GradCheck.numericalGradient(t -> t.mul(t), x, df, 1e-5);
        assertTrue(g.allClose(Tensor.vector(6.0, -4.0), 1e-8, 1e-9), g::toString);
    }

    @Test
    void reportReadsAsATable() {
        Tensor w = Tensor.randn(DType.F64, 10, 2, 2).requiresGrad(true).named("W1");
        String text = GradCheck.check(in -> in[0].pow(2).sum(), w).toString();
        assertTrue(text.startsWith("Gradient check (float64, centred differences, h = 1e-05): PASSED"), text);
        assertTrue(text.contains("W1"), text);
        assertTrue(text.contains("max rel err"), text);
        assertTrue(text.contains("good"), text);
    }
}
