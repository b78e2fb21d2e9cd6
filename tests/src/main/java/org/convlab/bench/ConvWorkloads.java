package org.convlab.bench;

import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.stream.Stream;

import org.convlab.autograd.DType;
import org.convlab.autograd.NoGrad;
import org.convlab.autograd.Tensor;
import org.convlab.nn.ConvGeometry;
import org.convlab.nn.F;
import org.convlab.nn.models.LeNet;
import org.convlab.nn.models.Model;
import org.convlab.nn.models.ThreeLayerConvNet;
import org.convlab.optim.Sgd;

/**
 * The convolution workloads W1–W4 as runnable operations, in float32, shared by {@link ConvSuite} and the
 * PyTorch comparison (whose script, {@code tests/src/main/python/pytorch_bench.py}, builds the same ones):
 * <ul>
 *   <li>W1: conv N=64, C=3, 32×32, 32 filters 3×3, stride 1, pad 1;
 *   <li>W2: conv N=64, C=32, 16×16, 64 filters 3×3, stride 1, pad 1;
 *   <li>W3: one SGD training step of {@link ThreeLayerConvNet} (3×32×32, N=50);
 *   <li>W4: one SGD training step of {@link LeNet} (1×28×28, N=64).
 * </ul>
 */
final class ConvWorkloads {

    /** A convolution workload: its name and shapes. */
    record Conv(String name, int batch, int channels, int size, int filters, int kernel, int pad) {

        /** The input shape (N, C, H, W). */
        int[] inputShape() {
            return new int[] {batch, channels, size, size};
        }

        /** The checked geometry. */
        ConvGeometry geometry() {
            return ConvGeometry.of(name, inputShape(), filters, kernel, kernel, 1, pad);
        }

        /** The shapes, e.g. {@code 64×3×32×32 * 32×3×3×3, pad 1}. */
        String describe() {
            return batch + "×" + channels + "×" + size + "×" + size + " * " + filters + "×" + channels + "×" + kernel
                    + "×" + kernel + ", pad " + pad;
        }
    }

    /**
     * A training-step workload: its name, batch size, per-sample input shape and the model it trains, built
     * by {@code modelFactory} for that input shape.
     */
    record Step(String name, int batch, int[] inputShape, Function<int[], Model> modelFactory) {

        /** A fresh model for the input shape. */
        Model model() {
            return modelFactory.apply(inputShape);
        }

        /** The shapes, e.g. {@code N=50, 3×32×32}. */
        String describe() {
            return "N=" + batch + ", " + inputShape[0] + "×" + inputShape[1] + "×" + inputShape[2];
        }
    }

    /** W1 and W2. */
    static final List<Conv> CONVS = List.of(new Conv("W1", 64, 3, 32, 32, 3, 1), new Conv("W2", 64, 32, 16, 64, 3, 1));
    /** W3 and W4. */
    static final List<Step> STEPS = List.of(
            new Step("W3", 50, new int[] {3, 32, 32},
                    shape -> ThreeLayerConvNet.builder().inputShape(shape).seed(1).build()),
            new Step("W4", 64, new int[] {1, 28, 28}, shape -> LeNet.builder().inputShape(shape).seed(1).build()));
    /** The names of all workloads, W1–W4, in order. */
    static final List<String> NAMES = Stream.concat(CONVS.stream().map(Conv::name), STEPS.stream().map(Step::name))
            .toList();
    /** The learning rate of the SGD steps (as in the PyTorch script). */
    static final double LEARNING_RATE = 1e-3;

    /** A convolution implementation under test. */
    enum Implementation {
        /** {@link F#conv2d}, the fused node. */
        FUSED("fused"),
        /** {@link F#conv2dNaive}, composed from pad, unfold and matmul. */
        NAIVE("naive");

        private final String label;

        Implementation(String label) {
            this.label = label;
        }

        /** The label used in names and tables. */
        String label() {
            return label;
        }

        Tensor apply(Tensor x, Tensor w, Tensor b, int pad) {
            return this == FUSED ? F.conv2d(x, w, b, 1, pad) : F.conv2dNaive(x, w, b, 1, pad);
        }
    }

    private ConvWorkloads() {
    }

    /** The forward pass of a convolution workload, recording no graph. */
    static Runnable forward(Conv conv, Implementation implementation) {
        Tensor x = Tensor.randn(DType.F32, 1, conv.inputShape());
        Tensor w = Tensor.randn(DType.F32, 2, conv.filters, conv.channels, conv.kernel, conv.kernel);
        Tensor b = Tensor.randn(DType.F32, 3, conv.filters);
        return () -> {
            try (NoGrad off = NoGrad.begin()) {
                implementation.apply(x, w, b, conv.pad);
            }
        };
    }

    /** The forward and backward passes of a convolution workload: gradients of x, w and b. */
    static Runnable forwardBackward(Conv conv, Implementation implementation) {
        Tensor x = Tensor.randn(DType.F32, 1, conv.inputShape()).requiresGrad(true);
        Tensor w = Tensor.randn(DType.F32, 2, conv.filters, conv.channels, conv.kernel, conv.kernel).requiresGrad(true);
        Tensor b = Tensor.randn(DType.F32, 3, conv.filters).requiresGrad(true);
        Tensor gradOut = Tensor.randn(DType.F32, 4, conv.geometry().outputShape());
        return () -> {
            x.zeroGrad();
            w.zeroGrad();
            b.zeroGrad();
            implementation.apply(x, w, b, conv.pad).backward(gradOut);
        };
    }

    /** One training step of W3 or W4: forward, backward, and a plain SGD update ({@link Sgd}) of every parameter. */
    static Runnable trainingStep(Step step) {
        Model model = step.model();
        int[] shape = new int[] {step.batch(), step.inputShape()[0], step.inputShape()[1], step.inputShape()[2]};
        Tensor x = Tensor.randn(DType.F32, 5, shape);
        SplittableRandom random = new SplittableRandom(6);
        int[] labels = random.ints(step.batch(), 0, model.classes()).toArray();
        Sgd sgd = Sgd.builder().learningRate(LEARNING_RATE).build(model.parameters());
        return () -> {
            model.zeroGrad();
            model.loss(x, labels).backward();
            sgd.step();
        };
    }
}
