package org.convlab.nn.conv;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Arrays;
import java.util.SplittableRandom;

import org.convlab.kernel.DoubleOperand;
import org.convlab.kernel.FloatOperand;
import org.convlab.nn.ConvGeometry;
import org.junit.jupiter.api.Test;

/** The im2col operands and the prepacked filters keep the GEMM's packing contract exactly. */
class Im2colOperandTest {
    private static final int[][] GEOMETRIES = {
        // N, C, H, W, F, HH, WW, stride, pad
        {2, 3, 6, 6, 4, 3, 3, 1, 1},
        {2, 2, 9, 11, 3, 3, 5, 2, 2},
        {1, 2, 5, 8, 2, 3, 2, 1, 0},
        {2, 1, 28, 28, 8, 5, 5, 1, 2},
        {1, 3, 10, 10, 2, 7, 7, 1, 3},
        {2, 8, 14, 14, 16, 5, 5, 1, 2},
    };

    private static ConvGeometry geometry(int[] s) {
        return ConvGeometry.of("test", new int[] {s[0], s[1], s[2], s[3]}, s[4], s[5], s[6], s[7], s[8]);
    }

    /** The im2col matrix with its row of ones, by definition: R rows, P columns. */
    private static double[][] im2col(ConvGeometry g, double[] x, int n) {
        int taps = g.channels() * g.kernelH() * g.kernelW();
        double[][] m = new double[taps + 1][g.outH() * g.outW()];
        for (int c = 0; c < g.channels(); c++) {
            for (int i = 0; i < g.kernelH(); i++) {
                for (int j = 0; j < g.kernelW(); j++) {
                    int r = (c * g.kernelH() + i) * g.kernelW() + j;
                    for (int y = 0; y < g.outH(); y++) {
                        for (int xo = 0; xo < g.outW(); xo++) {
                            int iy = y * g.stride() + i - g.pad();
                            int ix = xo * g.stride() + j - g.pad();
                            boolean inside = iy >= 0 && iy < g.height() && ix >= 0 && ix < g.width();
                            m[r][y * g.outW() + xo] = inside
                                    ? x[((n * g.channels() + c) * g.height() + iy) * g.width() + ix] : 0;
                        }
                    }
                }
            }
        }
        Arrays.fill(m[taps], 1);
        return m;
    }

    /** The contract's layout of a block, -99 outside the packed slivers (which must stay untouched). */
    private static double[] expected(double[][] m, boolean byPixel, int length, int dstOff, int outer0, int outerLen,
                                     int depth0, int depthLen, int width) {
        double[] dst = new double[length];
        Arrays.fill(dst, -99);
        for (int s = 0; s * width < outerLen; s++) {
            for (int d = 0; d < depthLen; d++) {
                for (int w = 0; w < width; w++) {
                    int outer = s * width + w;
                    double value = 0;
                    if (outer < outerLen) {
                        value = byPixel ? m[depth0 + d][outer0 + outer] : m[outer0 + outer][depth0 + d];
                    }
                    dst[dstOff + s * width * depthLen + d * width + w] = value;
                }
            }
        }
        return dst;
    }

    @Test
    void bothViewsPackEveryBlockAsTheContractSpecifiesInBothPrecisions() {
        SplittableRandom random = new SplittableRandom(3);
        for (int[] spec : GEOMETRIES) {
            ConvGeometry g = geometry(spec);
            Im2colLayout layout = Im2colLayout.of(g);
            double[] x = random.doubles((long) g.batch() * g.channels() * g.height() * g.width(), -1, 1).toArray();
            float[] xf = new float[x.length];
            for (int i = 0; i < x.length; i++) {
                x[i] = (float) x[i];
                xf[i] = (float) x[i];
            }
            int rows = layout.taps() + 1;
            int pixels = g.outH() * g.outW();
            for (boolean byPixel : new boolean[] {true, false}) {
                int outerAll = byPixel ? pixels : rows;
                int depthAll = byPixel ? rows : pixels;
                for (int width : new int[] {1, 4, 5, 8, 16}) {
                    for (int trial = 0; trial < 6; trial++) {
                        int outer0 = trial == 0 ? 0 : random.nextInt(outerAll);
                        int outerLen = trial == 0 ? outerAll : 1 + random.nextInt(outerAll - outer0);
                        int depth0 = trial == 0 ? 0 : random.nextInt(depthAll);
                        int depthLen = trial == 0 ? depthAll : 1 + random.nextInt(depthAll - depth0);
                        int dstOff = random.nextInt(5);
                        int length = dstOff + (outerLen + width - 1) / width * width * depthLen + 3 + random.nextInt(20);
                        int n = random.nextInt(g.batch());
                        double[] want = expected(im2col(g, x, n), byPixel, length, dstOff, outer0, outerLen, depth0,
                                depthLen, width);
                        double[] gotDouble = new double[length];
                        Arrays.fill(gotDouble, -99);
                        DoubleOperand doubles = DoubleIm2col.of(layout, x, n, new double[layout.paddedSize()], byPixel);
                        doubles.pack(gotDouble, dstOff, outer0, outerLen, depth0, depthLen, width);
                        float[] gotFloat = new float[length];
                        Arrays.fill(gotFloat, -99);
                        FloatOperand floats = FloatIm2col.of(layout, xf, n, new float[layout.paddedSize()], byPixel);
                        floats.pack(gotFloat, dstOff, outer0, outerLen, depth0, depthLen, width);
                        String where = Arrays.toString(spec) + (byPixel ? " by pixel" : " by row") + ", width " + width
                                + ", outer " + outer0 + "+" + outerLen + ", depth " + depth0 + "+" + depthLen;
                        assertArrayEquals(want, gotDouble, where);
                        double[] widened = new double[length];
                        for (int i = 0; i < length; i++) {
                            widened[i] = gotFloat[i];
                        }
                        assertArrayEquals(want, widened, where + " (float)");
                    }
                }
            }
        }
    }

    @Test
    void prepackedOperandsCopyTheirSliversAndDelegateOtherBlocks() {
        SplittableRandom random = new SplittableRandom(4);
        int outer = 23;
        int depth = 17;
        double[] data = random.doubles(outer * depth, -1, 1).toArray();
        DoubleOperand source = org.convlab.kernel.DoubleMatrix.a(outer, depth, data, 0, depth, false);
        DoublePrepacked prepacked = new DoublePrepacked(source, outer, depth, 5,
                new double[DoublePrepacked.size(outer, depth, 5)]);
        int[][] blocks = {{0, 23, 0, 17, 5}, {5, 10, 3, 9, 5}, {10, 13, 16, 1, 5}, {3, 7, 2, 5, 5}, {0, 23, 0, 17, 4}};
        for (int[] b : blocks) {
            int length = 5 * 5 * 17 + 10;
            double[] want = new double[length];
            double[] got = new double[length];
            Arrays.fill(want, -99);
            Arrays.fill(got, -99);
            source.pack(want, 2, b[0], b[1], b[2], b[3], b[4]);
            prepacked.pack(got, 2, b[0], b[1], b[2], b[3], b[4]);
            assertArrayEquals(want, got, Arrays.toString(b));
        }
    }
}
