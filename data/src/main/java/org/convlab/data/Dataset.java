package org.convlab.data;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;

import org.convlab.autograd.Rng;

/**
 * Train, validation and test {@link Split}s of an {@link ImageSource}, CS231n style: the first
 * {@code training} images of the source's training part train, the next {@code validation} ones
 * validate (or a seeded random partition, see {@link Builder#splitSeed}), and the first
 * {@code test} images of its test part test. Images are NCHW float32, normalised with statistics
 * fitted on the training split.
 *
 * <pre>{@code
 * Dataset data = Dataset.builder()
 *         .validation(1000)
 *         .normalization(Normalization.MEAN_IMAGE)
 *         .build();                       // Fashion-MNIST, full set if installed
 * System.out.println(data.description()); // which source was used
 * }</pre>
 */
public final class Dataset {
    private final String description;
    private final List<String> classNames;
    private final Normalizer normalizer;
    private final Split train;
    private final Split validation;
    private final Split test;

    private Dataset(String description, List<String> classNames, Normalizer normalizer, Split train,
            Split validation, Split test) {
        this.description = description;
        this.classNames = classNames;
        this.normalizer = normalizer;
        this.train = train;
        this.validation = validation;
        this.test = test;
    }

    /**
     * A builder with the defaults: Fashion-MNIST from {@link FashionMnist#locate()}, 1,000
     * validation images, all the rest for training, the whole test part, no normalisation.
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The source and how many images it holds, e.g. {@code Fashion-MNIST full set from
     * /usr/share/datasets/fashion-mnist, 60000 train / 10000 test}.
     */
    public String description() {
        return description;
    }

    /** The class names, indexed by label. */
    public List<String> classNames() {
        return classNames;
    }

    /** The number of classes. */
    public int numClasses() {
        return classNames.size();
    }

    /** The shape of one image: {C, H, W}. */
    public int[] imageShape() {
        return train.imageShape();
    }

    /** The normalisation applied to every split, with the statistics fitted on the training split. */
    public Normalizer normalizer() {
        return normalizer;
    }

    /** The training split. */
    public Split train() {
        return train;
    }

    /** The validation split (empty if none was asked for). */
    public Split validation() {
        return validation;
    }

    /** The test split. */
    public Split test() {
        return test;
    }

    /** The description, the normalisation and one line per split. */
    @Override
    public String toString() {
        return description + "\nnormalization: " + normalizer + "\n" + train + "\n" + validation + "\n" + test;
    }

    /** Options of a {@link Dataset}; every option has a default, see {@link Dataset#builder()}. */
    public static final class Builder {
        private static final int DEFAULT_VALIDATION = 1000;
        private static final int ALL = -1;

        private ImageSource source;
        private int training = ALL;
        private int validation = DEFAULT_VALIDATION;
        private int test = ALL;
        private Long splitSeed;
        private Normalization normalization = Normalization.NONE;

        private Builder() {
        }

        /** Where the images come from, e.g. {@link FashionMnist#subset()} or {@link Cifar10#locate}. */
        public Builder source(ImageSource newSource) {
            this.source = newSource;
            return this;
        }

        /** The number of training images (CS231n's num_training); default: all not used for validation. */
        public Builder training(int count) {
            this.training = positive("training", count);
            return this;
        }

        /** The number of validation images (num_validation), carved from the source's training part; 0 for none. */
        public Builder validation(int count) {
            if (count < 0) {
                throw new IllegalArgumentException("validation count must be non-negative, got " + count);
            }
            this.validation = count;
            return this;
        }

        /** The number of test images (num_test), the first of the source's test part; default: all. */
        public Builder test(int count) {
            this.test = positive("test", count);
            return this;
        }

        /**
         * Picks the training and validation images as a random partition drawn with this seed,
         * instead of the first {@code training} and the {@code validation} after them.
         */
        public Builder splitSeed(long seed) {
            this.splitSeed = seed;
            return this;
        }

        /** How to normalise the images; default {@link Normalization#NONE}. */
        public Builder normalization(Normalization newNormalization) {
            this.normalization = newNormalization;
            return this;
        }

        /**
         * Loads the source, carves the splits, converts them to float32 and normalises them. The raw
         * training part is released before the test part is read.
         *
         * @throws DataFileException if the source's files are missing or unusable, or its
         *     training and test images differ in shape
         * @throws IllegalArgumentException if the source holds fewer images than asked for
         */
        public Dataset build() throws IOException {
            ImageSource from = source != null ? source : FashionMnist.locate();
            List<String> classNames = from.classNames();

            LabeledImages trainPart = from.loadTrain();
            int available = trainPart.count();
            int trainCount = training == ALL ? available - validation : training;
            if (trainCount <= 0 || trainCount + validation > available) {
                throw new IllegalArgumentException("asked for " + (training == ALL ? "" : trainCount + " training + ")
                        + validation + " validation images but " + from.description() + " has " + available
                        + " training images");
            }
            int[] order = splitSeed == null ? identity(available) : new Rng(splitSeed).permutation(available);
            Split trainSplit = Split.select(Split.Kind.TRAIN, trainPart, sorted(order, 0, trainCount), classNames);
            Split validationSplit = Split.select(Split.Kind.VALIDATION, trainPart,
                    sorted(order, trainCount, trainCount + validation), classNames);
            int[] trainShape = {trainPart.channels(), trainPart.height(), trainPart.width()};
            trainPart = null; // lets the raw training bytes be collected before the test part loads

            LabeledImages testPart = from.loadTest();
            if (!Arrays.equals(trainShape, new int[] {testPart.channels(), testPart.height(), testPart.width()})) {
                throw new DataFileException(testPart.origin(), "test images are " + Dims.text(testPart.channels(),
                        testPart.height(), testPart.width()) + " but training images are " + Dims.text(trainShape));
            }
            int testCount = test == ALL ? testPart.count() : test;
            if (testCount > testPart.count()) {
                throw new IllegalArgumentException("asked for " + testCount + " test images but " + from.description()
                        + " has " + testPart.count());
            }
            Split testSplit = Split.select(Split.Kind.TEST, testPart, identity(testCount), classNames);

            Normalizer normalizer = Normalizer.fit(normalization, trainSplit);
            for (Split split : List.of(trainSplit, validationSplit, testSplit)) {
                normalizer.applyInPlace(split.pixelsRef(), split.size());
            }
            String description = from.description() + ", " + available + " train / " + testPart.count() + " test";
            return new Dataset(description, classNames, normalizer, trainSplit, validationSplit, testSplit);
        }

        private static int positive(String what, int count) {
            if (count <= 0) {
                throw new IllegalArgumentException(what + " count must be positive, got " + count);
            }
            return count;
        }

        private static int[] identity(int n) {
            int[] indices = new int[n];
            Arrays.setAll(indices, i -> i);
            return indices;
        }

        private static int[] sorted(int[] order, int from, int to) {
            int[] part = Arrays.copyOfRange(order, from, to);
            Arrays.sort(part);
            return part;
        }
    }
}
