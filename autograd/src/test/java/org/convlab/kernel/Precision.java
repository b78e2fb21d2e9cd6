package org.convlab.kernel;

import java.util.Arrays;

/**
 * Test adapter that runs the float or the double GEMM on double-valued data, so that every behaviour is
 * specified once for both precisions. Inputs are converted to the precision, results converted back.
 */
enum Precision {
    FLOAT("Float") {
        @Override
        double[] multiply(Gemm.Kernel kernel, Blocking blocking, boolean transA, boolean transB, int m, int n, int k,
                          double alpha, double[] a, int lda, double[] b, int ldb, double beta, double[] c, int cOff,
                          int ldc) {
            float[] cf = toFloat(c);
            FloatMicroKernel micro = kernel.instantiate(prefix, FloatMicroKernel.class);
            FloatGemm.multiply(micro, blocking, m, n, k, (float) alpha, FloatMatrix.a(m, k, toFloat(a), 0, lda, transA),
                    FloatMatrix.b(k, n, toFloat(b), 0, ldb, transB), (float) beta, cf, cOff, ldc);
            return toDouble(cf);
        }

        @Override
        double[] gemm(boolean transA, boolean transB, int m, int n, int k, double alpha, double[] a, int aOff,
                      int lda, double[] b, int bOff, int ldb, double beta, double[] c, int cOff, int ldc) {
            float[] cf = toFloat(c);
            FloatGemm.gemm(transA, transB, m, n, k, (float) alpha, toFloat(a), aOff, lda, toFloat(b), bOff, ldb,
                    (float) beta, cf, cOff, ldc);
            return toDouble(cf);
        }

        @Override
        double[] gemm(int m, int n, int k, double alpha, Element a, Element b, double beta, double[] c, int ldc) {
            float[] cf = toFloat(c);
            FloatGemm.gemm(m, n, k, (float) alpha, floatOperand(a), floatOperand(b), (float) beta, cf, 0, ldc);
            return toDouble(cf);
        }

        @Override
        double[] pack(double[] data, int offset, int outerStride, int depthStride, int outerLength, int depthLength,
                      int dstLength, int dstOff, int outer0, int outerLen, int depth0, int depthLen, int width) {
            float[] dst = new float[dstLength];
            Arrays.fill(dst, -99);
            FloatMatrix.strided(outerLength, depthLength, toFloat(data), offset, outerStride, depthStride)
                    .pack(dst, dstOff, outer0, outerLen, depth0, depthLen, width);
            return toDouble(dst);
        }

        @Override
        double[] multiplyRuns(Gemm.Kernel kernel, int m, int n, int k, double[] a, double[] b, int[] rowStarts,
                              int column, double[] c, int cOff, int ldc) {
            float[] cf = toFloat(c);
            FloatMicroKernel micro = kernel.instantiate(prefix, FloatMicroKernel.class);
            float[] packed = new float[Blocking.roundUp(m, micro.mr()) * k];
            FloatMatrix.a(m, k, toFloat(a), 0, k, false).pack(packed, 0, 0, m, 0, k, micro.mr());
            FloatGemm.multiplyRuns(micro, m, n, k, packed, toFloat(b), rowStarts, column, cf, cOff, ldc);
            return toDouble(cf);
        }

        @Override
        double[] multiplyAddInPlaceA(Gemm.Kernel kernel, Blocking blocking, int m, int n, int k, double[] a,
                                     int[] aRows, int[] depths, double[] b, double[] c, int cOff, int ldc) {
            float[] cf = toFloat(c);
            FloatGemm.multiplyAddInPlaceA(kernel.instantiate(prefix, FloatMicroKernel.class), blocking, m, n, k,
                    toFloat(a), aRows, depths, FloatMatrix.b(k, n, toFloat(b), 0, n, false), cf, cOff, ldc);
            return toDouble(cf);
        }

        private FloatOperand floatOperand(Element element) {
            return (dst, dstOff, outer0, outerLen, depth0, depthLen, width) -> {
                for (int s = 0; s * width < outerLen; s++) {
                    for (int d = 0; d < depthLen; d++) {
                        for (int w = 0; w < width; w++) {
                            int outer = s * width + w;
                            dst[dstOff + s * width * depthLen + d * width + w] =
                                    outer < outerLen ? (float) element.at(outer0 + outer, depth0 + d) : 0f;
                        }
                    }
                }
            };
        }
    },
    DOUBLE("Double") {
        @Override
        double[] multiply(Gemm.Kernel kernel, Blocking blocking, boolean transA, boolean transB, int m, int n, int k,
                          double alpha, double[] a, int lda, double[] b, int ldb, double beta, double[] c, int cOff,
                          int ldc) {
            double[] cd = c.clone();
            DoubleMicroKernel micro = kernel.instantiate(prefix, DoubleMicroKernel.class);
            DoubleGemm.multiply(micro, blocking, m, n, k, alpha, DoubleMatrix.a(m, k, a.clone(), 0, lda, transA),
                    DoubleMatrix.b(k, n, b.clone(), 0, ldb, transB), beta, cd, cOff, ldc);
            return cd;
        }

        @Override
        double[] gemm(boolean transA, boolean transB, int m, int n, int k, double alpha, double[] a, int aOff,
                      int lda, double[] b, int bOff, int ldb, double beta, double[] c, int cOff, int ldc) {
            double[] cd = c.clone();
            DoubleGemm.gemm(transA, transB, m, n, k, alpha, a.clone(), aOff, lda, b.clone(), bOff, ldb, beta, cd, cOff,
                    ldc);
            return cd;
        }

        @Override
        double[] gemm(int m, int n, int k, double alpha, Element a, Element b, double beta, double[] c, int ldc) {
            double[] cd = c.clone();
            DoubleGemm.gemm(m, n, k, alpha, doubleOperand(a), doubleOperand(b), beta, cd, 0, ldc);
            return cd;
        }

        @Override
        double[] pack(double[] data, int offset, int outerStride, int depthStride, int outerLength, int depthLength,
                      int dstLength, int dstOff, int outer0, int outerLen, int depth0, int depthLen, int width) {
            double[] dst = new double[dstLength];
            Arrays.fill(dst, -99);
            DoubleMatrix.strided(outerLength, depthLength, data.clone(), offset, outerStride, depthStride)
                    .pack(dst, dstOff, outer0, outerLen, depth0, depthLen, width);
            return dst;
        }

        @Override
        double[] multiplyRuns(Gemm.Kernel kernel, int m, int n, int k, double[] a, double[] b, int[] rowStarts,
                              int column, double[] c, int cOff, int ldc) {
            double[] cd = c.clone();
            DoubleMicroKernel micro = kernel.instantiate(prefix, DoubleMicroKernel.class);
            double[] packed = new double[Blocking.roundUp(m, micro.mr()) * k];
            DoubleMatrix.a(m, k, a.clone(), 0, k, false).pack(packed, 0, 0, m, 0, k, micro.mr());
            DoubleGemm.multiplyRuns(micro, m, n, k, packed, b.clone(), rowStarts, column, cd, cOff, ldc);
            return cd;
        }

        @Override
        double[] multiplyAddInPlaceA(Gemm.Kernel kernel, Blocking blocking, int m, int n, int k, double[] a,
                                     int[] aRows, int[] depths, double[] b, double[] c, int cOff, int ldc) {
            double[] cd = c.clone();
            DoubleGemm.multiplyAddInPlaceA(kernel.instantiate(prefix, DoubleMicroKernel.class), blocking, m, n, k,
                    a.clone(), aRows, depths, DoubleMatrix.b(k, n, b.clone(), 0, n, false), cd, cOff, ldc);
            return cd;
        }

        private DoubleOperand doubleOperand(Element element) {
            return (dst, dstOff, outer0, outerLen, depth0, depthLen, width) -> {
                for (int s = 0; s * width < outerLen; s++) {
                    for (int d = 0; d < depthLen; d++) {
                        for (int w = 0; w < width; w++) {
                            int outer = s * width + w;
                            dst[dstOff + s * width * depthLen + d * width + w] =
                                    outer < outerLen ? element.at(outer0 + outer, depth0 + d) : 0;
                        }
                    }
                }
            };
        }
    };

    /** An operand's elements as a function of (outer, depth). */
    @FunctionalInterface
    interface Element {
        double at(int outer, int depth);
    }

    /** The class-name prefix of this precision's kernels. */
    final String prefix;

    Precision(String prefix) {
        this.prefix = prefix;
    }

    /** The unchecked driver with an explicit kernel and blocking, on arrays holding A and B at offset 0. */
    abstract double[] multiply(Gemm.Kernel kernel, Blocking blocking, boolean transA, boolean transB, int m, int n,
                               int k, double alpha, double[] a, int lda, double[] b, int ldb, double beta, double[] c,
                               int cOff, int ldc);

    /** The public BLAS-style entry point. */
    abstract double[] gemm(boolean transA, boolean transB, int m, int n, int k, double alpha, double[] a, int aOff,
                           int lda, double[] b, int bOff, int ldb, double beta, double[] c, int cOff, int ldc);

    /** The public operand entry point, with operands implemented in the test from their elements. */
    abstract double[] gemm(int m, int n, int k, double alpha, Element a, Element b, double beta, double[] c, int ldc);

    /**
     * {@code C = A·B} by the driver for B read in place with the given kernel: A is row-major m × k (packed
     * here), row p of B the run of {@code b} from {@code rowStarts[p] + column}.
     */
    abstract double[] multiplyRuns(Gemm.Kernel kernel, int m, int n, int k, double[] a, double[] b, int[] rowStarts,
                                   int column, double[] c, int cOff, int ldc);

    /**
     * {@code C += A·B} by the driver for A read in place with the given kernel and blocking: A's element
     * (i, p) is {@code a[aRows[i] + depths[p]]}, B is row-major k × n.
     */
    abstract double[] multiplyAddInPlaceA(Gemm.Kernel kernel, Blocking blocking, int m, int n, int k, double[] a,
                                          int[] aRows, int[] depths, double[] b, double[] c, int cOff, int ldc);

    /** Packs a block of a strided matrix into a fresh buffer pre-filled with -99. */
    abstract double[] pack(double[] data, int offset, int outerStride, int depthStride, int outerLength,
                           int depthLength, int dstLength, int dstOff, int outer0, int outerLen, int depth0,
                           int depthLen, int width);

    static float[] toFloat(double[] values) {
        float[] out = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (float) values[i];
        }
        return out;
    }

    static double[] toDouble(float[] values) {
        double[] out = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = values[i];
        }
        return out;
    }
}
