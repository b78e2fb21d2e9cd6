package org.convlab.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.convlab.autograd.Rng;

/** Small synthetic datasets and IDX folders for the tests. */
final class TestImages {
    static final List<String> TEN_CLASSES = FashionMnist.CLASS_NAMES;

    private TestImages() {
    }

    /** {@code count} random images with labels {@code i % 10}. */
    static LabeledImages random(int count, int channels, int height, int width, long seed) {
        Rng rng = new Rng(seed);
        byte[] pixels = new byte[count * channels * height * width];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (byte) rng.nextInt(256);
        }
        int[] labels = new int[count];
        for (int i = 0; i < count; i++) {
            labels[i] = i % 10;
        }
        return LabeledImages.of(pixels, labels, channels, height, width, "random(" + seed + ")");
    }

    /** A source of random images: {@code train} training and {@code test} test images. */
    static ImageSource source(int train, int test, int channels, int height, int width) {
        return ImageSource.of("synthetic", TEN_CLASSES, random(train, channels, height, width, 1),
                random(test, channels, height, width, 2));
    }

    /** An IDX images array of {@code count} random 28×28 images. */
    static IdxArray idxImages(int count, long seed) {
        return new IdxArray(new int[] {count, 28, 28}, random(count, 1, 28, 28, seed).pixelsRef().clone());
    }

    /** An IDX labels array with labels {@code i % 10}. */
    static IdxArray idxLabels(int count) {
        byte[] labels = new byte[count];
        for (int i = 0; i < count; i++) {
            labels[i] = (byte) (i % 10);
        }
        return new IdxArray(new int[] {count}, labels);
    }

    /** Writes a Fashion-MNIST folder of random images (gzipped files) and returns it. */
    static Path fashionFolder(Path folder, int train, int test) throws IOException {
        Files.createDirectories(folder);
        Idx.write(folder.resolve(FashionMnist.TRAIN_IMAGES + ".gz"), idxImages(train, 3));
        Idx.write(folder.resolve(FashionMnist.TRAIN_LABELS + ".gz"), idxLabels(train));
        Idx.write(folder.resolve(FashionMnist.TEST_IMAGES + ".gz"), idxImages(test, 4));
        Idx.write(folder.resolve(FashionMnist.TEST_LABELS + ".gz"), idxLabels(test));
        return folder;
    }
}
