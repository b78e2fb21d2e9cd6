package org.convlab.kernel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The operand packing contract, as implemented by the matrix views and as used by the driver. */
class OperandTest {

    /**
     * The layout the contract specifies, filled with -99 outside the packed slivers like the buffers the
     * adapter packs into.
     */
    private static double[] expectedPacking(Precision.Element element, int dstLength, int dstOff, int outer0,
                                            int outerLen, int depth0, int depthLen, int width) {
        double[] dst = new double[dstLength];
        Arrays.fill(dst, -99);
        for (int s = 0; s * width < outerLen; s++) {
            for (int d = 0; d < depthLen; d++) {
                for (int w = 0; w < width; w++) {
                    int outer = s * width + w;
                    dst[dstOff + s * width * depthLen + d * width + w] =
                            outer < outerLen ? element.at(outer0 + outer, depth0 + d) : 0;
                }
            }
        }
        return dst;
    }

    @ParameterizedTest
    @EnumSource(Precision.class)
    void matrixViewsPackEveryStrideLayoutAsTheContractSpecifies(Precision precision) {
        double[] data = NaiveGemm.integers(400, 20);
        int offset = 3;
        int[][] strides = {{1, 17}, {17, 1}, {2, 37}, {19, 3}};
        for (int[] stride : strides) {
            int outerStride = stride[0];
            int depthStride = stride[1];
            Precision.Element element = (outer, depth) -> data[offset + outer * outerStride + depth * depthStride];
            for (int width : new int[] {1, 4, 5, 8, 16}) {
                double[] expected = expectedPacking(element, 200, 2, 3, 11, 1, 7, width);
                double[] actual = precision.pack(data, offset, outerStride, depthStride, 15, 9, 200, 2, 3, 11, 1, 7,
                        width);
                assertArrayEquals(expected, actual, "strides " + outerStride + "/" + depthStride + ", width " + width);
            }
        }
    }

    @Test
    void matrixViewsRefuseBlocksOutsideTheirExtent() {
        FloatMatrix view = FloatMatrix.a(4, 5, new float[20], 0, 5, false);
        assertThrows(IndexOutOfBoundsException.class, () -> view.pack(new float[100], 0, 2, 3, 0, 5, 4));
        assertThrows(IndexOutOfBoundsException.class, () -> view.pack(new float[100], 0, 0, 4, 1, 5, 4));
    }

    @ParameterizedTest
    @EnumSource(Precision.class)
    void customOperandsAreUsedOnlyThroughThePackingContract(Precision precision) {
        int m = 23;
        int n = 41;
        int k = 19;
        Precision.Element a = (i, p) -> (i * 7 + p * 3) % 5 - 2;
        Precision.Element b = (j, p) -> (j * 5 + p) % 7 - 3;
        double[] aData = new double[m * k];
        double[] bData = new double[k * n];
        for (int i = 0; i < m; i++) {
            for (int p = 0; p < k; p++) {
                aData[i * k + p] = a.at(i, p);
            }
        }
        for (int p = 0; p < k; p++) {
            for (int j = 0; j < n; j++) {
                bData[p * n + j] = b.at(j, p);
            }
        }
        double[] c = NaiveGemm.integers(m * n, 21);
        double[] expected = NaiveGemm.product(false, false, m, n, k, 2, aData, k, bData, n, -1, c, 0, n);
        assertArrayEquals(expected, precision.gemm(m, n, k, 2, a, b, -1, c, n));
    }

    @ParameterizedTest
    @EnumSource(Precision.class)
    void thePublicEntryPointMatchesTheNaiveProductWithOffsetsAndTransposes(Precision precision) {
        int m = 30;
        int n = 50;
        int k = 40;
        double[] a = NaiveGemm.integers(2 + k * (m + 1), 22);
        double[] b = NaiveGemm.integers(3 + n * (k + 2), 23);
        double[] c = NaiveGemm.integers(m * n, 24);
        double[] aAtZero = Arrays.copyOfRange(a, 2, a.length);
        double[] bAtZero = Arrays.copyOfRange(b, 3, b.length);
        double[] expected = NaiveGemm.product(true, true, m, n, k, 1, aAtZero, m + 1, bAtZero, k + 2, 1, c, 0, n);
        assertArrayEquals(expected, precision.gemm(true, true, m, n, k, 1, a, 2, m + 1, b, 3, k + 2, 1, c, 0, n));
    }
}
