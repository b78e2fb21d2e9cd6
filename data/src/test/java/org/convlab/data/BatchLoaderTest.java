package org.convlab.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.convlab.autograd.DType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Seeded shuffled mini-batches. */
class BatchLoaderTest {
    private static final int TRAIN = 103;
    private static Dataset data;

    @BeforeAll
    static void load() throws IOException {
        data = Dataset.builder().source(TestImages.source(TRAIN + 20, 10, 1, 8, 8)).validation(20).build();
    }

    private static int[] visited(BatchLoader loader, int epoch) {
        List<Integer> indices = new ArrayList<>();
        for (Batch batch : loader.epoch(epoch)) {
            Arrays.stream(batch.indices()).forEach(indices::add);
        }
        return indices.stream().mapToInt(Integer::intValue).toArray();
    }

    private static List<float[]> images(BatchLoader loader, int epoch) {
        List<float[]> images = new ArrayList<>();
        for (Batch batch : loader.epoch(epoch)) {
            images.add(batch.x().toFloatArray());
        }
        return images;
    }

    @Test
    void everyEpochVisitsEveryTrainingImageExactlyOnce() {
        BatchLoader loader = data.train().loader(10, 7);
        for (int epoch = 0; epoch < 3; epoch++) {
            int[] sorted = visited(loader, epoch);
            Arrays.sort(sorted);
            int[] all = new int[TRAIN];
            Arrays.setAll(all, i -> i);
            assertArrayEquals(all, sorted, "epoch " + epoch);
        }
    }

    @Test
    void sameSeedAndEpochGiveTheSameBatches() {
        int[] first = visited(data.train().loader(10, 7), 4);
        assertArrayEquals(first, visited(data.train().loader(10, 7), 4));
        assertArrayEquals(first, data.train().loader(10, 7).order(4));
    }

    @Test
    void eachEpochHasANewOrder() {
        BatchLoader loader = data.train().loader(10, 7);
        assertFalse(Arrays.equals(visited(loader, 0), visited(loader, 1)));
    }

    @Test
    void differentSeedsGiveDifferentOrders() {
        assertFalse(Arrays.equals(data.train().loader(10, 7).order(0), data.train().loader(10, 8).order(0)));
    }

    @Test
    void lastPartialBatchIsKeptByDefault() {
        BatchLoader loader = data.train().loader(10, 1);
        List<Integer> sizes = new ArrayList<>();
        loader.epoch(0).forEach(batch -> sizes.add(batch.size()));
        assertEquals(11, loader.batchesPerEpoch());
        assertEquals(List.of(10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 3), sizes);
    }

    @Test
    void lastPartialBatchIsDroppedOnRequest() {
        BatchLoader loader = data.train().loader(10, 1).dropLast(true);
        List<Integer> sizes = new ArrayList<>();
        loader.epoch(0).forEach(batch -> sizes.add(batch.size()));
        assertEquals(10, loader.batchesPerEpoch());
        assertEquals(List.of(10, 10, 10, 10, 10, 10, 10, 10, 10, 10), sizes);
    }

    @Test
    void batchesHoldTheImagesAndLabelsOfTheirIndices() {
        Batch batch = data.train().loader(16, 3).epoch(2).iterator().next();
        assertArrayEquals(new int[] {16, 1, 8, 8}, batch.x().shape());
        assertArrayEquals(data.train().batch(batch.indices()).x().toFloatArray(), batch.x().toFloatArray());
        assertArrayEquals(data.train().batch(batch.indices()).y(), batch.y());
    }

    @Test
    void float64BatchesHoldTheSameValues() {
        Batch single = data.train().loader(16, 3).epoch(0).iterator().next();
        Batch dbl = data.train().loader(16, 3).dtype(DType.F64).epoch(0).iterator().next();
        assertEquals(DType.F64, dbl.x().dtype());
        assertArrayEquals(single.x().toDoubleArray(), dbl.x().doubleArray());
    }

    @Test
    void augmentedEpochsAreReproducibleAndKeepTheShape() {
        Augmentation augmentation = Augmentation.builder().randomCrop(2).horizontalFlip(true).build();
        BatchLoader loader = data.train().loader(16, 3).augmentation(augmentation);
        List<float[]> first = images(loader, 1);
        List<float[]> again = images(loader, 1);
        for (int b = 0; b < first.size(); b++) {
            assertArrayEquals(first.get(b), again.get(b));
        }
        assertArrayEquals(new int[] {16, 1, 8, 8}, loader.epoch(1).iterator().next().x().shape());
        assertFalse(Arrays.equals(first.get(0), images(data.train().loader(16, 3), 1).get(0)), "augmented");
    }

    @Test
    void validationAndTestBatchesCannotBeAugmented() {
        Augmentation flip = Augmentation.builder().horizontalFlip(true).build();
        assertThrows(IllegalArgumentException.class, () -> data.validation().loader(8, 1).augmentation(flip));
        assertThrows(IllegalArgumentException.class, () -> data.test().loader(8, 1).augmentation(flip));
    }

    @Test
    void toStringSummarisesTheOptions() {
        assertEquals("BatchLoader[train, 10 per batch, 10 per epoch (last partial dropped), seed 5, augmentation none,"
                + " float32]", data.train().loader(10, 5).dropLast(true).toString());
    }
}
