package org.convlab.kernel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The GEMM driver with every kernel (scalar, both vector tile shapes) in both precisions, with the tuned
 * blocking and with a tiny blocking that forces several blocks in every loop of the driver.
 */
class GemmTest {

    /** Forces several row, depth and column blocks even on small matrices. */
    static final Blocking TINY = new Blocking(1, 5, 1);

    /** A precision, a kernel family and a blocking. */
    record Setup(Precision precision, Gemm.Kernel kernel, Blocking blocking) {
        @Override
        public String toString() {
            return precision + " " + kernel + (blocking == TINY ? " tiny blocks" : "");
        }

        double[] multiply(boolean transA, boolean transB, int m, int n, int k, double alpha, double[] a, int lda,
                          double[] b, int ldb, double beta, double[] c, int cOff, int ldc) {
            return precision.multiply(kernel, blocking, transA, transB, m, n, k, alpha, a, lda, b, ldb, beta, c, cOff,
                    ldc);
        }

        /** Whether the kernel runs natively here (512-bit vectors on a 256-bit CPU run in plain Java, slowly). */
        boolean fast() {
            return kernel != Gemm.Kernel.VECTOR_512 || Gemm.active() == Gemm.Kernel.VECTOR_512;
        }
    }

    static Stream<Setup> setups() {
        List<Setup> setups = new ArrayList<>();
        for (Precision precision : Precision.values()) {
            for (Gemm.Kernel kernel : Gemm.Kernel.values()) {
                setups.add(new Setup(precision, kernel, defaultBlocking(precision)));
                setups.add(new Setup(precision, kernel, TINY));
            }
        }
        return setups.stream();
    }

    private static Blocking defaultBlocking(Precision precision) {
        return precision == Precision.FLOAT ? FloatGemm.blocking() : DoubleGemm.blocking();
    }

    static Stream<Arguments> setupsAndSizes() {
        int[][] sizes = {
            {1, 1, 1}, {1, 7, 33}, {7, 1, 33}, {7, 33, 1}, {33, 33, 33}, {7, 7, 7}, {17, 19, 23}, {64, 48, 96},
            {257, 33, 7}, {7, 257, 33}, {33, 7, 257}, {100, 100, 300},
        };
        return setups().flatMap(setup -> Arrays.stream(sizes)
                .filter(size -> setup.fast() || (long) size[0] * size[1] * size[2] <= 60_000)
                .map(size -> Arguments.of(setup, size[0], size[1], size[2])));
    }

    @ParameterizedTest(name = "{0}: m={1} n={2} k={3}")
    @MethodSource("setupsAndSizes")
    void matchesTheNaiveProductOnAwkwardSizes(Setup setup, int m, int n, int k) {
        double[] a = NaiveGemm.integers(m * k, 1);
        double[] b = NaiveGemm.integers(k * n, 2);
        double[] c = new double[m * n];
        double[] expected = NaiveGemm.product(false, false, m, n, k, 1, a, k, b, n, 0, c, 0, n);
        assertArrayEquals(expected, setup.multiply(false, false, m, n, k, 1, a, k, b, n, 0, c, 0, n));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("setups")
    void supportsAllFourTransposeCombinations(Setup setup) {
        int m = 13;
        int n = 21;
        int k = 11;
        double[] c = NaiveGemm.integers(m * n, 3);
        for (boolean transA : new boolean[] {false, true}) {
            for (boolean transB : new boolean[] {false, true}) {
                int lda = transA ? m : k;
                int ldb = transB ? k : n;
                double[] a = NaiveGemm.integers(m * k, 4);
                double[] b = NaiveGemm.integers(k * n, 5);
                double[] expected = NaiveGemm.product(transA, transB, m, n, k, 1, a, lda, b, ldb, 1, c, 0, n);
                assertArrayEquals(expected, setup.multiply(transA, transB, m, n, k, 1, a, lda, b, ldb, 1, c, 0, n),
                        "transA=" + transA + " transB=" + transB);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("setups")
    void scalesTheProductByAlphaAndTheOldCByBeta(Setup setup) {
        int m = 12;
        int n = 35;
        int k = 9;
        double[] a = NaiveGemm.integers(m * k, 6);
        double[] b = NaiveGemm.integers(k * n, 7);
        double[] c = NaiveGemm.integers(m * n, 8);
        for (double[] alphaBeta : new double[][] {{0.5, -2}, {-1, 1}, {2, 0.25}, {0, 3}, {0, 0}}) {
            double alpha = alphaBeta[0];
            double beta = alphaBeta[1];
            double[] expected = NaiveGemm.product(false, false, m, n, k, alpha, a, k, b, n, beta, c, 0, n);
            assertArrayEquals(expected, setup.multiply(false, false, m, n, k, alpha, a, k, b, n, beta, c, 0, n),
                    "alpha=" + alpha + " beta=" + beta);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("setups")
    void betaZeroOverwritesNaNGarbageInC(Setup setup) {
        int m = 11;
        int n = 40;
        int k = 6;
        double[] a = NaiveGemm.integers(m * k, 9);
        double[] b = NaiveGemm.integers(k * n, 10);
        double[] garbage = new double[m * n];
        Arrays.fill(garbage, Double.NaN);
        double[] expected = NaiveGemm.product(false, false, m, n, k, 1, a, k, b, n, 0, new double[m * n], 0, n);
        assertArrayEquals(expected, setup.multiply(false, false, m, n, k, 1, a, k, b, n, 0, garbage, 0, n));
        assertArrayEquals(new double[m * n], setup.multiply(false, false, m, n, 0, 1, a, k, b, n, 0, garbage, 0, n),
                "k = 0");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("setups")
    void writesOnlyTheWindowOfCAtItsOffsetAndRowStride(Setup setup) {
        int m = 9;
        int n = 18;
        int k = 7;
        int cOff = 5;
        int ldc = n + 6;
        int lda = k + 3;
        int ldb = n + 2;
        double[] a = NaiveGemm.integers(m * lda, 11);
        double[] b = NaiveGemm.integers(k * ldb, 12);
        double[] c = NaiveGemm.integers(cOff + m * ldc + 4, 13);
        double[] expected = NaiveGemm.product(false, false, m, n, k, 1, a, lda, b, ldb, 1, c, cOff, ldc);
        assertArrayEquals(expected, setup.multiply(false, false, m, n, k, 1, a, lda, b, ldb, 1, c, cOff, ldc));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("setups")
    void multiplyingRunsInPlaceEqualsTheProductOfTheMatrixTheyForm(Setup setup) {
        int m = 11;
        int n = 37;
        int k = 9;
        int column = 4;
        int cOff = 3;
        int ldc = n + 5;
        int[] rowStarts = new int[k];
        double[] bDense = new double[k * n];
        double[] b = NaiveGemm.integers(k * 61 + column + n + 64, 21);
        for (int p = 0; p < k; p++) {
            rowStarts[p] = (p * 7919) % (k * 61);
            System.arraycopy(b, rowStarts[p] + column, bDense, p * n, n);
        }
        double[] a = NaiveGemm.integers(m * k, 22);
        double[] c = NaiveGemm.integers(cOff + m * ldc + 4, 23);
        double[] expected = NaiveGemm.product(false, false, m, n, k, 1, a, k, bDense, n, 0, c, cOff, ldc);
        assertArrayEquals(expected,
                setup.precision().multiplyRuns(setup.kernel(), m, n, k, a, b, rowStarts, column, c, cOff, ldc));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("setups")
    void addingTheProductOfAnAReadInPlaceEqualsAddingTheProductOfTheMatrixItForms(Setup setup) {
        int m = 11;
        int n = 37;
        int k = 13;
        int cOff = 3;
        int ldc = n + 5;
        double[] a = NaiveGemm.integers(500, 31);
        int[] aRows = new int[m];
        int[] depths = new int[k];
        for (int i = 0; i < m; i++) {
            aRows[i] = (i * 37) % 200;
        }
        for (int p = 0; p < k; p++) {
            depths[p] = (p * 101) % 290;
        }
        double[] aDense = new double[m * k];
        for (int i = 0; i < m; i++) {
            for (int p = 0; p < k; p++) {
                aDense[i * k + p] = a[aRows[i] + depths[p]];
            }
        }
        double[] b = NaiveGemm.integers(k * n, 32);
        double[] c = NaiveGemm.integers(cOff + m * ldc + 4, 33);
        double[] expected = NaiveGemm.product(false, false, m, n, k, 1, aDense, k, b, n, 1, c, cOff, ldc);
        assertArrayEquals(expected, setup.precision().multiplyAddInPlaceA(setup.kernel(), setup.blocking(), m, n, k, a,
                aRows, depths, b, c, cOff, ldc));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("setups")
    void givesBitIdenticalResultsOnOneAndTwoThreads(Setup setup) {
        int poolSize = Parallel.poolSize();
        Parallel.setPoolSize(Math.max(2, poolSize));
        try {
            for (int[] size : new int[][] {{90, 200, 60}, {200, 90, 60}}) {
                int m = size[0];
                int n = size[1];
                int k = setup.fast() ? size[2] : 15;
                double[] a = NaiveGemm.reals(m * k, 14);
                double[] b = NaiveGemm.reals(k * n, 15);
                double[] c = NaiveGemm.reals(m * n, 16);
                double[] one = Parallel.withThreads(1,
                        () -> setup.multiply(false, false, m, n, k, 0.7, a, k, b, n, 0.3, c, 0, n));
                double[] two = Parallel.withThreads(2,
                        () -> setup.multiply(false, false, m, n, k, 0.7, a, k, b, n, 0.3, c, 0, n));
                assertArrayEquals(one, two, m + "×" + n + "×" + k);
            }
        } finally {
            Parallel.setPoolSize(poolSize);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("setups")
    void matchesTheNaiveProductOnRealDataWithinRoundingError(Setup setup) {
        int m = 37;
        int n = 45;
        int k = setup.fast() ? 300 : 40;
        double[] a = NaiveGemm.reals(m * k, 17);
        double[] b = NaiveGemm.reals(k * n, 18);
        double[] c = NaiveGemm.reals(m * n, 19);
        if (setup.precision() == Precision.FLOAT) {
            a = Precision.toDouble(Precision.toFloat(a));
            b = Precision.toDouble(Precision.toFloat(b));
            c = Precision.toDouble(Precision.toFloat(c));
        }
        double[] expected = NaiveGemm.product(false, false, m, n, k, 1.5, a, k, b, n, -0.5, c, 0, n);
        double[] actual = setup.multiply(false, false, m, n, k, 1.5, a, k, b, n, -0.5, c, 0, n);
        double unit = setup.precision() == Precision.FLOAT ? 0x1p-24 : 0x1p-53;
        double bound = 2 * k * k * unit;
        for (int i = 0; i < expected.length; i++) {
            assertTrue(Math.abs(expected[i] - actual[i]) <= bound,
                    "element " + i + ": expected " + expected[i] + " but was " + actual[i]);
        }
    }
}
