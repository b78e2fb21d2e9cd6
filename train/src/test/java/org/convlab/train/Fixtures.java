package org.convlab.train;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;

import org.convlab.data.Dataset;
import org.convlab.data.FashionMnist;
import org.convlab.data.Normalization;
import org.convlab.nn.Init;
import org.convlab.nn.models.FullyConnectedNet;
import org.convlab.nn.models.ThreeLayerConvNet;

/** Small datasets and models for quick Solver runs. */
final class Fixtures {
    private static final Map<String, Dataset> DATASETS = new HashMap<>();

    private Fixtures() {
    }

    /** The first {@code train} images of the shipped Fashion-MNIST subset, the next {@code validation}, 50 test images. */
    static synchronized Dataset fashion(int train, int validation) {
        return DATASETS.computeIfAbsent(train + "/" + validation, key -> {
            try {
                return Dataset.builder().source(FashionMnist.subset()).training(train).validation(validation).test(50)
                        .normalization(Normalization.PER_CHANNEL).build();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** A fully-connected net with batchnorm (so it has buffers), for Fashion-MNIST. */
    static FullyConnectedNet fullyConnected(long seed) {
        return FullyConnectedNet.builder().inputShape(1, 28, 28).hidden(32).batchNorm(true).init(Init.kaiming())
                .seed(seed).build();
    }

    /** A small three-layer convnet for Fashion-MNIST. */
    static ThreeLayerConvNet smallConvNet(long seed) {
        return ThreeLayerConvNet.builder().inputShape(1, 28, 28).filters(8).filterSize(5).hidden(50).init(Init.kaiming())
                .seed(seed).build();
    }
}
