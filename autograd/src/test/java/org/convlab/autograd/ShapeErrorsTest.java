package org.convlab.autograd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Bad shapes and dtypes give messages that name the op, both shapes and the rule broken. */
class ShapeErrorsTest {
    private static void assertMessage(String expected, Executable call) {
        assertEquals(expected, assertThrows(IllegalArgumentException.class, call).getMessage());
    }

    @Test
    void matmulInnerDimensionsDiffer() {
        assertMessage("matmul: inner dimensions differ: [64, 1568] @ [6272, 10]",
                () -> Tensor.zeros(64, 1568).matmul(Tensor.zeros(6272, 10)));
    }

    @Test
    void matmulNeedsMatrices() {
        assertMessage("matmul: operands must have at least 2 dimensions: [3] @ [3, 2] (reshape vectors to (1, n) or (n, 1))",
                () -> Tensor.zeros(3).matmul(Tensor.zeros(3, 2)));
    }

    @Test
    void broadcastingIncompatibleShapes() {
        assertMessage("add: shapes cannot be broadcast: [2, 3] + [4, 3] (axis -2: 2 vs 4)",
                () -> Tensor.zeros(2, 3).add(Tensor.zeros(4, 3)));
        assertMessage("mul: shapes cannot be broadcast: [5] * [3] (axis -1: 5 vs 3)",
                () -> Tensor.zeros(5).mul(Tensor.zeros(3)));
    }

    @Test
    void mixedDtypes() {
        assertMessage("add: dtypes differ: F32 vs F64 (convert one with to(DType))",
                () -> Tensor.zeros(2).add(Tensor.zeros(DType.F64, 2)));
    }

    @Test
    void reshapeToADifferentSize() {
        assertMessage("reshape: number of elements differs: [2, 3] (6) to [4, 2] (8)", () -> Tensor.zeros(2, 3).reshape(4, 2));
        assertMessage("reshape: cannot infer the -1 dimension: [2, 3] (6 elements) to [4, -1]", () -> Tensor.zeros(2, 3).reshape(4, -1));
    }

    @Test
    void axisOutOfRange() {
        assertMessage("sum: axis out of range: axis 2 for a tensor of rank 2", () -> Tensor.zeros(2, 3).sum(2, false));
    }

    @Test
    void unfoldOutputSizeMustBeAWholeNumber() {
        assertMessage("unfold: output H 1 + (H + 2·pad − kernel)/stride is not a positive whole number: 1 + (6 + 2·0 − 3)/2 = 1 + 3/2",
                () -> Tensor.zeros(1, 1, 6, 6).unfold(3, 3, 2, 0));
    }

    @Test
    void pickNeedsOneIndexPerRowInRange() {
        assertMessage("pick: one index per row is needed: 1 indices for [2, 3]", () -> Tensor.zeros(2, 3).pick(0));
        assertMessage("pick: index out of range: row 1 asks for column 3 of [2, 3]", () -> Tensor.zeros(2, 3).pick(0, 3));
    }

    @Test
    void concatNeedsMatchingShapes() {
        assertMessage("concat: shapes differ outside the concat axis 0: [2, 3] vs [2, 4]",
                () -> Tensor.concat(0, Tensor.zeros(2, 3), Tensor.zeros(2, 4)));
    }

    @Test
    void sliceMustNotBeEmpty() {
        assertMessage("slice: empty or out-of-range slice: [2, 2) of axis 0 with length 3 in [3]", () -> Tensor.zeros(3).slice(0, 2, 2));
    }
}
