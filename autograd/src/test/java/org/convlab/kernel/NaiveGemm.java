package org.convlab.kernel;

import java.util.SplittableRandom;

/** The specification GEMM: a triple loop accumulating in double, plus test data generators. */
final class NaiveGemm {

    private NaiveGemm() {
    }

    /**
     * Returns a copy of {@code c} with {@code C = alpha · op(A)·op(B) + beta · C} on the m × n window at
     * {@code cOff}; with beta zero the old C is ignored. A and B start at offset 0 of their arrays.
     */
    static double[] product(boolean transA, boolean transB, int m, int n, int k, double alpha, double[] a, int lda,
                            double[] b, int ldb, double beta, double[] c, int cOff, int ldc) {
        double[] out = c.clone();
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double sum = 0;
                for (int p = 0; p < k; p++) {
                    double aip = transA ? a[p * lda + i] : a[i * lda + p];
                    double bpj = transB ? b[j * ldb + p] : b[p * ldb + j];
                    sum += aip * bpj;
                }
                int at = cOff + i * ldc + j;
                out[at] = alpha * sum + (beta == 0 ? 0 : beta * c[at]);
            }
        }
        return out;
    }

    /**
     * Small integers in [-3, 3]: every product and sum the tests form is exact in float and double, so the
     * GEMM must match the reference exactly whatever its summation order.
     */
    static double[] integers(int length, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] values = new double[length];
        for (int i = 0; i < length; i++) {
            values[i] = random.nextInt(-3, 4);
        }
        return values;
    }

    /** Uniform reals in [-1, 1). */
    static double[] reals(int length, long seed) {
        return new SplittableRandom(seed).doubles(length, -1, 1).toArray();
    }
}
