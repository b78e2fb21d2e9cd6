package org.convlab.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.util.Arrays;

import org.convlab.autograd.Tensor;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Fixed-sample and index accessors of a split. */
class SplitTest {
    private static Split train;

    @BeforeAll
    static void load() throws IOException {
        train = Dataset.builder().source(TestImages.source(120, 10, 2, 4, 3)).validation(20).build().train();
    }

    @Test
    void batchHoldsTheRequestedImagesAndLabelsInOrder() {
        Batch batch = train.batch(5, 2, 5);
        assertArrayEquals(new int[] {3, 2, 4, 3}, batch.x().shape());
        assertArrayEquals(new int[] {5, 2, 5}, batch.y());
        assertArrayEquals(new int[] {5, 2, 5}, batch.indices());
        float[] x = batch.x().toFloatArray();
        assertArrayEquals(train.image(2).toFloatArray(), Arrays.copyOfRange(x, 24, 48));
    }

    @Test
    void firstKIsTheSameFixedSampleEveryTime() {
        Batch first = train.first(10);
        assertArrayEquals(new int[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, first.indices());
        assertArrayEquals(first.x().toFloatArray(), train.first(10).x().toFloatArray());
    }

    @Test
    void seededSampleIsReproducibleDistinctAndSeedDependent() {
        Batch sample = train.sample(30, 11);
        assertArrayEquals(sample.indices(), train.sample(30, 11).indices());
        assertEquals(30, Arrays.stream(sample.indices()).distinct().count());
        assertFalse(Arrays.equals(sample.indices(), train.sample(30, 12).indices()));
    }

    @Test
    void batchesAreCopiesThatCannotChangeTheSplit() {
        Tensor x = train.first(1).x();
        float before = train.image(0).toFloatArray()[0];
        x.floatArray()[0] = -1;
        assertEquals(before, train.image(0).toFloatArray()[0]);
    }

    @Test
    void rangeCoversConsecutiveImages() {
        assertArrayEquals(new int[] {98, 99}, train.range(98, 100).indices());
        assertEquals(100, train.all().size());
    }

    @Test
    void emptyOrOutOfRangeRequestsFail() {
        assertThrows(IllegalArgumentException.class, () -> train.batch());
        assertThrows(IndexOutOfBoundsException.class, () -> train.batch(100));
        assertThrows(IllegalArgumentException.class, () -> train.range(90, 101));
        assertThrows(IllegalArgumentException.class, () -> train.sample(101, 1));
    }
}
