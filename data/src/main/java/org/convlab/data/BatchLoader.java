package org.convlab.data;

import java.util.Arrays;
import java.util.Iterator;
import java.util.NoSuchElementException;

import org.convlab.autograd.DType;
import org.convlab.autograd.Rng;

/**
 * Shuffled mini-batches of one {@link Split}, reproducible from an explicit seed. Each epoch visits
 * the images in a new random order; the order (and any augmentation draws) of epoch e comes from a
 * generator derived from the seed and e alone, so an epoch can be replayed without replaying the
 * ones before it.
 *
 * <pre>{@code
 * BatchLoader loader = dataset.train().loader(64, 42)
 *         .augmentation(Augmentation.builder().randomCrop(2).horizontalFlip(true).build());
 * for (int epoch = 0; epoch < 10; epoch++) {
 *     for (Batch batch : loader.epoch(epoch)) {
 *         ... batch.x() (64, C, H, W), batch.y() ...
 *     }
 * }
 * }</pre>
 *
 * <p>Loaders are immutable: each option returns a new loader. Defaults: the last partial batch is
 * kept, no augmentation, float32.
 */
public final class BatchLoader {
    private final Split split;
    private final int batchSize;
    private final long seed;
    private final boolean dropLast;
    private final Augmentation augmentation;
    private final DType dtype;

    BatchLoader(Split split, int batchSize, long seed) {
        this(split, batchSize, seed, false, Augmentation.NONE, DType.F32);
        if (batchSize <= 0) {
            throw new IllegalArgumentException("batch size must be positive, got " + batchSize);
        }
    }

    private BatchLoader(Split split, int batchSize, long seed, boolean dropLast, Augmentation augmentation,
            DType dtype) {
        this.split = split;
        this.batchSize = batchSize;
        this.seed = seed;
        this.dropLast = dropLast;
        this.augmentation = augmentation;
        this.dtype = dtype;
    }

    /** This loader, dropping (true) or keeping (false) the last batch when it is smaller than the rest. */
    public BatchLoader dropLast(boolean drop) {
        return new BatchLoader(split, batchSize, seed, drop, augmentation, dtype);
    }

    /**
     * This loader, augmenting every batch.
     *
     * @throws IllegalArgumentException unless the split is the training split (or the
     *     augmentation is {@link Augmentation#NONE}): validation and test images are never augmented
     */
    public BatchLoader augmentation(Augmentation newAugmentation) {
        if (!newAugmentation.isNone() && split.kind() != Split.Kind.TRAIN) {
            throw new IllegalArgumentException("augmentation is for training only, not the " + split.kind() + " split");
        }
        return new BatchLoader(split, batchSize, seed, dropLast, newAugmentation, dtype);
    }

    /** This loader, producing images of the given dtype (float64 for gradient checks). */
    public BatchLoader dtype(DType newDtype) {
        return new BatchLoader(split, batchSize, seed, dropLast, augmentation, newDtype);
    }

    /** The split the batches come from. */
    public Split split() {
        return split;
    }

    /** Images per batch (the last batch of an epoch may have fewer unless dropped). */
    public int batchSize() {
        return batchSize;
    }

    /** The seed every epoch's order derives from. */
    public long seed() {
        return seed;
    }

    /** Whether a last, smaller batch is dropped. */
    public boolean dropsLast() {
        return dropLast;
    }

    /** The augmentation applied to each batch. */
    public Augmentation augmentation() {
        return augmentation;
    }

    /** The dtype of the batches' images. */
    public DType dtype() {
        return dtype;
    }

    /** Batches in one epoch. */
    public int batchesPerEpoch() {
        int full = split.size() / batchSize;
        return dropLast || split.size() % batchSize == 0 ? full : full + 1;
    }

    /** The order in which epoch {@code epoch} visits the split: a permutation of its indices. */
    public int[] order(int epoch) {
        return epochRng(epoch).permutation(split.size());
    }

    /**
     * The batches of epoch {@code epoch}; every iteration over the result yields the same batches.
     */
    public Iterable<Batch> epoch(int epoch) {
        return () -> new EpochIterator(epochRng(epoch));
    }

    /** One generator per (seed, epoch): the seed is mixed first so that nearby seeds do not share epochs. */
    private Rng epochRng(int epoch) {
        return new Rng(new Rng(seed).nextLong() + epoch);
    }

    /** Options and size, e.g. {@code BatchLoader[train, 64 per batch, 141 per epoch, seed 42, ...]}. */
    @Override
    public String toString() {
        return "BatchLoader[" + split.kind() + ", " + batchSize + " per batch, " + batchesPerEpoch() + " per epoch"
                + (dropLast ? " (last partial dropped)" : "") + ", seed " + seed + ", augmentation " + augmentation
                + ", " + dtype.numpyName() + "]";
    }

    private final class EpochIterator implements Iterator<Batch> {
        private final Rng rng;
        private final int[] order;
        private final int count = batchesPerEpoch();
        private int next;

        EpochIterator(Rng rng) {
            this.rng = rng;
            this.order = rng.permutation(split.size());
        }

        @Override
        public boolean hasNext() {
            return next < count;
        }

        @Override
        public Batch next() {
            if (!hasNext()) {
                throw new NoSuchElementException("epoch has " + count + " batches");
            }
            int from = next * batchSize;
            int[] indices = Arrays.copyOfRange(order, from, Math.min(from + batchSize, order.length));
            next++;
            Batch batch = split.batch(indices);
            augmentation.applyInPlace(batch.x().floatArray(), batch.size(), split.channels(), split.height(),
                    split.width(), rng);
            return dtype == DType.F32 ? batch : new Batch(batch.x().to(dtype), batch.y(), batch.indices());
        }
    }
}
