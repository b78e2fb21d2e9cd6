package org.convlab.nn;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.convlab.autograd.DType;
import org.convlab.autograd.GradCheck;
import org.convlab.autograd.GradCheckReport;
import org.convlab.autograd.Tensor;
import org.junit.jupiter.api.Test;

/** Every layer and loss of the functional API passes a float64 finite-difference gradient check. */
class LayerGradientTest {
    private static Tensor var(long seed, int... shape) {
        return Tensor.randn(DType.F64, seed, shape).requiresGrad(true);
    }

    private static void check(GradCheck.ScalarFunction f, Tensor... inputs) {
        GradCheck.ScalarFunction projected = in -> {
            Tensor out = f.apply(in);
            return out.numel() == 1 ? out : out.mul(Tensor.randn(DType.F64, 77, out.shape())).sum();
        };
        GradCheckReport report = GradCheck.check(projected, inputs);
        assertTrue(report.passed(), report::toString);
    }

    @Test
    void composedConvolutionWithPaddingAndStride() {
        check(in -> F.conv2dNaive(in[0], in[1], in[2], 1, 1), var(1, 2, 3, 5, 5), var(2, 4, 3, 3, 3), var(3, 4));
        check(in -> F.conv2dNaive(in[0], in[1], in[2], 2, 0), var(4, 2, 2, 7, 5), var(5, 3, 2, 3, 3), var(6, 3));
    }

    @Test
    void composedConvolutionWithNonSquareInputAndKernel() {
        check(in -> F.conv2dNaive(in[0], in[1], in[2], 1, 1), var(7, 1, 2, 4, 6), var(8, 2, 2, 3, 2), var(9, 2));
    }

    @Test
    void relu() {
        check(in -> F.relu(in[0]), var(10, 3, 7));
    }

    @Test
    void maxPoolTwoByTwoStrideTwo() {
        check(in -> F.maxPool2d(in[0], 2, 2, 2), var(11, 2, 3, 4, 6));
    }

    @Test
    void maxPoolThreeByTwoStrideTwo() {
        check(in -> F.maxPool2d(in[0], 3, 2, 2), var(12, 2, 2, 7, 6));
    }

    @Test
    void maxPoolOverlappingThreeByThreeStrideOne() {
        check(in -> F.maxPool2d(in[0], 3, 3, 1), var(13, 1, 2, 5, 5));
    }

    @Test
    void affineFlattensTheSample() {
        check(in -> F.affine(in[0], in[1], in[2]), var(14, 4, 2, 3), var(15, 6, 5), var(16, 5));
    }

    @Test
    void batchNormInTrainingMode() {
        Tensor mean = Tensor.zeros(DType.F64, 4);
        Tensor var = Tensor.zeros(DType.F64, 4);
        check(in -> F.batchNorm(in[0], in[1], in[2], mean, var, true, 0.9, 1e-5), var(17, 6, 4), var(18, 4), var(19, 4));
    }

    @Test
    void spatialBatchNormInTrainingMode() {
        Tensor mean = Tensor.zeros(DType.F64, 3);
        Tensor var = Tensor.zeros(DType.F64, 3);
        check(in -> F.spatialBatchNorm(in[0], in[1], in[2], mean, var, true, 0.9, 1e-5),
                var(20, 2, 3, 4, 3), var(21, 3), var(22, 3));
    }

    @Test
    void dropoutWithAFixedMask() {
        check(in -> F.dropout(in[0], 0.6, true, 5), var(23, 4, 5));
    }

    @Test
    void svmLoss() {
        check(in -> F.svmLoss(in[0], new int[] {0, 3, 1, 3, 2}), var(24, 5, 4));
    }

    @Test
    void softmaxLoss() {
        check(in -> F.softmaxLoss(in[0], new int[] {0, 3, 1, 3, 2}), var(25, 5, 4));
    }

    @Test
    void l2Regularization() {
        check(in -> F.l2Regularization(0.3, in[0], in[1]), var(26, 3, 4), var(27, 5));
    }
}
