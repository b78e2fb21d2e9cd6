package org.convlab.sweep;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.convlab.data.Dataset;
import org.convlab.data.FashionMnist;
import org.convlab.data.Normalization;
import org.convlab.kernel.Parallel;
import org.convlab.nn.Init;
import org.convlab.nn.models.FullyConnectedNet;
import org.convlab.nn.models.LeNet;
import org.convlab.nn.models.Model;
import org.convlab.nn.models.ModelOptions;
import org.convlab.nn.models.ThreeLayerConvNet;
import org.convlab.optim.LearningRateSchedule;
import org.convlab.optim.Optimizer;
import org.convlab.optim.Optimizers;
import org.convlab.train.IterationProgress;
import org.convlab.train.Solver;
import org.convlab.train.SolverListener;
import org.convlab.train.TrainingDivergedException;

/**
 * The standard trial: trains a model with the {@link org.convlab.train.Solver} on the Fashion-MNIST subset
 * shipped with convlab (per-channel normalisation) and reports the best epoch's validation accuracy.
 *
 * <p>It understands these parameters; a space may set any of them, the others keep their defaults:
 * <pre>
 * model         fc (default: affine 100 – relu – affine 100 – relu – affine), threelayer (CS231n's
 *               conv – relu – pool – affine – relu – affine) or lenet
 * optimizer     adam (default), sgd, momentum, nesterov or rmsprop, with CS231n's update rules
 * lr            learning rate (default 1e-3)
 * reg           L2 strength, 0.5·reg·ΣW² (default 1e-4)
 * batch_size    images per step (default 50)
 * lr_decay      learning rate factor after every epoch (default 1: constant)
 * hidden        hidden units: of both hidden layers of fc, of the affine layer of threelayer (default 100)
 * filters       filters of the first convolution of threelayer (default 32) or lenet (default 8; the second has twice as many)
 * weight_scale  standard deviation of Gaussian initial weights (default: Kaiming initialisation)
 * </pre>
 *
 * <p><b>Stopping early.</b> A NaN or infinite loss stops the trial ({@link TrialStatus#STOPPED}), as does,
 * following CS231n's advice, a loss above {@link Builder#explosionFactor} (3 by default) times the first
 * one: such a learning rate is hopeless.
 *
 * <p>The dataset is loaded once per JVM (and per data size) and shared by the trials running there.
 */
public final class SolverTrial implements TrialFunction {
    private static final long serialVersionUID = 1L;

    /** The parameters a space may set. */
    public static final List<String> PARAMETERS = List.of("model", "optimizer", "lr", "reg", "batch_size", "lr_decay",
            "hidden", "filters", "weight_scale");
    /** The values of {@code model}. */
    public static final List<String> MODELS = List.of("fc", "threelayer", "lenet");
    /** The values of {@code optimizer}. */
    public static final List<String> OPTIMIZERS = Optimizers.NAMES;

    private static final List<String> INTEGER_PARAMETERS = List.of("batch_size", "hidden", "filters");
    private static final Map<List<Integer>, Dataset> DATASETS = new ConcurrentHashMap<>();

    private final int trainSamples;
    private final int validationSamples;
    private final int trainAccuracySamples;
    private final double explosionFactor;

    private SolverTrial(Builder b) {
        if (b.trainSamples < 0 || b.validationSamples < 1 || b.trainAccuracySamples < 1 || !(b.explosionFactor > 1)) {
            throw new IllegalArgumentException("SolverTrial: sample counts must be positive and the explosion factor above 1, "
                    + "got " + b.trainSamples + ", " + b.validationSamples + ", " + b.trainAccuracySamples + " and "
                    + b.explosionFactor);
        }
        this.trainSamples = b.trainSamples;
        this.validationSamples = b.validationSamples;
        this.trainAccuracySamples = b.trainAccuracySamples;
        this.explosionFactor = b.explosionFactor;
    }

    /** A builder with the defaults: the whole subset (9,000 training and 1,000 validation images). */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public TrialOutcome run(Trial trial) throws IOException {
        Config config = trial.config();
        Dataset data = dataset();
        Model model = model(config, data, trial.seed());
        double decay = config.getDouble("lr_decay", 1);
        Solver.Builder solver = Solver.builder()
                .model(model)
                .data(data)
                .optimizer(optimizer(config, model))
                .schedule(LearningRateSchedule.perEpochDecay(decay))
                .batchSize(config.getInt("batch_size", 50))
                .epochs(trial.epochs())
                .seed(trial.seed())
                .threads(Parallel.threads())
                .trainAccuracySamples(trainAccuracySamples);
        ExplosionGuard guard = new ExplosionGuard(explosionFactor);
        Solver built = solver.listener(guard).build();
        try {
            return TrialOutcome.completed(built.train());
        } catch (TrainingDivergedException e) {
            String message = e.getMessage();
            int end = message.indexOf(';');
            return TrialOutcome.stopped(end < 0 ? message : message.substring(0, end), e.history());
        } catch (LossExploded e) {
            return TrialOutcome.stopped(e.getMessage(), built.history());
        }
    }

    /**
     * Checks that the space sets only {@link #PARAMETERS}, with values of the right kind and range.
     *
     * @throws IllegalArgumentException naming the first parameter that does not fit
     */
    @Override
    public void check(SearchSpace space) {
        for (String name : space.names()) {
            Domain domain = space.domain(name);
            switch (name) {
                case "model" -> words(name, domain, MODELS);
                case "optimizer" -> words(name, domain, OPTIMIZERS);
                case "reg" -> range(name, domain, 0, true, Double.POSITIVE_INFINITY);
                case "lr_decay" -> range(name, domain, 0, false, 1);
                case "lr", "weight_scale", "batch_size", "hidden", "filters" ->
                        range(name, domain, 0, false, Double.POSITIVE_INFINITY);
                default -> throw new IllegalArgumentException("the trial does not know the parameter '" + name
                        + "'; it knows " + String.join(", ", PARAMETERS));
            }
        }
    }

    private static void words(String name, Domain domain, List<String> allowed) {
        if (!(domain instanceof Domain.Choice choice) || !allowed.containsAll(choice.values())) {
            throw new IllegalArgumentException(name + " must be one of " + String.join(", ", allowed)
                    + " (or a choice of them), got " + domain);
        }
    }

    /** Checks that a numeric domain lies within (low, high], or [low, high] if {@code lowIncluded}. */
    private static void range(String name, Domain domain, double low, boolean lowIncluded, double high) {
        double[] bounds = null;
        if (domain instanceof Domain.RealRange r) {
            bounds = new double[] {r.low(), r.high()};
        } else if (domain instanceof Domain.IntRange i) {
            bounds = new double[] {i.low(), i.high()};
        } else if (domain instanceof Domain.Choice c && c.numeric()) {
            double[] values = c.values().stream().mapToDouble(v -> ((Number) v).doubleValue()).sorted().toArray();
            bounds = new double[] {values[0], values[values.length - 1]};
        }
        boolean integers = domain instanceof Domain.IntRange
                || domain instanceof Domain.Choice c && c.values().stream().allMatch(v -> v instanceof Integer);
        if (bounds == null || INTEGER_PARAMETERS.contains(name) && !integers) {
            throw new IllegalArgumentException(name + " takes " + (INTEGER_PARAMETERS.contains(name) ? "integers" : "numbers")
                    + ", got " + domain);
        }
        boolean fits = (lowIncluded ? bounds[0] >= low : bounds[0] > low) && bounds[1] <= high;
        if (!fits) {
            throw new IllegalArgumentException(name + " must be " + (lowIncluded ? ">= " : "> ") + low
                    + (Double.isInfinite(high) ? "" : " and <= " + high) + ", got " + domain);
        }
    }

    /** The dataset of this trial's sizes, loaded once per JVM. */
    private Dataset dataset() {
        return DATASETS.computeIfAbsent(List.of(trainSamples, validationSamples), key -> {
            try {
                Dataset.Builder builder = Dataset.builder().source(FashionMnist.subset()).validation(validationSamples)
                        .normalization(Normalization.PER_CHANNEL);
                if (trainSamples > 0) {
                    builder.training(trainSamples);
                }
                return builder.build();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private static Model model(Config config, Dataset data, long seed) {
        String name = config.getString("model", "fc");
        return switch (name) {
            case "threelayer" -> {
                ThreeLayerConvNet.Builder b = common(ThreeLayerConvNet.builder(), config, data, seed);
                if (config.has("filters")) {
                    b.filters(config.getInt("filters"));
                }
                yield b.hidden(config.getInt("hidden", 100)).build();
            }
            case "lenet" -> {
                LeNet.Builder b = common(LeNet.builder(), config, data, seed);
                if (config.has("filters")) {
                    b.filters(config.getInt("filters"), 2 * config.getInt("filters"));
                }
                yield b.build();
            }
            case "fc" -> {
                int hidden = config.getInt("hidden", 100);
                yield common(FullyConnectedNet.builder(), config, data, seed).hidden(hidden, hidden).build();
            }
            default -> throw new IllegalArgumentException("model must be one of " + String.join(", ", MODELS) + ", got '"
                    + name + "'");
        };
    }

    /** The options every model shares: shape, classes, L2 strength, seed, and the initialisation. */
    private static <B extends ModelOptions<B>> B common(B builder, Config config, Dataset data, long seed) {
        builder.inputShape(data.imageShape()).classes(data.numClasses()).reg(config.getDouble("reg", 1e-4)).seed(seed);
        return config.has("weight_scale") ? builder.weightScale(config.getDouble("weight_scale")) : builder.init(Init.kaiming());
    }

    private static Optimizer optimizer(Config config, Model model) {
        return Optimizers.named(config.getString("optimizer", "adam"), config.getDouble("lr", 1e-3), model.parameters());
    }

    /** {@code SolverTrial[Fashion-MNIST subset, 300 training / 100 validation images; stop above 3× the first loss]}. */
    @Override
    public String toString() {
        String limit = Double.isInfinite(explosionFactor) ? "no loss limit" : "stop above " + Domain.format(explosionFactor)
                .replaceFirst("\\.0$", "") + "× the first loss";
        String images = trainSamples == 0 ? validationSamples + " validation images, the rest for training"
                : trainSamples + " training / " + validationSamples + " validation images";
        return "SolverTrial[Fashion-MNIST subset, " + images + "; " + limit + "]";
    }

    /** Stops training when the loss exceeds a multiple of the first step's loss. */
    private static final class ExplosionGuard implements SolverListener {
        private final double factor;
        private double first = Double.NaN;

        ExplosionGuard(double factor) {
            this.factor = factor;
        }

        @Override
        public void onIteration(IterationProgress progress) {
            if (Double.isNaN(first)) {
                first = progress.loss();
            } else if (progress.loss() > factor * first) {
                throw new LossExploded(String.format(Locale.ROOT, "the loss exploded: %.4g > %s × %.4g (the first loss) "
                        + "at iteration %d", progress.loss(), Config.brief(factor), first, progress.iteration()));
            }
        }
    }

    /** Thrown by the guard, through the Solver, to stop a trial. */
    private static final class LossExploded extends RuntimeException {
        private static final long serialVersionUID = 1L;

        LossExploded(String message) {
            super(message, null, false, false);
        }
    }

    /** Options of a {@link SolverTrial}. */
    public static final class Builder {
        private int trainSamples;
        private int validationSamples = 1000;
        private int trainAccuracySamples = 1000;
        private double explosionFactor = 3;

        private Builder() {
        }

        /** Training images: the first N of the subset (default: all that validation leaves, 9,000). */
        public Builder trainSamples(int value) {
            this.trainSamples = value;
            return this;
        }

        /** Validation images, after the training images (default 1,000). */
        public Builder validationSamples(int value) {
            this.validationSamples = value;
            return this;
        }

        /** Training images sampled for the training accuracy (default 1,000, or all if fewer). */
        public Builder trainAccuracySamples(int value) {
            this.trainAccuracySamples = value;
            return this;
        }

        /**
         * Stop a trial whose loss exceeds this multiple of its first loss (default 3, CS231n's rule; above 1;
         * {@code Double.POSITIVE_INFINITY} never stops).
         */
        public Builder explosionFactor(double value) {
            this.explosionFactor = value;
            return this;
        }

        /**
         * The trial function.
         *
         * @throws IllegalArgumentException if a number is out of range
         */
        public SolverTrial build() {
            return new SolverTrial(this);
        }
    }
}
