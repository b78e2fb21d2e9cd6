package org.convlab.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

import org.convlab.autograd.Rng;
import org.convlab.autograd.Tensor;
import org.junit.jupiter.api.Test;

/** Random crop with zero padding and horizontal flip. */
class AugmentationTest {
    private static final int N = 64;
    private static final int C = 2;
    private static final int H = 5;
    private static final int W = 6;

    /** Every pixel distinct and non-zero: value 1 + its index within the image. */
    private static Tensor distinctImages() {
        float[] values = new float[N * C * H * W];
        for (int i = 0; i < values.length; i++) {
            values[i] = 1 + i % (C * H * W);
        }
        return Tensor.of(values, N, C, H, W);
    }

    private static float at(float[] values, int n, int c, int y, int x) {
        return values[((n * C + c) * H + y) * W + x];
    }

    @Test
    void augmentationKeepsTheShape() {
        Augmentation both = Augmentation.builder().randomCrop(2).horizontalFlip(true).build();
        assertArrayEquals(new int[] {N, C, H, W}, both.apply(distinctImages(), new Rng(1)).shape());
    }

    @Test
    void flipEitherMirrorsAnImageOrLeavesItAndDoesBoth() {
        Augmentation flip = Augmentation.builder().horizontalFlip(true).build();
        float[] in = distinctImages().toFloatArray();
        float[] out = flip.apply(distinctImages(), new Rng(2)).toFloatArray();
        int mirrored = 0;
        for (int n = 0; n < N; n++) {
            boolean isMirror = true;
            boolean isSame = true;
            for (int c = 0; c < C; c++) {
                for (int y = 0; y < H; y++) {
                    for (int x = 0; x < W; x++) {
                        isMirror &= at(out, n, c, y, x) == at(in, n, c, y, W - 1 - x);
                        isSame &= at(out, n, c, y, x) == at(in, n, c, y, x);
                    }
                }
            }
            assertTrue(isMirror || isSame, "image " + n);
            mirrored += isMirror ? 1 : 0;
        }
        assertTrue(mirrored > N / 4 && mirrored < 3 * N / 4, mirrored + " of " + N + " mirrored, expected about half");
    }

    @Test
    void cropShiftsTheContentByAtMostThePaddingAndFillsWithZeros() {
        int pad = 2;
        Augmentation crop = Augmentation.builder().randomCrop(pad).build();
        float[] in = distinctImages().toFloatArray();
        float[] out = crop.apply(distinctImages(), new Rng(3)).toFloatArray();
        Set<String> shifts = new HashSet<>();
        for (int n = 0; n < N; n++) {
            shifts.add(findShift(in, out, n, pad));
        }
        assertTrue(shifts.size() > 15, "64 draws from the 5×5 offsets should show most of them: " + shifts);
    }

    /** The (dy, dx) with out[y][x] = in[y + dy][x + dx] inside and 0 outside, or a failure. */
    private static String findShift(float[] in, float[] out, int n, int pad) {
        for (int dy = -pad; dy <= pad; dy++) {
            for (int dx = -pad; dx <= pad; dx++) {
                if (isShift(in, out, n, dy, dx)) {
                    return dy + "," + dx;
                }
            }
        }
        return fail("image " + n + " is not a shifted copy of its input");
    }

    private static boolean isShift(float[] in, float[] out, int n, int dy, int dx) {
        for (int c = 0; c < C; c++) {
            for (int y = 0; y < H; y++) {
                for (int x = 0; x < W; x++) {
                    boolean inside = y + dy >= 0 && y + dy < H && x + dx >= 0 && x + dx < W;
                    float expected = inside ? at(in, n, c, y + dy, x + dx) : 0f;
                    if (at(out, n, c, y, x) != expected) {
                        return false;
                    }
                }
            }
        }
        return true;
    }

    @Test
    void sameSeedGivesTheSameAugmentationAndOtherSeedsDiffer() {
        Augmentation both = Augmentation.builder().randomCrop(1).horizontalFlip(true).build();
        float[] first = both.apply(distinctImages(), new Rng(9)).toFloatArray();
        assertArrayEquals(first, both.apply(distinctImages(), new Rng(9)).toFloatArray());
        assertFalse(Arrays.equals(first, both.apply(distinctImages(), new Rng(10)).toFloatArray()));
    }

    @Test
    void noneLeavesImagesUnchanged() {
        assertArrayEquals(distinctImages().toFloatArray(),
                Augmentation.NONE.apply(distinctImages(), new Rng(1)).toFloatArray());
    }

    @Test
    void inputIsNotModified() {
        Tensor images = distinctImages();
        Augmentation.builder().randomCrop(2).horizontalFlip(true).build().apply(images, new Rng(4));
        assertArrayEquals(distinctImages().toFloatArray(), images.toFloatArray());
    }

    @Test
    void toStringNamesTheSteps() {
        assertEquals("random crop (pad 4) + horizontal flip (p=0.5)",
                Augmentation.builder().randomCrop(4).horizontalFlip(true).build().toString());
        assertEquals("none", Augmentation.NONE.toString());
    }
}
