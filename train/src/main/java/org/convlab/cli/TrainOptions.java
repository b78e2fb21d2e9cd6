package org.convlab.cli;

import static org.convlab.cli.OptionSyntax.integer;
import static org.convlab.cli.OptionSyntax.oneOf;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * The options of {@code ./convlab train}, their defaults, their parsing and their help text, all from
 * one table of {@link Flag}s. The same table writes the options into the run's {@code config.json} and
 * reads them back for {@code --resume}.
 */
final class TrainOptions {
    /** The models {@code --model} accepts. */
    static final List<String> MODELS = List.of("threelayer", "fc", "lenet");
    /** The datasets {@code --dataset} accepts. */
    static final List<String> DATASETS = List.of("fashion-mnist", "cifar10");
    /** The optimizers {@code --optimizer} accepts. */
    static final List<String> OPTIMIZERS = List.of("sgd", "momentum", "nesterov", "rmsprop", "adam");
    /** The normalisations {@code --normalization} accepts. */
    static final List<String> NORMALIZATIONS = List.of("none", "mean-image", "per-channel", "unit-range");

    String model = "threelayer";
    String dataset = "fashion-mnist";
    Path dataPath;
    int epochs = 5;
    int batchSize = 50;
    String optimizer = "adam";
    Double learningRate;
    double learningRateDecay = 0.9;
    double reg = 1e-4;
    long seed;
    int threads = Runtime.getRuntime().availableProcessors();
    Path out;
    Integer trainSamples;
    int validation = 1000;
    Integer testSamples;
    String normalization = "per-channel";
    Path resume;
    boolean help;
    /** The options the command line named, in order. */
    final Set<String> given = new LinkedHashSet<>();

    /**
     * One option: its name, the name of its value (empty for a switch), its help, how it is set, and how
     * its value is read back for {@code config.json} (null for options that are not saved).
     */
    private record Flag(String name, String value, String help, BiConsumer<TrainOptions, String> apply,
                        Function<TrainOptions, Object> current) {
    }

    private static final List<Flag> FLAGS = List.of(
            new Flag("--model", "NAME", "threelayer (default): CS231n's conv 32×7×7 – relu – pool – affine 100 – relu – "
                    + "affine; fc: fully connected, hidden layers 100 and 100; lenet: conv 32×5×5 – relu – pool – conv "
                    + "64×5×5 – relu – pool – affine, two convolutions, about 3× slower. Weights: Kaiming initialisation",
                    (o, v) -> o.model = oneOf("--model", v, MODELS), o -> o.model),
            new Flag("--dataset", "NAME", "fashion-mnist (default) or cifar10",
                    (o, v) -> o.dataset = oneOf("--dataset", v, DATASETS), o -> o.dataset),
            new Flag("--data-path", "DIR", "folder holding the dataset's files. Default for fashion-mnist: the 10,000 + "
                    + "2,000-image subset shipped in the jar (the full set: /usr/share/datasets/fashion-mnist); for "
                    + "cifar10: $CONVLAB_CIFAR10",
                    (o, v) -> o.dataPath = Path.of(v), o -> o.dataPath == null ? null : o.dataPath.toString()),
            new Flag("--epochs", "N", "epochs to train (default 5); with --resume, the new total",
                    (o, v) -> o.epochs = positiveInt("--epochs", v), o -> o.epochs),
            new Flag("--batch-size", "N", "images per step (default 50)",
                    (o, v) -> o.batchSize = positiveInt("--batch-size", v), o -> o.batchSize),
            new Flag("--optimizer", "NAME", "sgd, momentum (μ 0.9), nesterov (μ 0.9), rmsprop (decay 0.99) or adam "
                    + "(default; β1 0.9, β2 0.999), with CS231n's update rules",
                    (o, v) -> o.optimizer = oneOf("--optimizer", v, OPTIMIZERS), o -> o.optimizer),
            new Flag("--lr", "RATE", "learning rate (default: 1e-3 for adam, 1e-2 for the others)",
                    (o, v) -> o.learningRate = positiveDouble("--lr", v), o -> o.learningRate),
            new Flag("--lr-decay", "FACTOR", "multiply the learning rate by FACTOR after every epoch, CS231n's lr_decay "
                    + "(default 0.9; 1 keeps it constant)",
                    (o, v) -> o.learningRateDecay = fraction("--lr-decay", v), o -> o.learningRateDecay),
            new Flag("--reg", "STRENGTH", "L2 regularisation of the weights, 0.5·reg·ΣW² (default 1e-4)",
                    (o, v) -> o.reg = nonNegativeDouble("--reg", v), o -> o.reg),
            new Flag("--seed", "N", "seed of the initial weights, the batch order and the training-accuracy sample "
                    + "(default 0); the same seed and thread count repeat a run exactly",
                    (o, v) -> o.seed = integer("--seed", v), o -> o.seed),
            new Flag("--threads", "N", "threads for the kernels (default: the number of cores, here "
                    + Runtime.getRuntime().availableProcessors() + ")",
                    (o, v) -> o.threads = positiveInt("--threads", v), o -> o.threads),
            new Flag("--out", "DIR", "run folder to write (default runs/<date>_<time>)",
                    (o, v) -> o.out = Path.of(v), o -> o.out == null ? null : o.out.toString()),
            new Flag("--train-samples", "N", "train on the first N training images (default: all not used for validation)",
                    (o, v) -> o.trainSamples = positiveInt("--train-samples", v), o -> o.trainSamples),
            new Flag("--validation", "N", "validation images, taken from the training part after the training images "
                    + "(default 1000); the best epoch is chosen on them",
                    (o, v) -> o.validation = positiveInt("--validation", v), o -> o.validation),
            new Flag("--test-samples", "N", "test on the first N test images (default: all)",
                    (o, v) -> o.testSamples = positiveInt("--test-samples", v), o -> o.testSamples),
            new Flag("--normalization", "KIND", "per-channel (default: (x − mean) / std per channel), mean-image "
                    + "(CS231n's), unit-range (x / 255) or none; statistics from the training images",
                    (o, v) -> o.normalization = oneOf("--normalization", v, NORMALIZATIONS), o -> o.normalization),
            new Flag("--resume", "RUN_DIR", "continue the run in RUN_DIR from its last checkpoint, with its own options; "
                    + "only --epochs and --threads may be given with it",
                    (o, v) -> o.resume = Path.of(v), null),
            new Flag("--help", "", "show this help",
                    (o, v) -> o.help = true, null));

    private static final int HELP_INDENT = 24;

    /** Options that may be combined with {@code --resume}. */
    private static final List<String> RESUME_OVERRIDES = List.of("--epochs", "--threads", "--resume");

    /**
     * Parses {@code --name value}, {@code --name=value} and {@code --help} (also {@code -h}).
     *
     * @throws UsageException on an unknown option, a missing or bad value, a stray argument, or
     *     options other than --epochs and --threads with --resume
     */
    static TrainOptions parse(String... args) {
        TrainOptions options = new TrainOptions();
        OptionSyntax.parse(args, name -> flag(name).map(Flag::value), (name, value) -> {
            flag(name).orElseThrow().apply().accept(options, value);
            options.given.add(name);
        });
        if (options.resume != null) {
            for (String name : options.given) {
                if (!RESUME_OVERRIDES.contains(name)) {
                    throw new UsageException("--resume continues a run with its own options; " + name
                            + " cannot be changed (only --epochs and --threads can)");
                }
            }
        }
        return options;
    }

    /**
     * The options of a run, read back from its {@code config.json} (as written by {@link #toJson()}),
     * with this command line's --epochs and --threads if it gave them.
     *
     * @param saved   the {@code options} object of the run's config
     * @param command the options of the resuming command line
     * @throws UsageException if the saved options are not valid
     */
    static TrainOptions resumed(Map<?, ?> saved, TrainOptions command) {
        TrainOptions options = new TrainOptions();
        saved.forEach((key, value) -> {
            if (value != null) {
                Flag flag = flag("--" + key).orElseThrow(() -> new UsageException("the run's config has an unknown option '"
                        + key + "'"));
                flag.apply().accept(options, value.toString());
            }
        });
        options.resume = command.resume;
        options.out = command.resume;
        if (command.given.contains("--epochs")) {
            options.epochs = command.epochs;
        }
        if (command.given.contains("--threads")) {
            options.threads = command.threads;
        }
        return options;
    }

    /** The options as written into {@code config.json}: every option's value by name, without the dashes. */
    Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        for (Flag flag : FLAGS) {
            if (flag.current() != null) {
                json.put(flag.name().substring(2), flag.current().apply(this));
            }
        }
        return json;
    }

    /** The learning rate: the one given, or the optimizer's usual default. */
    double learningRate() {
        return learningRate != null ? learningRate : optimizer.equals("adam") ? 1e-3 : 1e-2;
    }

    /** The help text, from the option table. */
    static String help() {
        StringBuilder text = new StringBuilder();
        text.append("""
                Usage: ./convlab train [options]

                Trains a classifier on Fashion-MNIST (or CIFAR-10) with CS231n's Solver semantics, shows progress,
                prints the validation and test accuracy, and writes a run folder: config.json, checkpoint.npz
                (numpy.load reads it; rewritten after every epoch), history_iterations.csv, history_epochs.csv,
                loss.png, accuracy.png, learning_rate.png and results.json.

                Options:
                """);
        for (Flag flag : FLAGS) {
            text.append(OptionSyntax.helpEntry(flag.name(), flag.value(), flag.help(), HELP_INDENT)).append('\n');
        }
        text.append("""

                Examples:
                  ./convlab train
                  ./convlab train --model lenet --epochs 3 --threads 2
                  ./convlab train --optimizer momentum --lr 0.01 --lr-decay 0.95 --out runs/momentum
                  ./convlab train --resume runs/momentum --epochs 8
                """);
        return text.toString();
    }

    private static Optional<Flag> flag(String name) {
        return FLAGS.stream().filter(f -> f.name().equals(name)).findFirst();
    }

    private static int positiveInt(String option, String value) {
        long n = integer(option, value);
        if (n <= 0 || n > Integer.MAX_VALUE) {
            throw new UsageException(option + " must be a positive integer, got '" + value + "'");
        }
        return (int) n;
    }

    private static double number(String option, String value) {
        try {
            double d = Double.parseDouble(value.strip());
            if (Double.isFinite(d)) {
                return d;
            }
        } catch (NumberFormatException e) {
            // reported below, like a non-finite number
        }
        throw new UsageException(option + " must be a number, got '" + value + "'");
    }

    private static double positiveDouble(String option, String value) {
        double d = number(option, value);
        if (d <= 0) {
            throw new UsageException(option + " must be positive, got '" + value + "'");
        }
        return d;
    }

    private static double nonNegativeDouble(String option, String value) {
        double d = number(option, value);
        if (d < 0) {
            throw new UsageException(option + " must not be negative, got '" + value + "'");
        }
        return d;
    }

    private static double fraction(String option, String value) {
        double d = number(option, value);
        if (d <= 0 || d > 1) {
            throw new UsageException(option + " must be in (0, 1], got '" + value + "'");
        }
        return d;
    }
}
