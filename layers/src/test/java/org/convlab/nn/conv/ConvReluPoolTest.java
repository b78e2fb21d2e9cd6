package org.convlab.nn.conv;

import static org.convlab.nn.conv.ConvOperands.assertAgreeToOnePartInATrillion;
import static org.convlab.nn.conv.ConvOperands.assertBitIdentical;
import static org.convlab.nn.conv.ConvOperands.assertFloat32AgreesWithFloat64;
import static org.convlab.nn.conv.ConvOperands.valueAndGradients;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import org.convlab.autograd.DType;
import org.convlab.autograd.GradCheckReport;
import org.convlab.autograd.Tensor;
import org.convlab.nn.F;
import org.convlab.nn.conv.ConvOperands.ConvOp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The fused conv – ReLU – max-pool sandwich equals the composition of conv2d, relu and maxPool2d. */
class ConvReluPoolTest {

    /** Shapes of x (N, C, H, W) and w (F, C, HH, WW), the convolution's stride and pad, and the pooling window. */
    record Case(String name, int[] x, int[] w, int stride, int pad, int poolH, int poolW, int poolStride) {
        @Override
        public String toString() {
            return name;
        }

        ConvOp sandwich() {
            return (xi, wi, bi) -> F.convReluPool(xi, wi, bi, stride, pad, poolH, poolW, poolStride);
        }

        ConvOp composition() {
            return (xi, wi, bi) -> F.maxPool2d(F.relu(F.conv2d(xi, wi, bi, stride, pad)), poolH, poolW, poolStride);
        }

        ConvOp composedFromNaive() {
            return (xi, wi, bi) -> F.maxPool2d(F.relu(F.conv2dNaive(xi, wi, bi, stride, pad)), poolH, poolW, poolStride);
        }
    }

    static Case[] cases() {
        return new Case[] {
            new Case("2×2 pool, 16 windows a row", new int[] {2, 3, 32, 32}, new int[] {4, 3, 3, 3}, 1, 1, 2, 2, 2),
            new Case("2×2 pool, 7 windows a row", new int[] {3, 2, 14, 14}, new int[] {5, 2, 5, 5}, 1, 2, 2, 2, 2),
            new Case("2×2 pool cropping an odd output", new int[] {2, 2, 7, 9}, new int[] {3, 2, 3, 3}, 1, 1, 2, 2, 2),
            new Case("3×2 pool, stride 2", new int[] {2, 2, 9, 8}, new int[] {3, 2, 3, 3}, 1, 1, 3, 2, 2),
            new Case("overlapping 3×3 pool, stride 1", new int[] {1, 2, 6, 6}, new int[] {2, 2, 3, 3}, 1, 1, 3, 3, 1),
            new Case("strided convolution", new int[] {2, 2, 11, 11}, new int[] {3, 2, 3, 3}, 2, 1, 2, 2, 2),
            new Case("batch 9", new int[] {9, 1, 8, 8}, new int[] {2, 1, 3, 3}, 1, 1, 2, 2, 2),
            new Case("convolution read in place", new int[] {2, 8, 16, 16}, new int[] {6, 8, 3, 3}, 1, 1, 2, 2, 2),
            new Case("read in place, batch 1", new int[] {1, 8, 16, 16}, new int[] {7, 8, 3, 3}, 1, 1, 3, 3, 2),
        };
    }

    /** Cases whose windows do not overlap: every convolution output gets the gradient of at most one window. */
    static Case[] disjointWindowCases() {
        return Arrays.stream(cases()).filter(c -> c.poolStride() >= Math.max(c.poolH(), c.poolW())).toArray(Case[]::new);
    }

    /** Cases small enough for finite differences to resolve every gradient. */
    static Case[] smallCases() {
        return new Case[] {
            new Case("2×2 pool", new int[] {2, 2, 6, 6}, new int[] {3, 2, 3, 3}, 1, 1, 2, 2, 2),
            new Case("3×2 pool, stride 2, cropping", new int[] {1, 2, 7, 6}, new int[] {2, 2, 3, 3}, 1, 1, 3, 2, 2),
            new Case("overlapping 3×3 pool, stride 1", new int[] {1, 1, 5, 5}, new int[] {2, 1, 3, 3}, 1, 1, 3, 3, 1),
            new Case("strided convolution", new int[] {1, 2, 9, 9}, new int[] {2, 2, 3, 3}, 2, 1, 2, 2, 2),
        };
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void equalsTheCompositionInValuesAndGradientsToOnePartInATrillion(Case c) {
        ConvOperands operands = ConvOperands.random(DType.F64, 1, c.x(), c.w());
        assertAgreeToOnePartInATrillion(operands.valueAndGradients(c.composedFromNaive()),
                operands.valueAndGradients(c.sandwich()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("disjointWindowCases")
    void equalsTheCompositionWithTheFusedConvolutionBitForBitInFloat32(Case c) {
        ConvOperands operands = ConvOperands.random(DType.F32, 4, c.x(), c.w());
        Tensor[] fused = operands.valueAndGradients(c.sandwich());
        assertBitIdentical(operands.valueAndGradients(c.composition()), fused, c);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("smallCases")
    void gradientsOfInputFiltersAndBiasPassAFloat64Check(Case c) {
        GradCheckReport report = ConvOperands.random(DType.F64, 7, c.x(), c.w()).gradCheck(c.sandwich());
        assertTrue(report.passed(), report::toString);
    }

    @Test
    void tiedMaximaSendTheGradientToTheFirstInRowMajorOrderAndNonPositiveMaximaSendNone() {
        double[] values = {
            2, 2, 0, 1, -1, -1,
            2, 1, 1, 0, -2, -1,
            0, 3, 1, 1, 0, 0,
            3, 3, 1, 1, 0, -3};
        Tensor x = Tensor.of(values, 1, 1, 4, 6).requiresGrad(true);
        Tensor w = Tensor.of(new double[] {1}, 1, 1, 1, 1).requiresGrad(true);
        Tensor b = Tensor.of(new double[] {0}, 1).requiresGrad(true);
        Tensor out = F.convReluPool(x, w, b, 1, 0, 2, 2, 2);
        assertArrayEquals(new double[] {2, 1, 0, 3, 1, 0}, out.toDoubleArray());
        out.backward(Tensor.of(new double[] {10, 20, 30, 40, 50, 60}, 1, 1, 2, 3));
        assertArrayEquals(new double[] {
            10, 0, 0, 20, 0, 0,
            0, 0, 0, 0, 0, 0,
            0, 40, 50, 0, 0, 0,
            0, 0, 0, 0, 0, 0}, x.grad().toDoubleArray());
        Tensor xc = x.detach().requiresGrad(true);
        F.maxPool2d(F.relu(F.conv2dNaive(xc, w, b, 1, 0)), 2, 2, 2).backward(
                Tensor.of(new double[] {10, 20, 30, 40, 50, 60}, 1, 1, 2, 3));
        assertArrayEquals(xc.grad().toDoubleArray(), x.grad().toDoubleArray());
    }

    @Test
    void allEqualWindowsRouteToTheirFirstElementInBothPrecisions() {
        for (DType dtype : DType.values()) {
            Tensor x = Tensor.randn(dtype, 10, 2, 3, 8, 40).requiresGrad(true);
            Tensor w = Tensor.zeros(dtype, 4, 3, 3, 3).requiresGrad(true);
            Tensor b = Tensor.of(dtype, new double[] {0.5, -0.5, 0, 2}, 4).requiresGrad(true);
            Tensor[] fused = valueAndGradients((xi, wi, bi) -> F.convReluPool(xi, wi, bi, 1, 1, 2, 2, 2), x, w, b);
            Tensor[] composed = valueAndGradients(
                    (xi, wi, bi) -> F.maxPool2d(F.relu(F.conv2dNaive(xi, wi, bi, 1, 1)), 2, 2, 2), x, w, b);
            for (int i = 0; i < fused.length; i++) {
                assertTrue(fused[i].maxRelError(composed[i]) < 1e-6, dtype + " result " + i);
            }
        }
    }

    @Test
    void oneAndTwoThreadsGiveBitIdenticalFloat32Results() {
        for (Case c : cases()) {
            ConvOperands operands = ConvOperands.random(DType.F32, 11, c.x(), c.w());
            Tensor[] one = Threads.with(1, () -> operands.valueAndGradients(c.sandwich()));
            Tensor[] two = Threads.with(2, () -> operands.valueAndGradients(c.sandwich()));
            assertBitIdentical(one, two, c);
        }
    }

    @Test
    void float32AgreesWithFloat64() {
        Case c = cases()[0];
        ConvOperands operands = ConvOperands.random(DType.F64, 14, c.x(), c.w());
        assertFloat32AgreesWithFloat64(operands.valueAndGradients(c.sandwich()),
                operands.float32().valueAndGradients(c.sandwich()));
    }

    @Test
    void aWindowThatDoesNotFitTheConvolutionsOutputIsRefusedNamingTheOpAndShapes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> F.convReluPool(Tensor.zeros(2, 3, 4, 4), Tensor.zeros(5, 3, 3, 3), Tensor.zeros(5), 1, 0, 3, 3, 1));
        assertEquals("convReluPool: pooling window must be positive and fit the convolution's output: pool 3×3, stride 1 "
                + "on [2, 5, 2, 2]", e.getMessage());
        IllegalArgumentException channels = assertThrows(IllegalArgumentException.class,
                () -> F.convReluPool(Tensor.zeros(2, 3, 4, 4), Tensor.zeros(5, 2, 3, 3), Tensor.zeros(5), 1, 1, 2, 2, 2));
        assertEquals("convReluPool: input channels differ from the weights' channels: x [2, 3, 4, 4] has 3, "
                + "w [5, 2, 3, 3] expects 2", channels.getMessage());
    }
}
