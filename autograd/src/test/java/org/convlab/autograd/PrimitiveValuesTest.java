package org.convlab.autograd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Known values of the primitives' forward passes. */
class PrimitiveValuesTest {
    private static Tensor t(double[] v, int... shape) {
        return Tensor.of(v, shape);
    }

    @Test
    void arithmeticBroadcastsLikeNumpy() {
        Tensor m = t(new double[] {1, 2, 3, 4, 5, 6}, 2, 3);
        assertArrayEquals(new double[] {11, 22, 33, 14, 25, 36}, m.add(Tensor.vector(10, 20, 30)).toDoubleArray());
        assertArrayEquals(new double[] {0, 1, 2, 2, 3, 4}, m.sub(t(new double[] {1, 2}, 2, 1)).toDoubleArray());
        assertArrayEquals(new double[] {2, 4, 6, 8, 10, 12}, m.mul(Tensor.scalar(DType.F64, 2)).toDoubleArray());
        assertArrayEquals(new int[] {2, 2, 3}, m.mul(t(new double[] {1, 2}, 2, 1, 1)).shape());
        assertArrayEquals(new double[] {0.5, 1, 1.5, 2, 2.5, 3}, m.div(2).toDoubleArray());
    }

    @Test
    void unaryFunctionsAndMaximum() {
        Tensor x = Tensor.vector(-2, 0, 4);
        assertArrayEquals(new double[] {2, 0, 4}, x.abs().toDoubleArray());
        assertArrayEquals(new double[] {0, 0, 4}, x.maximum(0).toDoubleArray());
        assertArrayEquals(new double[] {4, 0, 16}, x.pow(2).toDoubleArray());
        assertArrayEquals(new double[] {2}, Tensor.vector(4).sqrt().toDoubleArray());
        assertArrayEquals(new double[] {-1, 1, 4}, x.maximum(Tensor.vector(-1, 1, 3)).toDoubleArray());
        assertEquals(1.0, Tensor.vector(1).exp().log().item(), 1e-15);
    }

    @Test
    void reluGradientIsZeroAtZeroAsInCs231n() {
        Tensor x = Tensor.vector(-1, 0, 1).requiresGrad(true);
        x.maximum(0).sum().backward();
        assertArrayEquals(new double[] {0, 0, 1}, x.grad().toDoubleArray());
    }

    @Test
    void comparisonsGiveMasksAndWhereSelects() {
        Tensor x = Tensor.vector(1, 2, 3);
        assertArrayEquals(new double[] {0, 0, 1}, x.gt(2).toDoubleArray());
        assertArrayEquals(new double[] {0, 1, 1}, x.ge(2).toDoubleArray());
        assertArrayEquals(new double[] {1, 0, 0}, x.lt(2).toDoubleArray());
        assertArrayEquals(new double[] {1, 1, 0}, x.le(2).toDoubleArray());
        assertArrayEquals(new double[] {0, 1, 0}, x.eq(2).toDoubleArray());
        Tensor chosen = Tensor.where(x.gt(1.5), x, Tensor.vector(Double.NaN, -1, -1).mul(Double.POSITIVE_INFINITY));
        assertArrayEquals(new double[] {Double.NaN, 2, 3}, chosen.toDoubleArray());
    }

    @Test
    void reductionsOverAxesWithAndWithoutKeepdim() {
        Tensor m = Tensor.arange(DType.F64, 0, 24, 1).reshape(2, 3, 4);
        assertEquals(276.0, m.sum().item());
        assertArrayEquals(new int[] {2, 4}, m.sum(1, false).shape());
        assertArrayEquals(new int[] {2, 1, 4}, m.sum(1, true).shape());
        assertArrayEquals(new double[] {12, 15, 18, 21, 48, 51, 54, 57}, m.sum(1, false).toDoubleArray());
        assertArrayEquals(new double[] {60, 66, 72, 78}, m.sum(new int[] {0, 1}, false).toDoubleArray());
        assertEquals(11.5, m.mean().item());
        assertArrayEquals(new double[] {3, 7, 11, 15, 19, 23}, m.max(-1, false).toDoubleArray());
        assertEquals(23.0, m.max().item());
    }

    @Test
    void maxSendsTheGradientToTheFirstMaximum() {
        Tensor x = Tensor.vector(1, 5, 5, 2).requiresGrad(true);
        x.max(0, false).backward();
        assertArrayEquals(new double[] {0, 1, 0, 0}, x.grad().toDoubleArray());
        assertEquals(1.0, x.argmax(0, false).item());
    }

    @Test
    void argmaxReturnsIndicesPerRow() {
        Tensor s = t(new double[] {0.1, 0.9, 0.0, 3, 1, 2}, 2, 3);
        assertArrayEquals(new int[] {1, 0}, s.argmax(1, false).toIntArray());
        assertArrayEquals(new int[] {2, 1}, s.argmax(1, true).shape());
    }

    @Test
    void logSumExpDoesNotOverflowOnHugeLogits() {
        Tensor x = t(new double[] {1e4, 1e4, -1e4, 0}, 2, 2);
        Tensor lse = x.logSumExp(1, false);
        assertEquals(1e4 + Math.log(2), lse.get(0), 1e-9);
        assertEquals(0.0, lse.get(1), 1e-12);
        Tensor f = x.to(DType.F32).logSumExp(1, false);
        assertTrue(Double.isFinite(f.get(0)) && Double.isFinite(f.get(1)), f::toString);
    }

    @Test
    void matmulMultipliesMatricesAndBatches() {
        Tensor a = t(new double[] {1, 2, 3, 4, 5, 6}, 2, 3);
        Tensor b = t(new double[] {7, 8, 9, 10, 11, 12}, 3, 2);
        assertArrayEquals(new double[] {58, 64, 139, 154}, a.matmul(b).toDoubleArray());
        Tensor batch = Tensor.concat(0, a.unsqueeze(0), a.mul(2).unsqueeze(0));
        assertArrayEquals(new double[] {58, 64, 139, 154, 116, 128, 278, 308}, batch.matmul(b).toDoubleArray());
    }

    @Test
    void padSurroundsWithTheConstant() {
        Tensor x = t(new double[] {1, 2, 3, 4}, 2, 2);
        assertArrayEquals(new double[] {0, 0, 0, 0, 0, 1, 2, 0, 0, 3, 4, 0, 0, 0, 0, 0}, x.pad(0, 1, 1, 1, 1).toDoubleArray());
        assertArrayEquals(new double[] {9, 1, 2, 9, 3, 4}, x.pad(9, 1, 0).toDoubleArray());
    }

    @Test
    void concatJoinsAlongAnAxis() {
        Tensor a = t(new double[] {1, 2, 3, 4}, 2, 2);
        Tensor b = t(new double[] {5, 6}, 2, 1);
        assertArrayEquals(new double[] {1, 2, 5, 3, 4, 6}, Tensor.concat(1, a, b).toDoubleArray());
        assertArrayEquals(new double[] {1, 2, 3, 4, 1, 2, 3, 4}, Tensor.concat(0, a, a).toDoubleArray());
    }

    @Test
    void pickTakesOneEntryPerRow() {
        Tensor s = t(new double[] {1, 2, 3, 4, 5, 6}, 2, 3);
        assertArrayEquals(new double[] {3, 4}, s.pick(2, 0).toDoubleArray());
        assertArrayEquals(new double[] {4, 5, 6, 1, 2, 3, 4, 5, 6}, s.indexSelect(0, 1, 0, 1).toDoubleArray());
    }

    @Test
    void unfoldLaysReceptiveFieldsOutAsColumns() {
        Tensor img = Tensor.arange(DType.F64, 1, 10, 1).reshape(1, 1, 3, 3);
        Tensor cols = img.unfold(2, 2, 1, 0);
        assertArrayEquals(new int[] {1, 4, 4}, cols.shape());
        assertArrayEquals(new double[] {1, 2, 4, 5, 2, 3, 5, 6, 4, 5, 7, 8, 5, 6, 8, 9}, cols.toDoubleArray());
        Tensor padded = img.unfold(3, 3, 1, 1);
        assertArrayEquals(new int[] {1, 9, 9}, padded.shape());
        assertEquals(0.0, padded.get(0, 0, 0), "top-left tap of the first window lies in the padding");
        assertEquals(5.0, padded.get(0, 4, 4), "centre tap of the centre window");
    }

    @Test
    void foldSumsOverlappingColumns() {
        Tensor ones = Tensor.ones(DType.F64, 1, 4, 4);
        Tensor counts = ones.fold(1, 3, 3, 2, 2, 1, 0);
        assertArrayEquals(new double[] {1, 2, 1, 2, 4, 2, 1, 2, 1}, counts.toDoubleArray());
    }
}
