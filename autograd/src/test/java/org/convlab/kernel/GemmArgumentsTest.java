package org.convlab.kernel;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Argument validation of the public GEMM entry points: messages name gemm, the argument and the values. */
class GemmArgumentsTest {

    private static final float[] A = new float[6];
    private static final float[] B = new float[12];
    private static final float[] C = new float[8];

    private static void assertRejected(Executable call, String... fragments) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        assertTrue(e.getMessage().startsWith("gemm: "), e.getMessage());
        for (String fragment : fragments) {
            assertTrue(e.getMessage().contains(fragment), "'" + fragment + "' missing from: " + e.getMessage());
        }
    }

    @Test
    void rejectsNegativeSizes() {
        assertRejected(() -> FloatGemm.gemm(false, false, -1, 4, 3, 1, A, 0, 3, B, 0, 4, 0, C, 0, 4), "m", "-1");
        assertRejected(() -> FloatGemm.gemm(false, false, 2, -4, 3, 1, A, 0, 3, B, 0, 4, 0, C, 0, 4), "n", "-4");
        assertRejected(() -> DoubleGemm.gemm(2, 4, -3, 1, DoubleMatrix.a(0, 0, new double[0], 0, 1, false),
                DoubleMatrix.b(0, 0, new double[0], 0, 1, false), 0, new double[8], 0, 4), "k", "-3");
    }

    @Test
    void rejectsLeadingDimensionsSmallerThanTheStoredColumns() {
        assertRejected(() -> FloatGemm.gemm(false, false, 2, 4, 3, 1, A, 0, 2, B, 0, 4, 0, C, 0, 4), "lda (2)", "3");
        assertRejected(() -> FloatGemm.gemm(true, false, 2, 4, 3, 1, A, 0, 1, B, 0, 4, 0, C, 0, 4), "lda (1)", "2");
        assertRejected(() -> FloatGemm.gemm(false, true, 2, 4, 3, 1, A, 0, 3, B, 0, 2, 0, C, 0, 4), "ldb (2)", "3");
        assertRejected(() -> FloatGemm.gemm(false, false, 2, 4, 3, 1, A, 0, 3, B, 0, 4, 0, C, 0, 3), "ldc (3)", "4");
    }

    @Test
    void rejectsArraysTooShortForTheirMatrices() {
        assertRejected(() -> FloatGemm.gemm(false, false, 2, 4, 3, 1, A, 1, 3, B, 0, 4, 0, C, 0, 4),
                "a is too short", "needs 7", "a.length is 6");
        assertRejected(() -> FloatGemm.gemm(false, false, 2, 4, 3, 1, A, 0, 3, B, 0, 5, 0, C, 0, 4),
                "b is too short", "needs 14", "b.length is 12");
        assertRejected(() -> FloatGemm.gemm(false, false, 2, 4, 3, 1, A, 0, 3, B, 0, 4, 0, C, 1, 4),
                "c is too short", "needs 9", "c.length is 8");
        assertRejected(() -> FloatGemm.gemm(2, 4, 3, 1, FloatMatrix.a(2, 3, A, 0, 3, false),
                FloatMatrix.b(3, 4, B, 0, 4, false), 0, C, 0, 5), "c is too short");
    }

    @Test
    void multiplyingRunsRejectsNoDepthTooFewRowStartsAndAShortPackedA() {
        float[] packed = new float[FloatGemm.tileRows() * 3];
        assertRejected(() -> FloatGemm.multiplyRuns(2, 4, 0, packed, B, new int[0], 0, C, 0, 4), "k must be at least 1",
                "got 0");
        assertRejected(() -> FloatGemm.multiplyRuns(2, 4, 3, packed, B, new int[2], 0, C, 0, 4), "rowStarts has 2",
                "k = 3");
        assertRejected(() -> FloatGemm.multiplyRuns(2, 4, 4, packed, B, new int[4], 0, C, 0, 4), "aPacked is too short",
                "needs " + FloatGemm.tileRows() * 4);
    }

    @Test
    void addingTheProductOfAnAReadInPlaceRejectsTooFewRowStartsOrOffsets() {
        FloatMatrix b = FloatMatrix.b(3, 4, B, 0, 4, false);
        assertRejected(() -> FloatGemm.multiplyAddInPlaceA(2, 4, 3, A, new int[1], new int[3], b, C, 0, 4),
                "m = 2 row starts", "got 1 and 3");
        assertRejected(() -> FloatGemm.multiplyAddInPlaceA(2, 4, 3, A, new int[2], new int[2], b, C, 0, 4),
                "k = 3 offsets", "got 2 and 2");
    }

    @Test
    void rejectsNegativeOffsets() {
        assertRejected(() -> FloatGemm.gemm(false, false, 2, 4, 3, 1, A, -1, 3, B, 0, 4, 0, C, 0, 4), "aOff", "-1");
        assertRejected(() -> FloatGemm.gemm(false, false, 2, 4, 3, 1, A, 0, 3, B, 0, 4, 0, C, -2, 4), "cOff", "-2");
    }

    @Test
    void acceptsEmptyMatricesWithMinimalLeadingDimensions() {
        FloatGemm.gemm(false, false, 0, 0, 0, 1, new float[0], 0, 1, new float[0], 0, 1, 0, new float[0], 0, 1);
        DoubleGemm.gemm(true, true, 0, 3, 0, 1, new double[0], 0, 1, new double[0], 0, 1, 0, new double[0], 0, 3);
    }

    @Test
    void matrixViewsRejectBadShapesInTheirOwnWords() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> FloatMatrix.strided(2, 3, A, 0, 3, 2));
        assertTrue(e.getMessage().startsWith("FloatMatrix.strided: the array is too short"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> DoubleMatrix.b(3, 4, new double[12], 0, 3, false));
        assertTrue(e.getMessage().startsWith("DoubleMatrix.b: ldb (3)"), e.getMessage());
    }
}
