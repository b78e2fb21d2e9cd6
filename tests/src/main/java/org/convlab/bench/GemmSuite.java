package org.convlab.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.convlab.kernel.DoubleGemm;
import org.convlab.kernel.FloatGemm;

/**
 * GEMM throughput: SGEMM on a square matrix and on the im2col shapes of the convolution workloads in both
 * orientations (M×K×N = pixels × CKK × filters, and filters × CKK × pixels), and DGEMM on the square
 * matrix, each with one and two threads. C = A·B with row-major, non-transposed operands and beta 0.
 */
public final class GemmSuite implements Suite {

    /** The SGEMM shapes, as {M, K, N}. */
    static final int[][] FLOAT_SHAPES = {
        {1024, 1024, 1024}, {4096, 27, 32}, {4096, 288, 64}, {32, 27, 4096}, {64, 288, 256},
    };
    /** The DGEMM shapes, as {M, K, N}. */
    static final int[][] DOUBLE_SHAPES = {{1024, 1024, 1024}};
    /** The thread budgets each shape runs with. */
    static final int[] THREADS = {1, 2};

    @Override
    public String name() {
        return "gemm";
    }

    @Override
    public String description() {
        return "SGEMM/DGEMM GFLOP/s on square and im2col shapes, 1 and 2 threads";
    }

    @Override
    public List<Workload> workloads() {
        List<Workload> workloads = new ArrayList<>();
        for (int[] shape : FLOAT_SHAPES) {
            for (int threads : THREADS) {
                workloads.add(workload("float32", shape, threads));
            }
        }
        for (int[] shape : DOUBLE_SHAPES) {
            for (int threads : THREADS) {
                workloads.add(workload("float64", shape, threads));
            }
        }
        return workloads;
    }

    private static Workload workload(String precision, int[] shape, int threads) {
        int m = shape[0];
        int k = shape[1];
        int n = shape[2];
        String dims = m + "×" + k + "×" + n;
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("shape (M×K×N)", dims);
        labels.put("precision", precision);
        String name = precision + "-" + m + "x" + k + "x" + n + "-t" + threads;
        return new Workload(name, labels, threads, 2.0 * m * n * k,
                () -> precision.equals("float32") ? sgemm(m, n, k) : dgemm(m, n, k));
    }

    private static Runnable sgemm(int m, int n, int k) {
        SplittableRandom random = new SplittableRandom(42);
        float[] a = new float[m * k];
        float[] b = new float[k * n];
        float[] c = new float[m * n];
        for (int i = 0; i < a.length; i++) {
            a[i] = (float) random.nextDouble(-1, 1);
        }
        for (int i = 0; i < b.length; i++) {
            b[i] = (float) random.nextDouble(-1, 1);
        }
        return () -> FloatGemm.gemm(false, false, m, n, k, 1f, a, 0, k, b, 0, n, 0f, c, 0, n);
    }

    private static Runnable dgemm(int m, int n, int k) {
        SplittableRandom random = new SplittableRandom(42);
        double[] a = random.doubles((long) m * k, -1, 1).toArray();
        double[] b = random.doubles((long) k * n, -1, 1).toArray();
        double[] c = new double[m * n];
        return () -> DoubleGemm.gemm(false, false, m, n, k, 1, a, 0, k, b, 0, n, 0, c, 0, n);
    }
}
