package org.convlab.nn.conv;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.util.Arrays;

import org.convlab.autograd.DType;
import org.convlab.autograd.GradCheck;
import org.convlab.autograd.GradCheckReport;
import org.convlab.autograd.Tensor;
import org.convlab.nn.F;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The fused convolution against the composed one, finite differences, threads and precisions. */
class FusedConvolutionTest {

    /** Input shape (N, C, H, W), filter shape (F, C, HH, WW), stride and pad of one test case. */
    record Case(String name, int[] x, int[] w, int stride, int pad) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Case[] cases() {
        return new Case[] {
            new Case("3×3 pad 1", new int[] {2, 3, 6, 6}, new int[] {4, 3, 3, 3}, 1, 1),
            new Case("stride 2 pad 0", new int[] {2, 2, 7, 5}, new int[] {3, 2, 3, 3}, 2, 0),
            new Case("non-square input and kernel", new int[] {3, 2, 5, 8}, new int[] {5, 2, 3, 2}, 1, 1),
            new Case("stride 2 pad 2, wide kernel", new int[] {2, 3, 9, 11}, new int[] {2, 3, 3, 5}, 2, 2),
            new Case("batch 1", new int[] {1, 2, 5, 5}, new int[] {3, 2, 3, 3}, 1, 1),
            new Case("batch 11, more than the partial sums", new int[] {11, 2, 4, 6}, new int[] {3, 2, 3, 3}, 1, 1),
            new Case("7×7 pad 3, 17 filters", new int[] {3, 3, 10, 10}, new int[] {17, 3, 7, 7}, 1, 3),
            new Case("1×1", new int[] {2, 4, 3, 5}, new int[] {6, 4, 1, 1}, 1, 0),
        };
    }

    /** The cases small enough for finite differences to resolve every gradient to 1e-7. */
    static Case[] smallCases() {
        return Arrays.stream(cases()).filter(c -> c.x()[0] * c.w()[0] <= 15).toArray(Case[]::new);
    }

    static Tensor var(DType dtype, long seed, int... shape) {
        return Tensor.randn(dtype, seed, shape).requiresGrad(true);
    }

    /** Values and gradients (x, w, b) of {@code sum(op(x, w, b) · r)} for a fixed random r. */
    static Tensor[] valueAndGradients(ConvOp op, Tensor x, Tensor w, Tensor b) {
        x.zeroGrad();
        w.zeroGrad();
        b.zeroGrad();
        Tensor out = op.apply(x, w, b);
        out.mul(Tensor.randn(out.dtype(), 99, out.shape())).sum().backward();
        return new Tensor[] {out.detach(), x.grad(), w.grad(), b.grad()};
    }

    /** A convolution-like op of (x, w, b). */
    @FunctionalInterface
    interface ConvOp {
        Tensor apply(Tensor x, Tensor w, Tensor b);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("smallCases")
    void gradientsOfInputFiltersAndBiasPassAFloat64Check(Case c) {
        Tensor x = var(DType.F64, 1, c.x());
        Tensor w = var(DType.F64, 2, c.w());
        Tensor b = var(DType.F64, 3, c.w()[0]);
        GradCheckReport report = GradCheck.check(in -> {
            Tensor out = F.conv2d(in[0], in[1], in[2], c.stride(), c.pad());
            return out.mul(Tensor.randn(DType.F64, 77, out.shape())).sum();
        }, x, w, b);
        assertTrue(report.passed(), report::toString);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void equalsTheComposedConvolutionInValuesAndGradientsToOnePartInATrillion(Case c) {
        Tensor x = var(DType.F64, 4, c.x());
        Tensor w = var(DType.F64, 5, c.w());
        Tensor b = var(DType.F64, 6, c.w()[0]);
        Tensor[] fused = valueAndGradients((xi, wi, bi) -> F.conv2d(xi, wi, bi, c.stride(), c.pad()), x, w, b);
        Tensor[] composed = valueAndGradients((xi, wi, bi) -> F.conv2dNaive(xi, wi, bi, c.stride(), c.pad()), x, w, b);
        String[] names = {"output", "dx", "dw", "db"};
        for (int i = 0; i < names.length; i++) {
            assertArrayEquals(composed[i].shape(), fused[i].shape(), names[i]);
            double error = fused[i].maxRelError(composed[i]);
            assertTrue(error < 1e-12, names[i] + ": relative error " + error);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void oneAndTwoThreadsGiveBitIdenticalFloat32Results(Case c) {
        Tensor x = var(DType.F32, 7, c.x());
        Tensor w = var(DType.F32, 8, c.w());
        Tensor b = var(DType.F32, 9, c.w()[0]);
        ConvOp conv = (xi, wi, bi) -> F.conv2d(xi, wi, bi, c.stride(), c.pad());
        Tensor[] one = Threads.with(1, () -> valueAndGradients(conv, x, w, b));
        Tensor[] two = Threads.with(2, () -> valueAndGradients(conv, x, w, b));
        for (int i = 0; i < one.length; i++) {
            assertArrayEquals(one[i].floatArray(), two[i].floatArray(), "result " + i);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void float32AgreesWithFloat64(Case c) {
        Tensor x = var(DType.F64, 10, c.x());
        Tensor w = var(DType.F64, 11, c.w());
        Tensor b = var(DType.F64, 12, c.w()[0]);
        ConvOp conv = (xi, wi, bi) -> F.conv2d(xi, wi, bi, c.stride(), c.pad());
        Tensor[] exact = valueAndGradients(conv, x, w, b);
        Tensor[] single = valueAndGradients(conv, x.detach().to(DType.F32).requiresGrad(true),
                w.detach().to(DType.F32).requiresGrad(true), b.detach().to(DType.F32).requiresGrad(true));
        for (int i = 0; i < exact.length; i++) {
            assertEquals(DType.F32, single[i].dtype());
            assertTrue(single[i].to(DType.F64).allClose(exact[i], 1e-4, 1e-4), "result " + i);
        }
    }

    @Test
    void theInputGradientIsNeitherStoredNorComputedWhenTheInputNeedsNone() {
        Tensor x = Tensor.randn(DType.F64, 13, 4, 16, 64, 64);
        Tensor w = var(DType.F64, 14, 1, 16, 3, 3);
        Tensor b = var(DType.F64, 15, 1);
        long dxBytes = 8L * x.numel();
        Tensor xWithGrad = x.detach().requiresGrad(true);
        long withoutDx = 0;
        long withDx = 0;
        for (int round = 0; round < 3; round++) {
            withoutDx = allocatedDuringBackward(x, w, b);
            withDx = allocatedDuringBackward(xWithGrad, w, b);
        }
        assertNull(x.grad());
        assertNotNull(w.grad());
        assertNotNull(b.grad());
        assertNotNull(xWithGrad.grad());
        assertTrue(withDx >= dxBytes, "a gradient for x allocates it: " + withDx + " bytes");
        assertTrue(withoutDx < dxBytes / 4, "no dx, no allocation of its size: " + withoutDx + " bytes");
    }

    /** Bytes this thread allocated during one backward pass through conv2d (warm scratch buffers). */
    private static long allocatedDuringBackward(Tensor x, Tensor w, Tensor b) {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        Tensor loss = Threads.with(1, () -> F.conv2d(x, w, b, 1, 1).sum());
        long before = threads.getCurrentThreadAllocatedBytes();
        Threads.with(1, () -> {
            loss.backward();
            return null;
        });
        return threads.getCurrentThreadAllocatedBytes() - before;
    }

    @Test
    void filterGradientsWithoutAnInputGradientEqualTheFullPass() {
        Tensor x = Tensor.randn(DType.F64, 16, 3, 2, 6, 6);
        Tensor w = var(DType.F64, 17, 4, 2, 3, 3);
        Tensor b = var(DType.F64, 18, 4);
        ConvOp conv = (xi, wi, bi) -> F.conv2d(xi, wi, bi, 1, 1);
        Tensor[] partial = valueAndGradients(conv, x, w, b);
        Tensor[] full = valueAndGradients(conv, x.detach().requiresGrad(true), w, b);
        assertArrayEquals(full[2].doubleArray(), partial[2].doubleArray());
        assertArrayEquals(full[3].doubleArray(), partial[3].doubleArray());
    }

    @Test
    void shapeErrorsNameTheOpAndBothShapesLikeTheComposedConvolution() {
        Tensor x = Tensor.zeros(2, 3, 8, 8);
        Tensor w = Tensor.zeros(4, 2, 3, 3);
        Tensor b = Tensor.zeros(4);
        IllegalArgumentException fused = assertThrows(IllegalArgumentException.class, () -> F.conv2d(x, w, b, 1, 1));
        IllegalArgumentException composed = assertThrows(IllegalArgumentException.class,
                () -> F.conv2dNaive(x, w, b, 1, 1));
        assertEquals("conv2d: input channels differ from the weights' channels: x [2, 3, 8, 8] has 3, "
                + "w [4, 2, 3, 3] expects 2", fused.getMessage());
        assertEquals(composed.getMessage().replace("conv2dNaive", "conv2d"), fused.getMessage());
        IllegalArgumentException size = assertThrows(IllegalArgumentException.class,
                () -> F.conv2d(Tensor.zeros(1, 3, 8, 8), Tensor.zeros(4, 3, 3, 3), b, 2, 0));
        assertTrue(size.getMessage().startsWith("conv2d: output H"), size.getMessage());
        IllegalArgumentException dtypes = assertThrows(IllegalArgumentException.class,
                () -> F.conv2d(Tensor.zeros(DType.F64, 1, 3, 8, 8), Tensor.zeros(4, 3, 3, 3), b, 1, 1));
        assertTrue(dtypes.getMessage().startsWith("conv2d: dtypes differ"), dtypes.getMessage());
    }
}
