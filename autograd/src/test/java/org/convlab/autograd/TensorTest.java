package org.convlab.autograd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Tensor creation, data access, conversion and formatting. */
class TensorTest {
    @Test
    void factoriesFillValues() {
        assertArrayEquals(new float[6], Tensor.zeros(2, 3).floatArray());
        assertArrayEquals(new double[] {1, 1}, Tensor.ones(DType.F64, 2).doubleArray());
        assertArrayEquals(new double[] {7, 7, 7}, Tensor.full(DType.F64, 7, 3).doubleArray());
        assertArrayEquals(new double[] {1, 0, 0, 0, 1, 0, 0, 0, 1}, Tensor.eye(DType.F64, 3).toDoubleArray());
    }

    @Test
    void ofCopiesTheValuesAndKeepsTheShape() {
        double[] v = {1, 2, 3, 4, 5, 6};
        Tensor t = Tensor.of(v, 2, 3);
        v[0] = 100;
        assertEquals(1.0, t.get(0, 0));
        assertEquals(6.0, t.get(1, 2));
        assertEquals(6.0, t.get(-1, -1));
        assertArrayEquals(new int[] {2, 3}, t.shape());
        assertEquals(DType.F64, t.dtype());
        assertEquals(DType.F32, Tensor.of(new float[] {1, 2}, 2).dtype());
    }

    @Test
    void arangeFollowsNumpy() {
        assertArrayEquals(new double[] {0, 1, 2, 3}, Tensor.arange(4).toDoubleArray());
        assertArrayEquals(new double[] {1, 1.5, 2, 2.5}, Tensor.arange(DType.F64, 1, 3, 0.5).toDoubleArray());
        assertArrayEquals(new double[] {5, 3}, Tensor.arange(DType.F64, 5, 1, -2).toDoubleArray());
    }

    @Test
    void linspaceStepsByRangeOverNMinusOneAndEndsExactlyAtStop() {
        Tensor t = Tensor.linspace(DType.F64, 0, 1, 5);
        assertArrayEquals(new double[] {0, 0.25, 0.5, 0.75, 1.0}, t.toDoubleArray());
        Tensor odd = Tensor.linspace(DType.F64, 0.1, 0.7, 7);
        for (int i = 0; i < 6; i++) {
            assertEquals(0.1 + i * ((0.7 - 0.1) / 6), odd.get(i), 0.0);
        }
        assertEquals(0.7, odd.get(6), 0.0);
        assertArrayEquals(new double[] {3}, Tensor.linspace(DType.F64, 3, 9, 1).toDoubleArray());
    }

    @Test
    void sameSeedGivesSameNumbers() {
        assertArrayEquals(Tensor.randn(DType.F64, 42, 100).toDoubleArray(), Tensor.randn(DType.F64, 42, 100).toDoubleArray());
        assertFalse(Tensor.randn(DType.F64, 42, 3).allClose(Tensor.randn(DType.F64, 43, 3), 0, 0));
    }

    @Test
    void seededStreamsAreFixedAcrossJvms() {
        Rng rng = new Rng(0);
        assertEquals(0xE220A8397B1DCDAFL, rng.nextLong(), "SplitMix64's published first output for seed 0");
        assertEquals(0x6E789E6AA1B965F4L, rng.nextLong());
    }

    @Test
    void randnHasUnitVarianceAndRandIsInTheUnitInterval() {
        double[] g = Tensor.randn(DType.F64, 7, 100_000).toDoubleArray();
        double mean = 0;
        double sq = 0;
        for (double v : g) {
            mean += v;
            sq += v * v;
        }
        mean /= g.length;
        assertEquals(0.0, mean, 0.02);
        assertEquals(1.0, sq / g.length - mean * mean, 0.02);
        for (double u : Tensor.rand(DType.F64, 8, 10_000).toDoubleArray()) {
            assertTrue(u >= 0 && u < 1);
        }
    }

    @Test
    void reshapeInfersMinusOneAndSharesStorage() {
        Tensor t = Tensor.arange(DType.F32, 0, 24, 1);
        Tensor r = t.reshape(2, -1, 4);
        assertArrayEquals(new int[] {2, 3, 4}, r.shape());
        assertSame(t.floatArray(), r.floatArray());
        assertArrayEquals(new int[] {24}, r.flatten().shape());
        assertArrayEquals(new int[] {2, 12}, r.flattenFrom1().shape());
        assertArrayEquals(new int[] {2, 1, 3, 4}, r.unsqueeze(1).shape());
        assertArrayEquals(new int[] {2, 3, 4}, r.unsqueeze(1).squeeze(1).shape());
    }

    @Test
    void transposeAndPermuteMoveData() {
        Tensor t = Tensor.of(new double[] {1, 2, 3, 4, 5, 6}, 2, 3);
        assertArrayEquals(new double[] {1, 4, 2, 5, 3, 6}, t.transpose().toDoubleArray());
        Tensor cube = Tensor.arange(DType.F64, 0, 24, 1).reshape(2, 3, 4);
        Tensor p = cube.permute(2, 0, 1);
        assertArrayEquals(new int[] {4, 2, 3}, p.shape());
        assertEquals(cube.get(1, 2, 3), p.get(3, 1, 2));
        assertEquals(cube.get(0, 1, 2), cube.transpose(0, 2).get(2, 1, 0));
    }

    @Test
    void sliceCopiesARange() {
        Tensor t = Tensor.arange(DType.F64, 0, 12, 1).reshape(3, 4);
        assertArrayEquals(new double[] {4, 5, 6, 7, 8, 9, 10, 11}, t.slice(0, 1, 3).toDoubleArray());
        assertArrayEquals(new double[] {2, 3, 6, 7, 10, 11}, t.slice(1, -2, 4).toDoubleArray());
    }

    @Test
    void conversionRoundsToFloat() {
        Tensor d = Tensor.of(new double[] {0.1, 1e-50}, 2);
        Tensor f = d.to(DType.F32);
        assertEquals(DType.F32, f.dtype());
        assertEquals(0.1f, f.floatArray()[0]);
        assertEquals(0.0f, f.floatArray()[1]);
        assertArrayEquals(new float[] {0.1f, 0f}, d.toFloatArray());
        assertArrayEquals(new double[] {(double) 0.1f, 0}, f.toDoubleArray());
        assertNotSame(d.doubleArray(), d.to(DType.F64).doubleArray());
    }

    @Test
    void itemReadsTheOnlyElement() {
        assertEquals(3.0, Tensor.scalar(DType.F64, 3).item());
        assertEquals(10.0, Tensor.arange(5).sum().item());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Tensor.zeros(2).item());
        assertEquals("item: tensor must have exactly one element: shape [2]", e.getMessage());
    }

    @Test
    void allCloseUsesRelativeAndAbsoluteTolerance() {
        Tensor a = Tensor.vector(1.0, 100.0);
        assertTrue(a.allClose(Tensor.vector(1.0 + 1e-9, 100.0 + 1e-6), 1e-7, 1e-8));
        assertFalse(a.allClose(Tensor.vector(1.1, 100.0), 1e-7, 1e-8));
        assertFalse(a.allClose(Tensor.vector(1.0), 1, 1), "different shapes are never close");
    }

    @Test
    void maxRelErrorIsTheCs231nMeasure() {
        Tensor x = Tensor.vector(1.0, 0.0, 2.0);
        Tensor y = Tensor.vector(1.1, 0.0, 2.0);
        assertEquals(0.1 / 2.1, x.maxRelError(y), 1e-15);
        assertEquals(1e-9 / 1e-8, Tensor.relError(1e-9, 0), 1e-15);
    }

    @Test
    void toStringShowsValuesDtypeAndGradFunction() {
        Tensor t = Tensor.of(new double[] {1, 2.5, -3, 4}, 2, 2);
        assertEquals("tensor([[ 1.0000,  2.5000],\n        [-3.0000,  4.0000]], dtype=float64)", t.toString());
        assertEquals("tensor([0., 1., 2.], dtype=float32)", Tensor.arange(3).toString());
        Tensor w = Tensor.ones(2).requiresGrad(true);
        assertEquals("tensor([1., 1.], dtype=float32, requiresGrad=true)", w.toString());
        assertTrue(w.mul(2).toString().endsWith("gradFn=mul_scalar)"));
    }

    @Test
    void toStringSummarisesLargeTensors() {
        String s = Tensor.zeros(100, 100).toString();
        assertTrue(s.contains("..."), s);
        assertTrue(s.length() < 400, s);
    }

    @Test
    void zeroOrNegativeDimensionsAreRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Tensor.zeros(3, 0));
        assertEquals("zeros: dimensions must be positive: got [3, 0]", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Tensor.ones(-1));
    }

    @Test
    void dataOfTheWrongLengthIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Tensor.of(new double[] {1, 2, 3}, 2, 2));
        assertEquals("of: data length does not match the shape: 3 values for shape [2, 2] (4 elements)", e.getMessage());
    }

    @Test
    void indicesAreChecked() {
        Tensor t = Tensor.zeros(2, 3);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> t.get(2, 0));
        assertEquals("get: index out of range: index [2, 0] for shape [2, 3]", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> t.get(0));
    }

    @Test
    void inPlaceUpdatesOfVariablesNeedNoGrad() {
        Tensor w = Tensor.ones(DType.F64, 3).requiresGrad(true);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> w.addInPlace(1, Tensor.ones(DType.F64, 3)));
        assertTrue(e.getMessage().startsWith("addInPlace: in-place change of a tensor that requires grad"), e.getMessage());
        try (NoGrad off = NoGrad.begin()) {
            w.addInPlace(-0.5, Tensor.ones(DType.F64, 3)).mulInPlace(4);
        }
        assertArrayEquals(new double[] {2, 2, 2}, w.toDoubleArray());
    }
}
