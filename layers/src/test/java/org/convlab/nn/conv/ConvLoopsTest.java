package org.convlab.nn.conv;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/**
 * The Vector API loops, when the JVM has them, give exactly the plain loops' results, and write nothing at
 * or after the limits they are given.
 */
class ConvLoopsTest {
    private static final FloatConvLoops PLAIN = new FloatConvLoops();
    private static final FloatConvLoops ACTIVE = FloatConvLoops.ACTIVE;

    private static float[] randomFloats(SplittableRandom random, int n) {
        float[] a = new float[n];
        for (int i = 0; i < n; i++) {
            a[i] = (float) random.nextDouble(-1, 1);
        }
        return a;
    }

    @Test
    void copiesAndAdditionsOfEveryLengthMatch() {
        SplittableRandom random = new SplittableRandom(5);
        float[] src = randomFloats(random, 100);
        for (int length = 0; length <= 40; length++) {
            float[] plain = randomFloats(new SplittableRandom(length), 100);
            float[] active = plain.clone();
            PLAIN.copy(src, 7, plain, 3, length);
            ACTIVE.copy(src, 7, active, 3, length);
            assertArrayEquals(plain, active, "copy of " + length);
            PLAIN.add(src, 11, plain, 50, length);
            ACTIVE.add(src, 11, active, 50, length);
            assertArrayEquals(plain, active, "add of " + length);
        }
    }

    @Test
    void runsAddExactlyAndLeaveEverythingElseEqual() {
        SplittableRandom random = new SplittableRandom(9);
        float[] src = randomFloats(random, 600);
        for (int length : new int[] {1, 5, 8, 14, 16, 23, 32}) {
            for (int count : new int[] {1, 7, 14}) {
                int dstStep = length + 4;
                float[] plain = randomFloats(new SplittableRandom(length * 31L + count), count * dstStep + 10);
                float[] active = plain.clone();
                PLAIN.addRuns(src, 3, length + 1, plain, 2, dstStep, count, length);
                ACTIVE.addRuns(src, 3, length + 1, active, 2, dstStep, count, length);
                assertArrayEquals(plain, active, length + " values, " + count + " runs");
            }
        }
    }

    @Test
    void windowsLandExactlyAndNothingIsWrittenFromTheLimitOn() {
        SplittableRandom random = new SplittableRandom(6);
        float[] src = randomFloats(random, 300);
        for (int length = 1; length <= 9; length++) {
            for (int step : new int[] {length, length + 1, 16}) {
                for (int count : new int[] {1, 3, 14, 32}) {
                    int from = 300 - (count - 1) - 12 - random.nextInt(2);
                    int limit = 5 + (count - 1) * step + length;
                    float[] plain = new float[limit + 20];
                    float[] active = new float[limit + 20];
                    Arrays.fill(plain, 7);
                    Arrays.fill(active, 7);
                    PLAIN.copyWindows(src, from, 1, plain, 5, step, count, length, limit);
                    ACTIVE.copyWindows(src, from, 1, active, 5, step, count, length, limit);
                    for (int i = 0; i < count; i++) {
                        for (int l = 0; l < length; l++) {
                            assertEquals(plain[5 + i * step + l], active[5 + i * step + l]);
                        }
                    }
                    for (int i = limit; i < active.length; i++) {
                        assertEquals(7f, active[i], "written at or after the limit");
                    }
                }
            }
        }
    }

    @Test
    void pooledValuesAndPositionsMatchWithTiesNegativesAndNaN() {
        SplittableRandom random = new SplittableRandom(8);
        for (int windows : new int[] {1, 7, 8, 14, 16, 33}) {
            int rowStride = 2 * windows + 3;
            float[] conv = new float[2 * rowStride + 5];
            for (int i = 0; i < conv.length; i++) {
                conv[i] = (float) random.nextInt(-2, 3);
            }
            conv[4] = Float.NaN;
            float[] plainOut = new float[windows + 2];
            float[] activeOut = new float[windows + 2];
            int[] plainArg = new int[windows + 2];
            int[] activeArg = new int[windows + 2];
            PLAIN.reluPool2x2(conv, 1, rowStride, windows, plainOut, plainArg, 1);
            ACTIVE.reluPool2x2(conv, 1, rowStride, windows, activeOut, activeArg, 1);
            assertArrayEquals(plainOut, activeOut, windows + " windows");
            assertArrayEquals(plainArg, activeArg, windows + " windows");
        }
    }
}
