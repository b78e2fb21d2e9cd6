package org.convlab.data;

import java.io.IOException;
import java.util.List;

/**
 * An {@link ImageSource} whose parts are read by loaders when asked.
 *
 * @param description what and where the source is
 * @param classNames  the class names, indexed by label
 * @param train       reads the training part
 * @param test        reads the test part
 */
record LazyImageSource(String description, List<String> classNames, ImageSource.PartLoader train,
                       ImageSource.PartLoader test) implements ImageSource {
    @Override
    public LabeledImages loadTrain() throws IOException {
        return train.load();
    }

    @Override
    public LabeledImages loadTest() throws IOException {
        return test.load();
    }

    @Override
    public String toString() {
        return description;
    }
}
