package org.convlab.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.convlab.data.Cifar10;
import org.convlab.data.Dataset;
import org.convlab.data.FashionMnist;
import org.convlab.data.ImageSource;
import org.convlab.data.Normalization;
import org.convlab.kernel.Parallel;
import org.convlab.nn.Init;
import org.convlab.nn.models.FullyConnectedNet;
import org.convlab.nn.models.LeNet;
import org.convlab.nn.models.Model;
import org.convlab.nn.models.ThreeLayerConvNet;
import org.convlab.optim.LearningRateSchedule;
import org.convlab.optim.Optimizer;
import org.convlab.optim.Optimizers;
import org.convlab.plot.Plots;
import org.convlab.train.AtomicFiles;
import org.convlab.train.Checkpoint;
import org.convlab.train.Evaluation;
import org.convlab.train.History;
import org.convlab.train.Json;
import org.convlab.train.Solver;
import org.convlab.train.TrainingDivergedException;

/**
 * {@code ./convlab train}: trains a classifier with the {@link Solver} and writes a run folder.
 * Run with {@code --help} for the options; {@link TrainOptions} defines them.
 *
 * <p>The run folder holds {@value #CONFIG} (the options and the environment, written before training
 * so that an interrupted run can be resumed), {@value Checkpoint#FILE_NAME} (after every epoch), the
 * history as CSV, the loss, accuracy and learning-rate plots as PNG, and {@value #RESULTS} (best
 * epoch, validation and test accuracy). Errors print one line and exit with status 2 for a bad command
 * line and 1 for anything else (missing data, unreadable checkpoint, divergence).
 */
public final class TrainCommand {
    /** The options and environment of a run. */
    static final String CONFIG = "config.json";
    /** The outcome of a run. */
    static final String RESULTS = "results.json";
    /** The loss plot. */
    static final String LOSS_PNG = "loss.png";
    /** The accuracy plot. */
    static final String ACCURACY_PNG = "accuracy.png";
    /** The learning-rate plot. */
    static final String LEARNING_RATE_PNG = "learning_rate.png";

    private static final String NAME = "convlab train";

    private TrainCommand() {
    }

    /**
     * Runs the command and exits with its status.
     *
     * @param args the options; see {@code --help}
     */
    public static void main(String[] args) {
        Commands.exit((out, err, terminal) -> run(args, out, err, terminal));
    }

    /**
     * Runs the command.
     *
     * @param terminal whether {@code out} is an interactive terminal (progress bar) or not (plain lines)
     * @return the exit status: 0 on success, 1 on a failure, 2 on a bad command line
     */
    static int run(String[] args, PrintStream out, PrintStream err, boolean terminal) {
        return Commands.run(NAME, err, () -> {
            TrainOptions options = TrainOptions.parse(args);
            if (options.help) {
                out.print(TrainOptions.help());
                return 0;
            }
            return train(options.resume != null ? resumedOptions(options) : options, out, err, terminal);
        });
    }

    private static int train(TrainOptions options, PrintStream out, PrintStream err, boolean terminal) throws IOException {
        Path runFolder = options.resume != null ? options.resume : runFolder(options.out);
        Parallel.setPoolSize(Math.max(Parallel.poolSize(), options.threads));
        long start = System.nanoTime();
        Dataset data = dataset(options);
        Model model = model(options, data);
        Optimizer optimizer = optimizer(options, model);
        LearningRateSchedule schedule = LearningRateSchedule.perEpochDecay(options.learningRateDecay);
        Solver solver = Solver.builder()
                .model(model)
                .data(data)
                .optimizer(optimizer)
                .schedule(schedule)
                .batchSize(options.batchSize)
                .epochs(options.epochs)
                .seed(options.seed)
                .threads(options.threads)
                .checkpointFolder(runFolder)
                .listener(new ProgressReporter(out, terminal))
                .build();
        if (options.resume != null) {
            solver.resume(runFolder.resolve(Checkpoint.FILE_NAME));
        }
        writeConfig(runFolder.resolve(CONFIG), options, data, model, optimizer, schedule);
        out.println(data.description() + "; " + data.train().size() + " train / " + data.validation().size()
                + " validation / " + data.test().size() + " test images, " + data.normalizer().kind());
        out.println(model.describe() + ", " + String.format(Locale.ROOT, "%,d", model.parameterCount()) + " parameters");
        out.println(optimizer + ", " + schedule + ", batch size " + options.batchSize + ", seed " + options.seed + "; "
                + Math.min(options.threads, Parallel.poolSize()) + " threads, Java " + Runtime.version());
        out.println("run folder: " + runFolder + (options.resume != null ? " (resumed after epoch " + solver.completedEpochs() + ")" : ""));
        try {
            solver.train();
        } catch (TrainingDivergedException e) {
            writeHistory(solver.history(), runFolder);
            return Commands.failure(NAME, err, e.getMessage());
        }
        double test = Evaluation.accuracy(model, data.test(), options.batchSize);
        double seconds = (System.nanoTime() - start) / 1e9;
        writeHistory(solver.history(), runFolder);
        Map<String, Object> results = new LinkedHashMap<>();
        results.put("best_epoch", solver.bestEpoch());
        results.put("validation_accuracy", solver.bestValidationAccuracy());
        results.put("test_accuracy", test);
        results.put("test_images", data.test().size());
        results.put("epochs", solver.completedEpochs());
        results.put("training_seconds", solver.history().epochs().get(solver.history().epochs().size() - 1).seconds());
        results.put("command_seconds", seconds);
        AtomicFiles.writeString(runFolder.resolve(RESULTS), Json.write(results));
        out.printf(Locale.ROOT, "best epoch %d: validation accuracy %.4f; test accuracy %.4f (%d images); %s in all%n",
                solver.bestEpoch(), solver.bestValidationAccuracy(), test, data.test().size(),
                ProgressReporter.duration(seconds));
        out.println("wrote " + runFolder + ": " + CONFIG + ", " + Checkpoint.FILE_NAME + ", " + History.ITERATIONS_CSV + ", "
                + History.EPOCHS_CSV + ", " + LOSS_PNG + ", " + ACCURACY_PNG + ", " + LEARNING_RATE_PNG + ", " + RESULTS);
        return 0;
    }

    /** Writes {@value #CONFIG}: the options (what --resume reads back) and what they resolved to. */
    private static void writeConfig(Path file, TrainOptions options, Dataset data, Model model, Optimizer optimizer,
                                    LearningRateSchedule schedule) throws IOException {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("options", options.toJson());
        config.put("data", data.description());
        config.put("normalization", data.normalizer().toString());
        Map<String, Object> images = new LinkedHashMap<>();
        images.put("train", data.train().size());
        images.put("validation", data.validation().size());
        images.put("test", data.test().size());
        config.put("images", images);
        config.put("model", model.describe());
        config.put("parameters", model.parameterCount());
        config.put("optimizer", optimizer.toString());
        config.put("schedule", schedule.toString());
        config.put("threads", Math.min(options.threads, Parallel.poolSize()));
        config.put("java", Runtime.version().toString());
        config.put("java_vendor", System.getProperty("java.vendor"));
        config.put("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
        config.put("written", LocalDateTime.now().toString());
        AtomicFiles.writeString(file, Json.write(config));
    }

    private static TrainOptions resumedOptions(TrainOptions command) throws IOException {
        Path config = command.resume.resolve(CONFIG);
        if (!Files.isRegularFile(config)) {
            throw new IOException(config + ": no such file; --resume needs a run folder written by ./convlab train");
        }
        Map<String, Object> json = Json.readObject(config);
        if (!(json.get("options") instanceof Map<?, ?> saved)) {
            throw new IOException(config + ": no \"options\" object; not a run folder's config");
        }
        return TrainOptions.resumed(saved, command);
    }

    /** The run folder: the one given, which must not hold a run yet, or a new one named by the time. */
    private static Path runFolder(Path given) throws IOException {
        if (given != null) {
            if (Files.exists(given.resolve(Checkpoint.FILE_NAME)) || Files.exists(given.resolve(CONFIG))) {
                throw new IOException(given + " already holds a run; continue it with --resume " + given
                        + " or choose another --out");
            }
            return given;
        }
        return Commands.newFolder("runs");
    }

    /** The dataset the options name: the embedded Fashion-MNIST subset unless --data-path or --dataset say otherwise. */
    static Dataset dataset(TrainOptions options) throws IOException {
        ImageSource source;
        if (options.dataset.equals("cifar10")) {
            source = Cifar10.locate(options.dataPath);
        } else {
            source = options.dataPath != null ? FashionMnist.folder(options.dataPath) : FashionMnist.subset();
        }
        Dataset.Builder builder = Dataset.builder().source(source).validation(options.validation)
                .normalization(normalization(options.normalization));
        if (options.trainSamples != null) {
            builder.training(options.trainSamples);
        }
        if (options.testSamples != null) {
            builder.test(options.testSamples);
        }
        return builder.build();
    }

    private static Normalization normalization(String name) {
        return switch (name) {
            case "none" -> Normalization.NONE;
            case "mean-image" -> Normalization.MEAN_IMAGE;
            case "unit-range" -> Normalization.UNIT_RANGE;
            default -> Normalization.PER_CHANNEL;
        };
    }

    /** The model the options name, shaped for the data, Kaiming-initialised from the seed. */
    static Model model(TrainOptions options, Dataset data) {
        int[] shape = data.imageShape();
        int classes = data.numClasses();
        return switch (options.model) {
            case "fc" -> FullyConnectedNet.builder().inputShape(shape).classes(classes).hidden(100, 100)
                    .init(Init.kaiming()).reg(options.reg).seed(options.seed).build();
            case "lenet" -> LeNet.builder().inputShape(shape).classes(classes).filters(32, 64).init(Init.kaiming())
                    .reg(options.reg).seed(options.seed).build();
            default -> ThreeLayerConvNet.builder().inputShape(shape).classes(classes).init(Init.kaiming())
                    .reg(options.reg).seed(options.seed).build();
        };
    }

    /** The optimizer the options name, with CS231n's defaults besides the learning rate. */
    static Optimizer optimizer(TrainOptions options, Model model) {
        return Optimizers.named(options.optimizer, options.learningRate(), model.parameters());
    }

    /** Writes the history as CSV and its plots as PNG, as far as the history goes. */
    private static void writeHistory(History history, Path folder) throws IOException {
        history.writeCsv(folder);
        if (!history.iterations().isEmpty()) {
            Plots.savePng(Plots.loss(history), folder.resolve(LOSS_PNG));
            Plots.savePng(Plots.learningRate(history), folder.resolve(LEARNING_RATE_PNG));
        }
        if (!history.epochs().isEmpty()) {
            Plots.savePng(Plots.accuracy(history), folder.resolve(ACCURACY_PNG));
        }
    }
}
