package org.convlab.autograd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The backward engine: graph shapes, accumulation, scopes and errors. */
class AutogradTest {
    private static Tensor var(double... values) {
        return Tensor.vector(values).requiresGrad(true);
    }

    @Test
    void nodeUsedTwiceGetsBothContributions() {
        Tensor a = var(3.0);
        Tensor b = a.add(a);
        Tensor c = b.mul(b);
        c.sum().backward();
        assertEquals(24.0, a.grad().item(), 0.0, "c = (2a)^2, dc/da = 8a");
    }

    @Test
    void branchesThatJoinAreSummed() {
        Tensor x = var(2.0);
        Tensor left = x.exp();
        Tensor right = x.mul(x);
        left.add(right).mul(left).sum().backward();
        double e2 = Math.exp(2);
        assertEquals(2 * e2 * e2 + 4 * e2 + 4 * e2, x.grad().item(), 1e-9);
    }

    @Test
    void inputsThatDoNotRequireGradGetNoGradientAndNoWork() {
        Tensor w = var(1.0, 2.0);
        Tensor constant = Tensor.vector(5.0, 7.0);
        List<Boolean> asked = new ArrayList<>();
        Tensor out = Autograd.record("probe", w.mul(constant), (g, needs) -> {
            asked.add(needs[0]);
            asked.add(needs[1]);
            return new Tensor[] {g, null};
        }, w.mul(constant), constant);
        out.sum().backward();
        assertEquals(List.of(true, false), asked);
        assertNull(constant.grad());
        assertArrayEquals(new double[] {5, 7}, w.grad().toDoubleArray());
    }

    @Test
    void gradientsAccumulateAcrossBackwardCallsUntilZeroed() {
        Tensor w = var(1.0, -1.0);
        w.mul(3).sum().backward();
        w.mul(3).sum().backward();
        assertArrayEquals(new double[] {6, 6}, w.grad().toDoubleArray());
        w.zeroGrad();
        assertNull(w.grad());
        w.mul(3).sum().backward();
        assertArrayEquals(new double[] {3, 3}, w.grad().toDoubleArray());
    }

    @Test
    void backwardTwiceThroughTheSameGraphAddsAgain() {
        Tensor w = var(2.0);
        Tensor loss = w.mul(w).sum();
        loss.backward();
        loss.backward();
        assertEquals(8.0, w.grad().item(), 0.0);
    }

    @Test
    void leafGradientsAreNotAliasedWithEachOther() {
        Tensor a = var(1.0);
        Tensor b = var(1.0);
        a.add(b).sum().backward();
        a.add(b).sum().backward();
        assertEquals(2.0, a.grad().item());
        assertEquals(2.0, b.grad().item());
    }

    @Test
    void aHundredThousandOpChainDoesNotOverflowTheStack() {
        Tensor x = var(1.0);
        Tensor y = x;
        for (int i = 0; i < 100_000; i++) {
            y = y.mul(1.0);
        }
        y.sum().backward();
        assertEquals(1.0, x.grad().item(), 0.0);
    }

    @Test
    void noGradScopeRecordsNothingAndRestoresTheMode() {
        Tensor w = var(1.0);
        Tensor out;
        try (NoGrad off = NoGrad.begin()) {
            out = w.mul(2);
            assertFalse(Autograd.isGradEnabled());
            try (NoGrad nested = NoGrad.begin()) {
                assertFalse(Autograd.isGradEnabled());
            }
            assertFalse(Autograd.isGradEnabled());
        }
        assertTrue(Autograd.isGradEnabled());
        assertFalse(out.requiresGrad());
        assertNull(out.gradFn());
    }

    @Test
    void detachCutsTheGraphButSharesData() {
        Tensor w = var(1.0, 2.0);
        Tensor d = w.mul(2).detach();
        assertFalse(d.requiresGrad());
        assertTrue(d.isLeaf());
        assertArrayEquals(new double[] {2, 4}, d.toDoubleArray());
        Tensor loss = w.mul(d).sum();
        loss.backward();
        assertArrayEquals(new double[] {2, 4}, w.grad().toDoubleArray());
    }

    @Test
    void retainGradKeepsAnIntermediateGradient() {
        Tensor w = var(1.0, 2.0);
        Tensor h = w.mul(3).retainGrad();
        h.mul(h).sum().backward();
        assertArrayEquals(new double[] {6, 12}, h.grad().toDoubleArray());
    }

    @Test
    void backwardWithUpstreamOnANonScalar() {
        Tensor w = var(1.0, 2.0, 3.0);
        w.mul(w).backward(Tensor.vector(1, 0, 2));
        assertArrayEquals(new double[] {2, 0, 12}, w.grad().toDoubleArray());
    }

    @Test
    void backwardOnANonScalarWithoutUpstreamIsAnError() {
        Tensor w = var(1.0, 2.0);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> w.mul(2).backward());
        assertTrue(e.getMessage().startsWith("backward: output is not a scalar: shape [2]"), e.getMessage());
    }

    @Test
    void backwardOnATensorThatNeedsNoGradIsAnError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Tensor.ones(1).backward());
        assertTrue(e.getMessage().startsWith("backward: tensor does not require grad"), e.getMessage());
    }

    @Test
    void upstreamOfTheWrongShapeIsAnError() {
        Tensor w = var(1.0, 2.0);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> w.mul(2).backward(Tensor.vector(1, 2, 3)));
        assertEquals("backward: upstream gradient has the wrong shape: expected [2], got [3]", e.getMessage());
    }

    @Test
    void gradReturnsGradientsWithoutTouchingLeaves() {
        Tensor a = var(2.0);
        Tensor b = var(5.0);
        Tensor[] g = Autograd.grad(a.mul(b).sum(), null, a, b);
        assertEquals(5.0, g[0].item());
        assertEquals(2.0, g[1].item());
        assertNull(a.grad());
        assertNull(b.grad());
    }

    @Test
    void gradOfAnUnusedInputIsZero() {
        Tensor a = var(2.0);
        Tensor unused = var(1.0, 1.0);
        Tensor[] g = Autograd.grad(a.mul(a).sum(), null, unused);
        assertArrayEquals(new double[] {0, 0}, g[0].toDoubleArray());
    }

    @Test
    void float32AndFloat64Agree() {
        Tensor x64 = Tensor.randn(DType.F64, 1, 8, 5).requiresGrad(true);
        Tensor w64 = Tensor.randn(DType.F64, 2, 5, 3).requiresGrad(true);
        Tensor x32 = x64.to(DType.F32).detach().requiresGrad(true);
        Tensor w32 = w64.to(DType.F32).detach().requiresGrad(true);
        Tensor l64 = x64.matmul(w64).maximum(0).logSumExp(1, false).mean();
        Tensor l32 = x32.matmul(w32).maximum(0).logSumExp(1, false).mean();
        l64.backward();
        l32.backward();
        assertEquals(l64.item(), l32.item(), 1e-5);
        assertTrue(x32.grad().to(DType.F64).allClose(x64.grad(), 1e-4, 1e-5));
        assertTrue(w32.grad().to(DType.F64).allClose(w64.grad(), 1e-4, 1e-5));
    }
}
