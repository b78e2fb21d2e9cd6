package org.convlab.data;

import java.io.IOException;
import java.util.List;

/**
 * Where a dataset's images come from: a folder, the embedded Fashion-MNIST subset, or images in
 * memory. Sources load lazily, so choosing one is cheap and {@link #description()} can be reported
 * before anything is read; the training and test parts load separately so that a {@link Dataset}
 * never holds both raw parts and their float copies at once.
 */
public interface ImageSource {
    /** What and where this source is, e.g. {@code Fashion-MNIST full set from /usr/share/...}. */
    String description();

    /** The class names, indexed by label. */
    List<String> classNames();

    /**
     * Reads the training images.
     *
     * @throws DataFileException if a file is missing or unusable
     */
    LabeledImages loadTrain() throws IOException;

    /**
     * Reads the test images.
     *
     * @throws DataFileException if a file is missing or unusable
     */
    LabeledImages loadTest() throws IOException;

    /**
     * A source over images already in memory.
     *
     * @throws IllegalArgumentException if the two parts differ in image shape or a label has no
     *     class name
     */
    static ImageSource of(String description, List<String> classNames, LabeledImages train, LabeledImages test) {
        List<String> names = List.copyOf(classNames);
        for (LabeledImages part : List.of(train, test)) {
            if (part.channels() != train.channels() || part.height() != train.height()
                    || part.width() != train.width()) {
                throw new IllegalArgumentException("train and test images differ in shape: " + train + " vs " + test);
            }
            for (int label : part.labelsRef()) {
                if (label >= names.size()) {
                    throw new IllegalArgumentException("label " + label + " in " + part
                            + " has no class name (there are " + names.size() + " classes)");
                }
            }
        }
        return lazy(description, names, () -> train, () -> test);
    }

    /** Loads one part (training or test) of a source. */
    @FunctionalInterface
    interface PartLoader {
        /**
         * Reads the part.
         *
         * @throws DataFileException if a file is missing or unusable
         */
        LabeledImages load() throws IOException;
    }

    /** A source that reads each part only when asked. */
    static ImageSource lazy(String description, List<String> classNames, PartLoader train, PartLoader test) {
        return new LazyImageSource(description, List.copyOf(classNames), train, test);
    }
}
