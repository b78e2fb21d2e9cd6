package org.convlab.nn.conv;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.convlab.autograd.DType;
import org.convlab.autograd.GradCheck;
import org.convlab.autograd.GradCheckReport;
import org.convlab.autograd.Tensor;

/**
 * The input x, filters w and bias b of a convolution-like op under test, all requiring gradients, and the
 * comparisons the convolution tests make of its values and gradients.
 */
record ConvOperands(Tensor x, Tensor w, Tensor b) {
    /** A convolution-like op of (x, w, b). */
    @FunctionalInterface
    interface ConvOp {
        Tensor apply(Tensor x, Tensor w, Tensor b);
    }

    /** Standard normal operands: x of {@code xShape} from {@code seed}, w of {@code wShape} from seed + 1, b from seed + 2. */
    static ConvOperands random(DType dtype, long seed, int[] xShape, int[] wShape) {
        return new ConvOperands(var(dtype, seed, xShape), var(dtype, seed + 1, wShape), var(dtype, seed + 2, wShape[0]));
    }

    /** A standard normal tensor that requires its gradient. */
    static Tensor var(DType dtype, long seed, int... shape) {
        return Tensor.randn(dtype, seed, shape).requiresGrad(true);
    }

    /** Copies of the operands in float32. */
    ConvOperands float32() {
        return new ConvOperands(x.detach().to(DType.F32).requiresGrad(true), w.detach().to(DType.F32).requiresGrad(true),
                b.detach().to(DType.F32).requiresGrad(true));
    }

    /** Values and gradients (x, w, b) of {@code sum(op(x, w, b) · r)} for a fixed random r. */
    Tensor[] valueAndGradients(ConvOp op) {
        return valueAndGradients(op, x, w, b);
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

    /** Finite differences against the gradients of {@code sum(op(x, w, b) · r)}, in float64. */
    GradCheckReport gradCheck(ConvOp op) {
        return GradCheck.check(in -> {
            Tensor out = op.apply(in[0], in[1], in[2]);
            return out.mul(Tensor.randn(DType.F64, 77, out.shape())).sum();
        }, x, w, b);
    }

    /** Asserts that the output and the gradients dx, dw, db have the same shapes and agree to 1e-12. */
    static void assertAgreeToOnePartInATrillion(Tensor[] expected, Tensor[] actual) {
        String[] names = {"output", "dx", "dw", "db"};
        for (int i = 0; i < names.length; i++) {
            assertArrayEquals(expected[i].shape(), actual[i].shape(), names[i]);
            double error = actual[i].maxRelError(expected[i]);
            assertTrue(error < 1e-12, names[i] + ": relative error " + error);
        }
    }

    /** Asserts that float32 results are the same bit for bit; {@code testCase} names the case in failures. */
    static void assertBitIdentical(Tensor[] expected, Tensor[] actual, Object testCase) {
        for (int i = 0; i < expected.length; i++) {
            assertArrayEquals(expected[i].floatArray(), actual[i].floatArray(), testCase + ", result " + i);
        }
    }

    /** Asserts that float32 results agree with the float64 ones to 1e-4. */
    static void assertFloat32AgreesWithFloat64(Tensor[] exact, Tensor[] single) {
        for (int i = 0; i < exact.length; i++) {
            assertEquals(DType.F32, single[i].dtype());
            assertTrue(single[i].to(DType.F64).allClose(exact[i], 1e-4, 1e-4), "result " + i);
        }
    }
}
