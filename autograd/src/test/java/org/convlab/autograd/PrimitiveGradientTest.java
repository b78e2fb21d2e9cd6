package org.convlab.autograd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Every primitive passes a float64 finite-difference gradient check, on several shapes and with
 * broadcasting; the suite fails if a primitive in {@link Primitives#NAMES} was never checked.
 */
class PrimitiveGradientTest {
    private static final Set<String> COVERED = new TreeSet<>();

    private static Tensor var(long seed, int... shape) {
        return Tensor.randn(DType.F64, seed, shape).requiresGrad(true);
    }

    private static Tensor positive(long seed, int... shape) {
        return Tensor.rand(DType.F64, seed, shape).add(0.5).requiresGrad(true);
    }

    /** Checks f projected on fixed random weights, so every output element gets its own upstream gradient. */
    private static void check(GradCheck.ScalarFunction f, Tensor... inputs) {
        GradCheck.ScalarFunction projected = in -> {
            Tensor out = f.apply(in);
            Tensor weights = Tensor.randn(DType.F64, 99, out.shape());
            return out.mul(weights).sum();
        };
        Tensor probe = f.apply(inputs);
        if (probe.gradFn() != null) {
            for (Node n : Autograd.topologicalOrder(probe.gradFn())) {
                COVERED.add(n.op());
            }
        }
        GradCheckReport report = GradCheck.check(projected, inputs);
        assertTrue(report.passed(), report::toString);
    }

    @AfterAll
    static void everyPrimitiveWasChecked() {
        Set<String> missing = new TreeSet<>(Primitives.NAMES);
        missing.removeAll(COVERED);
        Set<String> unlisted = new TreeSet<>(COVERED);
        unlisted.removeAll(Primitives.NAMES);
        assertEquals(Set.of(), missing, "primitives without a gradient check");
        assertEquals(Set.of(), unlisted, "ops recorded but missing from Primitives.NAMES");
    }

    @Test
    void addSubMulDivOfEqualShapes() {
        Tensor a = var(1, 3, 4);
        Tensor b = positive(2, 3, 4);
        check(in -> in[0].add(in[1]), a, b);
        check(in -> in[0].sub(in[1]), a, b);
        check(in -> in[0].mul(in[1]), a, b);
        check(in -> in[0].div(in[1]), a, b);
    }

    @Test
    void binaryOpsBroadcastRowsColumnsAndLeadingAxes() {
        Tensor x = var(3, 2, 3, 4);
        Tensor row = positive(4, 4);
        Tensor col = positive(5, 3, 1);
        Tensor lead = positive(6, 2, 1, 1);
        check(in -> in[0].add(in[1]), x, row);
        check(in -> in[0].sub(in[1]), col, x);
        check(in -> in[0].mul(in[1]), x, col);
        check(in -> in[0].div(in[1]), x, lead);
        check(in -> in[0].mul(in[1]), row, col);
    }

    @Test
    void scalarArithmetic() {
        Tensor x = var(7, 5);
        check(in -> in[0].add(2.5).mul(-3).sub(1).div(4).neg(), x);
    }

    @Test
    void unaryFunctions() {
        Tensor x = var(8, 2, 5);
        Tensor p = positive(9, 2, 5);
        check(in -> in[0].exp(), x);
        check(in -> in[0].log(), p);
        check(in -> in[0].sqrt(), p);
        check(in -> in[0].pow(3), x);
        check(in -> in[0].pow(-1.5), p);
        check(in -> in[0].abs(), x);
    }

    @Test
    void maximumWithScalarAndWithTensor() {
        Tensor x = var(10, 4, 5);
        Tensor y = var(11, 5);
        check(in -> in[0].maximum(0), x);
        check(in -> in[0].maximum(0.3), x);
        check(in -> in[0].maximum(in[1]), x, y);
    }

    @Test
    void whereRoutesGradientToTheChosenBranch() {
        Tensor a = var(12, 3, 4);
        Tensor b = var(13, 4);
        Tensor mask = Tensor.rand(DType.F64, 14, 3, 4).gt(0.5);
        check(in -> Tensor.where(mask, in[0], in[1]), a, b);
    }

    @Test
    void dtypeConversionAndCopy() {
        Tensor x = var(15, 3, 2);
        check(in -> in[0].copy().mul(in[0]), x);
        check(in -> in[0].to(DType.F64).exp(), x);
        Tensor weights = Tensor.randn(DType.F64, 16, 3, 2);
        Tensor[] g = Autograd.grad(x.to(DType.F32).to(DType.F64).mul(weights).sum(), null, x);
        assertTrue(g[0].allClose(weights, 1e-6, 1e-6), "to() passes the gradient back in the source dtype");
    }

    @Test
    void sumAndMeanOverAxes() {
        Tensor x = var(17, 2, 3, 4);
        check(in -> in[0].sum(), x);
        check(in -> in[0].sum(1, false), x);
        check(in -> in[0].sum(new int[] {0, 2}, true), x);
        check(in -> in[0].mean(), x);
        check(in -> in[0].mean(-1, true), x);
    }

    @Test
    void maxOverAxesAndEverything() {
        Tensor x = var(18, 3, 4, 5);
        check(in -> in[0].max(1, false), x);
        check(in -> in[0].max(-1, true), x);
        check(in -> in[0].max(), x);
    }

    @Test
    void logSumExpOverRows() {
        Tensor x = var(19, 4, 6);
        check(in -> in[0].logSumExp(1, false), x);
        check(in -> in[0].logSumExp(0, true), x);
    }

    @Test
    void matmulTwoDimensional() {
        check(in -> in[0].matmul(in[1]), var(20, 3, 5), var(21, 5, 4));
        check(in -> in[0].matmul(in[1]), var(22, 1, 7), var(23, 7, 1));
    }

    @Test
    void matmulBatchedWithBroadcastBatchAxes() {
        check(in -> in[0].matmul(in[1]), var(24, 2, 3, 4), var(25, 2, 4, 5));
        check(in -> in[0].matmul(in[1]), var(26, 2, 3, 4), var(27, 4, 2));
        check(in -> in[0].matmul(in[1]), var(28, 3, 1, 2, 3), var(29, 4, 3, 2));
    }

    @Test
    void reshapePermuteTranspose() {
        Tensor x = var(30, 2, 3, 4);
        check(in -> in[0].reshape(4, -1), x);
        check(in -> in[0].permute(2, 0, 1), x);
        check(in -> in[0].transpose(0, 2).reshape(-1), x);
    }

    @Test
    void sliceAlongEachAxis() {
        Tensor x = var(31, 4, 5, 3);
        check(in -> in[0].slice(0, 1, 3), x);
        check(in -> in[0].slice(1, -3, 5), x);
        check(in -> in[0].slice(2, 0, 1), x);
    }

    @Test
    void constantPad() {
        Tensor x = var(32, 2, 3, 4);
        check(in -> in[0].pad(0, 1, 2), x);
        check(in -> in[0].pad(1.5, 1, 1, 2, 0, 0, 1), x);
    }

    @Test
    void concatAlongAxes() {
        Tensor a = var(33, 2, 3);
        Tensor b = var(34, 2, 5);
        Tensor c = var(35, 1, 3);
        check(in -> Tensor.concat(1, in[0], in[1]), a, b);
        check(in -> Tensor.concat(0, in[0], in[1], in[0]), a, c);
    }

    @Test
    void pickAndIndexSelect() {
        Tensor x = var(36, 4, 6);
        check(in -> in[0].pick(5, 0, 2, 2), x);
        check(in -> in[0].indexSelect(0, 3, 1, 3), x);
        check(in -> in[0].indexSelect(1, 0, 5), var(37, 2, 6, 3));
    }

    @Test
    void unfoldAndFoldWithStrideAndPadding() {
        Tensor x = var(38, 2, 3, 5, 5);
        check(in -> in[0].unfold(3, 3, 1, 1), x);
        check(in -> in[0].unfold(3, 3, 2, 0), x);
        check(in -> in[0].unfold(2, 3, 1, 0), var(39, 1, 2, 4, 5));
        Tensor cols = var(40, 2, 3 * 9, 9);
        check(in -> in[0].fold(3, 5, 5, 3, 3, 2, 1), cols);
    }
}
