package org.convlab.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.convlab.autograd.Tensor;
import org.junit.jupiter.api.Test;

/** Splits, their sizes and order, and normalisation fitted on the training split. */
class DatasetTest {
    private static final int TRAIN = 200;
    private static final int TEST = 50;

    private static Dataset.Builder synthetic(int channels) {
        return Dataset.builder().source(TestImages.source(TRAIN, TEST, channels, 6, 5)).validation(40);
    }

    /** The raw pixels of image {@code i} of the synthetic training part. */
    private static float[] rawTrainImage(int i, int channels) throws IOException {
        LabeledImages raw = TestImages.source(TRAIN, TEST, channels, 6, 5).loadTrain();
        float[] image = new float[raw.imageSize()];
        for (int j = 0; j < image.length; j++) {
            image[j] = Byte.toUnsignedInt(raw.pixelsRef()[i * raw.imageSize() + j]);
        }
        return image;
    }

    @Test
    void defaultSplitsOfTheEmbeddedSubsetAre9000Then1000Then2000() throws IOException {
        Dataset data = Dataset.builder().source(FashionMnist.subset()).build();
        assertEquals("train: 9000 images 1×28×28, 10 classes", data.train().toString());
        assertEquals("validation: 1000 images 1×28×28, 10 classes", data.validation().toString());
        assertEquals("test: 2000 images 1×28×28, 10 classes", data.test().toString());
        assertEquals("Fashion-MNIST embedded subset (classpath org/convlab/data/fashion-mnist),"
                + " 10000 train / 2000 test", data.description());
    }

    @Test
    void validationFollowsTheTrainingImagesLikeCs231n() throws IOException {
        Dataset data = synthetic(1).training(100).validation(30).test(20).build();
        assertEquals(100, data.train().size());
        assertEquals(30, data.validation().size());
        assertEquals(20, data.test().size());
        assertArrayEquals(rawTrainImage(0, 1), data.train().image(0).toFloatArray());
        assertArrayEquals(rawTrainImage(100, 1), data.validation().image(0).toFloatArray());
    }

    @Test
    void validationComesFromTheEndWhenTrainingIsNotGiven() throws IOException {
        Dataset data = synthetic(1).build();
        assertEquals(TRAIN - 40, data.train().size());
        assertArrayEquals(rawTrainImage(TRAIN - 1, 1), data.validation().image(39).toFloatArray());
    }

    @Test
    void splitSeedDrawsADisjointReproduciblePartition() throws IOException {
        Dataset first = synthetic(1).splitSeed(5).build();
        Dataset again = synthetic(1).splitSeed(5).build();
        Dataset other = synthetic(1).splitSeed(6).build();
        assertArrayEquals(first.validation().all().x().toFloatArray(), again.validation().all().x().toFloatArray());
        assertNotEquals(Arrays.toString(first.validation().labels()), Arrays.toString(other.validation().labels()));
        Set<String> images = new HashSet<>();
        for (Split split : new Split[] {first.train(), first.validation()}) {
            for (int i = 0; i < split.size(); i++) {
                images.add(Arrays.toString(split.image(i).toFloatArray()));
            }
        }
        assertEquals(TRAIN, images.size(), "every training-part image lands in exactly one split");
    }

    @Test
    void askingForMoreImagesThanTheSourceHoldsFails() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> synthetic(1).training(180).build());
        assertEquals("asked for 180 training + 40 validation images but synthetic has 200 training images",
                e.getMessage());
    }

    @Test
    void withoutNormalizationPixelsKeepTheirRawValues() throws IOException {
        Dataset data = synthetic(3).build();
        assertArrayEquals(rawTrainImage(7, 3), data.train().image(7).toFloatArray());
        assertEquals("none (raw pixels 0..255)", data.normalizer().toString());
    }

    @Test
    void meanImageSubtractionLeavesTheTrainingSplitWithZeroMeanAtEveryPixel() throws IOException {
        Dataset data = synthetic(3).normalization(Normalization.MEAN_IMAGE).build();
        double[] sum = new double[3 * 6 * 5];
        Split train = data.train();
        for (int i = 0; i < train.size(); i++) {
            float[] image = train.image(i).toFloatArray();
            for (int j = 0; j < sum.length; j++) {
                sum[j] += image[j];
            }
        }
        for (double s : sum) {
            assertEquals(0, s / train.size(), 1e-4);
        }
    }

    @Test
    void meanImageFittedOnTrainingIsSubtractedFromValidationToo() throws IOException {
        Dataset data = synthetic(1).normalization(Normalization.MEAN_IMAGE).build();
        float[] mean = data.normalizer().mean();
        float[] raw = rawTrainImage(TRAIN - 40, 1);
        float[] validation = data.validation().image(0).toFloatArray();
        for (int j = 0; j < raw.length; j++) {
            assertEquals(raw[j] - mean[j], validation[j], 1e-4);
        }
    }

    @Test
    void perChannelStandardisationGivesEachTrainingChannelMeanZeroAndStdOne() throws IOException {
        Dataset data = synthetic(3).normalization(Normalization.PER_CHANNEL).build();
        Split train = data.train();
        float[] all = train.all().x().toFloatArray();
        int plane = 6 * 5;
        for (int c = 0; c < 3; c++) {
            double sum = 0;
            double squares = 0;
            int n = 0;
            for (int i = 0; i < train.size(); i++) {
                for (int j = 0; j < plane; j++) {
                    double v = all[(i * 3 + c) * plane + j];
                    sum += v;
                    squares += v * v;
                    n++;
                }
            }
            double mean = sum / n;
            assertEquals(0, mean, 1e-5, "channel " + c + " mean");
            assertEquals(1, Math.sqrt(squares / n - mean * mean), 1e-4, "channel " + c + " std");
        }
        assertEquals(3, data.normalizer().std().length);
    }

    @Test
    void unitRangeDividesBy255() throws IOException {
        Dataset data = synthetic(1).normalization(Normalization.UNIT_RANGE).build();
        float[] raw = rawTrainImage(0, 1);
        float[] scaled = data.train().image(0).toFloatArray();
        for (int j = 0; j < raw.length; j++) {
            assertEquals(raw[j] / 255f, scaled[j], 0f);
        }
    }

    @Test
    void normalizerTreatsNewImagesLikeTheDatasetImages() throws IOException {
        Dataset data = synthetic(3).normalization(Normalization.PER_CHANNEL).build();
        Tensor raw = Tensor.of(rawTrainImage(5, 3), 1, 3, 6, 5);
        assertArrayEquals(data.train().image(5).toFloatArray(), data.normalizer().apply(raw).toFloatArray(), 0f);
    }

    @Test
    void testAndTrainingImagesMustHaveTheSameShape() {
        ImageSource mismatched = new ImageSource() {
            @Override
            public String description() {
                return "mismatched";
            }

            @Override
            public List<String> classNames() {
                return TestImages.TEN_CLASSES;
            }

            @Override
            public LabeledImages loadTrain() {
                return TestImages.random(10, 1, 4, 4, 1);
            }

            @Override
            public LabeledImages loadTest() {
                return TestImages.random(10, 1, 5, 4, 2);
            }
        };
        DataFileException e = assertThrows(DataFileException.class,
                () -> Dataset.builder().source(mismatched).validation(2).build());
        assertEquals("random(2): test images are 1×5×4 but training images are 1×4×4", e.getMessage());
    }

    @Test
    void toStringListsSourceNormalizationAndSplits() throws IOException {
        String text = synthetic(3).normalization(Normalization.UNIT_RANGE).build().toString();
        assertEquals("synthetic, 200 train / 50 test\nnormalization: scaled to [0, 1]\n"
                + "train: 160 images 3×6×5, 10 classes\nvalidation: 40 images 3×6×5, 10 classes\n"
                + "test: 50 images 3×6×5, 10 classes", text);
    }
}
