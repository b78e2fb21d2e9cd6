package org.convlab.nn.conv;

import static org.convlab.nn.conv.ConvOperands.assertAgreeToOnePartInATrillion;
import static org.convlab.nn.conv.ConvOperands.assertBitIdentical;
import static org.convlab.nn.conv.ConvOperands.assertFloat32AgreesWithFloat64;
import static org.convlab.nn.conv.ConvOperands.valueAndGradients;
import static org.convlab.nn.conv.ConvOperands.var;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.util.Arrays;

import org.convlab.autograd.DType;
import org.convlab.autograd.GradCheckReport;
import org.convlab.autograd.Tensor;
import org.convlab.nn.ConvGeometry;
import org.convlab.nn.F;
import org.convlab.nn.conv.ConvOperands.ConvOp;
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

        ConvOp conv() {
            return (xi, wi, bi) -> F.conv2d(xi, wi, bi, stride, pad);
        }

        ConvOp naive() {
            return (xi, wi, bi) -> F.conv2dNaive(xi, wi, bi, stride, pad);
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
            new Case("in place: 73 deep, rows one tile wide", new int[] {2, 8, 16, 16}, new int[] {7, 8, 3, 3}, 1, 1),
            new Case("in place, batch 1: rows in parallel", new int[] {1, 8, 16, 16}, new int[] {6, 8, 3, 3}, 1, 1),
            new Case("in place without padding", new int[] {2, 8, 18, 18}, new int[] {3, 8, 3, 3}, 1, 0),
            new Case("33 filters: their gradient reads the image in place", new int[] {3, 3, 6, 7},
                    new int[] {33, 3, 3, 3}, 1, 1),
            new Case("33 filters, stride 2", new int[] {2, 2, 9, 8}, new int[] {33, 2, 3, 2}, 2, 1),
        };
    }

    /**
     * The cases small enough for finite differences to resolve every gradient to 1e-7: at most 15 image–filter
     * pairs, each output a sum of fewer than 64 products (the others agree with the composed convolution, whose
     * gradients are checked, to one part in a trillion).
     */
    static Case[] smallCases() {
        return Arrays.stream(cases()).filter(c -> c.x()[0] * c.w()[0] <= 15 && c.w()[1] * c.w()[2] * c.w()[3] < 64)
                .toArray(Case[]::new);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("smallCases")
    void gradientsOfInputFiltersAndBiasPassAFloat64Check(Case c) {
        GradCheckReport report = ConvOperands.random(DType.F64, 1, c.x(), c.w()).gradCheck(c.conv());
        assertTrue(report.passed(), report::toString);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void equalsTheComposedConvolutionInValuesAndGradientsToOnePartInATrillion(Case c) {
        ConvOperands operands = ConvOperands.random(DType.F64, 4, c.x(), c.w());
        assertAgreeToOnePartInATrillion(operands.valueAndGradients(c.naive()), operands.valueAndGradients(c.conv()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void oneAndTwoThreadsGiveBitIdenticalFloat32Results(Case c) {
        ConvOperands operands = ConvOperands.random(DType.F32, 7, c.x(), c.w());
        Tensor[] one = Threads.with(1, () -> operands.valueAndGradients(c.conv()));
        Tensor[] two = Threads.with(2, () -> operands.valueAndGradients(c.conv()));
        assertBitIdentical(one, two, c);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void float32AgreesWithFloat64(Case c) {
        ConvOperands operands = ConvOperands.random(DType.F64, 10, c.x(), c.w());
        assertFloat32AgreesWithFloat64(operands.valueAndGradients(c.conv()), operands.float32().valueAndGradients(c.conv()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void theCasesNamedInPlaceAreTheOnesWhoseForwardPassReadsTheImageInPlace(Case c) {
        ConvGeometry g = ConvGeometry.of("conv2d", c.x(), c.w()[0], c.w()[2], c.w()[3], c.stride(), c.pad());
        boolean named = c.name().startsWith("in place");
        assertEquals(named, FloatConvolution.readsWindowsInPlace(g), "float32");
        assertEquals(named, DoubleConvolution.readsWindowsInPlace(g), "float64");
    }

    /** The cases with many filters (33) or few (at most 4); in between, the tile sizes decide. */
    static Case[] casesWithManyOrFewFilters() {
        return Arrays.stream(cases()).filter(c -> c.w()[0] >= 33 || c.w()[0] <= 4).toArray(Case[]::new);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("casesWithManyOrFewFilters")
    void filterGradientsReadTheImageInPlaceWithManyFiltersAndPackItWithFew(Case c) {
        int filters = c.w()[0];
        int rows = c.w()[1] * c.w()[2] * c.w()[3] + 1;
        assertEquals(filters <= 4, FloatConvolution.filtersMajor(filters, rows), "float32");
        assertEquals(filters <= 4, DoubleConvolution.filtersMajor(filters, rows), "float64");
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
