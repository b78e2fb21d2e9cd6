package org.convlab.train;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.convlab.autograd.Tensor;
import org.convlab.data.Augmentation;
import org.convlab.data.Batch;
import org.convlab.data.BatchLoader;
import org.convlab.data.Dataset;
import org.convlab.data.Split;
import org.convlab.kernel.Parallel;
import org.convlab.nn.models.Model;
import org.convlab.optim.LearningRateSchedule;
import org.convlab.optim.Optimizer;

/**
 * Trains a classifier like CS231n's {@code Solver}, with checkpoints and exact reproducibility.
 *
 * <pre>{@code
 * Solver solver = Solver.builder()
 *         .model(model)
 *         .data(dataset)
 *         .optimizer(Adam.builder().learningRate(1e-3).build(model.parameters()))
 *         .batchSize(50)
 *         .epochs(5)
 *         .schedule(LearningRateSchedule.stepDecay(0.95))
 *         .checkpointFolder(Path.of("runs/first"))
 *         .build();
 * History history = solver.train();
 * }</pre>
 *
 * <p><b>Each epoch</b> visits the training split once in mini-batches shuffled by the seed (see
 * {@link BatchLoader}); before every step the learning rate is set from the schedule, and after it the
 * loss is recorded. Each step's loss is checked: NaN or infinity stops training with a
 * {@link TrainingDivergedException}. At the end of the epoch the accuracy is measured, in evaluation
 * mode without a graph, on a fixed sample of training images (1,000 by default, drawn once with the
 * seed) and on the validation images; epoch 0 is the same check before the first step, as in CS231n.
 *
 * <p><b>Best parameters.</b> The parameters and buffers of the epoch with the highest validation
 * accuracy so far (the earliest of equals) are kept, and, like CS231n's Solver, swapped into the model
 * when training ends: after {@link #train()} the model holds the best epoch's parameters, not the last
 * ones. The checkpoint keeps both.
 *
 * <p><b>Checkpoints.</b> With a {@linkplain Builder#checkpointFolder checkpoint folder}, every epoch ends
 * by replacing {@value Checkpoint#FILE_NAME} there, atomically: parameters and buffers, optimizer state,
 * best parameters, the epoch reached and the history (see {@link Checkpoint}). {@link #resume(Path)}
 * restores all of it, and since every epoch's batch order and augmentation depend only on the seed and
 * the epoch number, a resumed run continues exactly as the uninterrupted run would have.
 *
 * <p><b>Reproducibility.</b> The same model initialisation, seed and thread count give the same
 * history bit for bit (wall-clock times aside). Different thread counts may round differently. Models
 * that draw random numbers inside {@code scores} (dropout) keep their own generator, which checkpoints
 * do not capture.
 */
public final class Solver {
    private final Model model;
    private final Optimizer optimizer;
    private final LearningRateSchedule schedule;
    private final double baseLearningRate;
    private final Split validation;
    private final int[] validationIndices;
    private final Split training;
    private final int[] trainSample;
    private final BatchLoader loader;
    private final int batchSize;
    private final int epochs;
    private final long seed;
    private final int threads;
    private final Path checkpointFolder;
    private final List<SolverListener> listeners;

    private History history = new History();
    private int completedEpochs;
    private long iteration;
    private double secondsBefore;
    private Map<String, Tensor> best;
    private Path lastCheckpoint;
    private int lastCheckpointEpoch;

    private Solver(Builder b) {
        this.model = require(b.model, "model");
        this.optimizer = require(b.optimizer, "optimizer");
        Dataset data = require(b.data, "data");
        checkOptimizerOwnsModel(model, optimizer);
        if (!Arrays.equals(model.inputShape(), data.imageShape()) || model.classes() != data.numClasses()) {
            throw new IllegalArgumentException("Solver: the model takes " + Arrays.toString(model.inputShape()) + " images in "
                    + model.classes() + " classes but the data has " + Arrays.toString(data.imageShape()) + " images in "
                    + data.numClasses() + " classes");
        }
        positive("batchSize", b.batchSize);
        positive("epochs", b.epochs);
        positive("threads", b.threads);
        positive("trainAccuracySamples", b.trainAccuracySamples);
        this.training = data.train();
        this.validation = data.validation();
        if (validation.size() == 0) {
            throw new IllegalArgumentException("Solver: the data has no validation images; build the Dataset with validation(n) > 0");
        }
        int validationCount = b.validationSamples == null ? validation.size() : positive("validationSamples", b.validationSamples);
        if (validationCount > validation.size()) {
            throw new IllegalArgumentException("Solver: validationSamples is " + validationCount + " but the data has "
                    + validation.size() + " validation images");
        }
        this.validationIndices = new int[validationCount];
        Arrays.setAll(validationIndices, i -> i);
        this.trainSample = training.sampleIndices(Math.min(b.trainAccuracySamples, training.size()), b.seed);
        this.batchSize = b.batchSize;
        this.epochs = b.epochs;
        this.seed = b.seed;
        this.threads = b.threads;
        this.schedule = b.schedule;
        this.baseLearningRate = optimizer.learningRate();
        this.checkpointFolder = b.checkpointFolder;
        this.listeners = List.copyOf(b.listeners);
        this.loader = training.loader(batchSize, seed).augmentation(b.augmentation).dtype(Evaluation.dtype(model));
    }

    /** A builder; model, data and optimizer are required. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Runs the remaining epochs (all of them, or those after the checkpoint given to {@link #resume}),
     * then swaps the best parameters into the model. Calling it again once every epoch is done does
     * nothing more than that swap.
     *
     * @return the history, also available from {@link #history()}
     * @throws TrainingDivergedException if the loss or a parameter becomes NaN or infinite
     * @throws IOException if a checkpoint cannot be written
     */
    public History train() throws IOException {
        try {
            Parallel.withThreads(threads, this::runEpochs);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return history;
    }

    /**
     * Restores a run from a checkpoint this solver's settings wrote: parameters and buffers, optimizer
     * state, best parameters, the epoch reached and the history. Everything is read and checked
     * first (names, shapes, optimizer type, seed, batch size, samples, training-set size), so a
     * mismatch leaves the model and optimizer untouched. The next {@link #train()} continues with the
     * epoch after the checkpoint's; {@link Builder#epochs} may be raised to train longer.
     *
     * @throws CheckpointException naming the file if it cannot be read or does not fit this solver
     */
    public void resume(Path file) throws CheckpointException {
        Checkpoint checkpoint = Checkpoint.read(file);
        String where = file.toString();
        Map<String, Object> meta = checkpoint.metadata();
        if (!"solver".equals(meta.get("kind"))) {
            throw new CheckpointException(where, "it holds a model only, not a Solver run to resume");
        }
        expect(where, meta, "optimizer", optimizer.getClass().getSimpleName());
        expect(where, meta, "seed", seed);
        expect(where, meta, "batch_size", (long) batchSize);
        expect(where, meta, "train_size", (long) training.size());
        expect(where, meta, "train_accuracy_samples", (long) trainSample.length);
        expect(where, meta, "validation_samples", (long) validationIndices.length);
        int epoch = number(where, meta, "epoch").intValue();
        long iterations = number(where, meta, "iteration").longValue();
        // the best epoch comes from the history, but a checkpoint must still carry these entries
        number(where, meta, "best_epoch");
        number(where, meta, "best_validation_accuracy");
        if (epoch > epochs) {
            throw new CheckpointException(where, "it is from epoch " + epoch + " but this solver runs only " + epochs
                    + " epochs; raise epochs to continue");
        }
        Map<String, Tensor> state = model.stateDict();
        checkpoint.checkSameShapes("model state", state, checkpoint.model());
        checkpoint.checkSameShapes("best model state", state, checkpoint.best());
        checkpoint.checkSameShapes("optimizer state", optimizer.stateDict(), checkpoint.optimizer());
        History restored;
        try {
            restored = History.fromJson(asMap(meta.get("history")));
        } catch (IllegalArgumentException e) {
            throw new CheckpointException(where, "the metadata's history is unreadable: " + e.getMessage(), e);
        }
        model.loadStateDict(checkpoint.model());
        optimizer.loadStateDict(checkpoint.optimizer());
        best = copies(checkpoint.best());
        history = restored;
        completedEpochs = epoch;
        iteration = iterations;
        secondsBefore = history.epochs().isEmpty() ? 0 : history.epochs().get(history.epochs().size() - 1).seconds();
        lastCheckpoint = file;
        lastCheckpointEpoch = epoch;
    }

    /** The model being trained. */
    public Model model() {
        return model;
    }

    /** The optimizer, with its state. */
    public Optimizer optimizer() {
        return optimizer;
    }

    /** The history so far (the live object: it grows while training runs). */
    public History history() {
        return history;
    }

    /** Epochs completed so far. */
    public int completedEpochs() {
        return completedEpochs;
    }

    /** The epoch whose parameters are kept as the best (0 before training), or -1 before any check. */
    public int bestEpoch() {
        return history.best().map(EpochRecord::epoch).orElse(-1);
    }

    /** The validation accuracy of {@link #bestEpoch()}. */
    public double bestValidationAccuracy() {
        return history.best().map(EpochRecord::validationAccuracy).orElse(Double.NEGATIVE_INFINITY);
    }

    /** Copies of the best parameters and buffers so far, by name (empty before any check). */
    public Map<String, Tensor> bestState() {
        return best == null ? Map.of() : copies(best);
    }

    /** Steps per epoch. */
    public int batchesPerEpoch() {
        return loader.batchesPerEpoch();
    }

    /** The file of the last checkpoint written or resumed from, or null. */
    public Path lastCheckpoint() {
        return lastCheckpoint;
    }

    // ------------------------------------------------------------------ the training loop

    private void runEpochs() {
        long start = System.nanoTime();
        listeners.forEach(l -> l.onStart(completedEpochs + 1, epochs, loader.batchesPerEpoch()));
        if (history.epochs().isEmpty()) {
            endEpoch(0, schedule.rate(baseLearningRate, 0, loader.batchesPerEpoch()), start);
        }
        for (int epoch = completedEpochs + 1; epoch <= epochs; epoch++) {
            runEpoch(epoch, start);
            endEpoch(epoch, optimizer.learningRate(), start);
        }
        if (best != null) {
            model.loadStateDict(best);
        }
        listeners.forEach(l -> l.onEnd(history));
    }

    private void runEpoch(int epoch, long start) {
        int batches = loader.batchesPerEpoch();
        long totalIterations = (long) epochs * batches;
        long epochStart = System.nanoTime();
        long images = 0;
        int batchIndex = 0;
        model.train();
        for (Batch batch : loader.epoch(epoch - 1)) {
            batchIndex++;
            double rate = schedule.rate(baseLearningRate, iteration, batches);
            optimizer.setLearningRate(rate);
            optimizer.zeroGrad();
            Tensor loss = model.loss(batch.x(), batch.y());
            double value = loss.item();
            if (!Double.isFinite(value)) {
                throw diverged("the loss is " + value, iteration + 1, epoch, batchIndex);
            }
            loss.backward();
            optimizer.step();
            iteration++;
            images += batch.size();
            long now = System.nanoTime();
            double seconds = elapsed(start, now);
            history.add(new IterationRecord(iteration, epoch, batchIndex, value, rate, seconds));
            double epochSeconds = (now - epochStart) / 1e9;
            IterationProgress progress = new IterationProgress(iteration, totalIterations, epoch, epochs, batchIndex,
                    batches, value, rate, images / epochSeconds, epochSeconds / batchIndex, seconds);
            listeners.forEach(l -> l.onIteration(progress));
        }
        String bad = firstNonFiniteParameter();
        if (bad != null) {
            throw diverged("parameter " + bad + " has NaN or infinite values", iteration, epoch, batches);
        }
    }

    private void endEpoch(int epoch, double learningRate, long start) {
        double trainAccuracy = Evaluation.accuracy(model, training, trainSample, batchSize);
        double validationAccuracy = Evaluation.accuracy(model, validation, validationIndices, batchSize);
        EpochRecord record = new EpochRecord(epoch, iteration, trainAccuracy, validationAccuracy, learningRate,
                elapsed(start, System.nanoTime()));
        boolean improved = validationAccuracy > bestValidationAccuracy();
        history.add(record);
        completedEpochs = epoch;
        if (improved) {
            best = copies(model.stateDict());
        }
        if (checkpointFolder != null && epoch > 0) {
            Path file = checkpointFolder.resolve(Checkpoint.FILE_NAME);
            try {
                checkpoint(file).write(file);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            lastCheckpoint = file;
            lastCheckpointEpoch = epoch;
        }
        listeners.forEach(l -> l.onEpochEnd(record));
    }

    private double elapsed(long start, long now) {
        return secondsBefore + (now - start) / 1e9;
    }

    private TrainingDivergedException diverged(String what, long at, int epoch, int batch) {
        return new TrainingDivergedException(what, at, epoch, batch, loader.batchesPerEpoch(), history, iteration,
                lastCheckpoint, lastCheckpointEpoch);
    }

    private String firstNonFiniteParameter() {
        for (Map.Entry<String, Tensor> e : model.parameters().entrySet()) {
            Tensor t = e.getValue();
            for (int i = 0; i < t.numel(); i++) {
                if (!Double.isFinite(t.getFlat(i))) {
                    return e.getKey();
                }
            }
        }
        return null;
    }

    private Checkpoint checkpoint(Path file) {
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("format", Checkpoint.FORMAT);
        meta.put("version", Checkpoint.VERSION);
        meta.put("kind", "solver");
        meta.put("epoch", completedEpochs);
        meta.put("epochs", epochs);
        meta.put("iteration", iteration);
        meta.put("seed", seed);
        meta.put("batch_size", batchSize);
        meta.put("threads", threads);
        meta.put("train_size", training.size());
        meta.put("train_accuracy_samples", trainSample.length);
        meta.put("validation_samples", validationIndices.length);
        meta.put("optimizer", optimizer.getClass().getSimpleName());
        meta.put("optimizer_settings", optimizer.toString());
        meta.put("schedule", schedule.toString());
        meta.put("model", model.describe());
        meta.put("best_epoch", bestEpoch());
        meta.put("best_validation_accuracy", bestValidationAccuracy());
        meta.put("history", history.toJson());
        return new Checkpoint(file, model.stateDict(), optimizer.stateDict(), best, meta);
    }

    // ------------------------------------------------------------------ helpers

    private static Map<String, Tensor> copies(Map<String, Tensor> state) {
        Map<String, Tensor> copy = new LinkedHashMap<>();
        state.forEach((name, t) -> copy.put(name, t.detach().copy()));
        return copy;
    }

    private static void checkOptimizerOwnsModel(Model model, Optimizer optimizer) {
        Map<String, Tensor> mine = model.parameters();
        Map<String, Tensor> its = optimizer.parameters();
        boolean same = mine.size() == its.size() && mine.entrySet().stream().allMatch(e -> its.get(e.getKey()) == e.getValue());
        if (!same) {
            throw new IllegalArgumentException("Solver: the optimizer was built for other parameters; build it with "
                    + "model.parameters() of this model");
        }
    }

    private static void expect(String where, Map<String, Object> meta, String key, Object expected) throws CheckpointException {
        Object actual = meta.get(key);
        if (!Objects.equals(actual, expected)) {
            throw new CheckpointException(where, "it was written with " + key + " " + actual + " but this solver has "
                    + expected + "; resume with the run's own settings");
        }
    }

    private static Number number(String where, Map<String, Object> meta, String key) throws CheckpointException {
        if (!(meta.get(key) instanceof Number n)) {
            throw new CheckpointException(where, "the metadata has no number '" + key + "'");
        }
        return n;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object value) {
        if (!(value instanceof Map)) {
            throw new IllegalArgumentException("not an object");
        }
        return (Map<String, Object>) value;
    }

    private static <T> T require(T value, String option) {
        if (value == null) {
            throw new IllegalArgumentException("Solver: " + option + " is required");
        }
        return value;
    }

    private static int positive(String option, int value) {
        if (value <= 0) {
            throw new IllegalArgumentException("Solver: " + option + " must be positive, got " + value);
        }
        return value;
    }

    /** Options of a {@link Solver}. */
    public static final class Builder {
        private Model model;
        private Dataset data;
        private Optimizer optimizer;
        private int batchSize = 100;
        private int epochs = 10;
        private LearningRateSchedule schedule = LearningRateSchedule.constant();
        private long seed;
        private int trainAccuracySamples = 1000;
        private Integer validationSamples;
        private Augmentation augmentation = Augmentation.NONE;
        private int threads = Parallel.poolSize();
        private Path checkpointFolder;
        private final List<SolverListener> listeners = new ArrayList<>();

        private Builder() {
        }

        /** The model to train (required). */
        public Builder model(Model value) {
            this.model = value;
            return this;
        }

        /** The data: its training split trains, its validation split selects the best epoch (required). */
        public Builder data(Dataset value) {
            this.data = value;
            return this;
        }

        /** The optimizer, built with {@code model.parameters()} (required); its learning rate is the schedule's base. */
        public Builder optimizer(Optimizer value) {
            this.optimizer = value;
            return this;
        }

        /** Images per step (default 100, as CS231n's Solver). */
        public Builder batchSize(int value) {
            this.batchSize = value;
            return this;
        }

        /** Epochs to train (default 10, as CS231n's Solver). */
        public Builder epochs(int value) {
            this.epochs = value;
            return this;
        }

        /** How the learning rate changes (default constant); CS231n's {@code lr_decay} is {@link LearningRateSchedule#stepDecay}. */
        public Builder schedule(LearningRateSchedule value) {
            this.schedule = Objects.requireNonNull(value, "schedule");
            return this;
        }

        /** The seed of the batch order, the augmentation and the training-accuracy sample (default 0). */
        public Builder seed(long value) {
            this.seed = value;
            return this;
        }

        /** Size of the fixed sample of training images used for training accuracy (default 1000, or all if fewer). */
        public Builder trainAccuracySamples(int value) {
            this.trainAccuracySamples = value;
            return this;
        }

        /** Validation images used for validation accuracy, the first ones of the split (default: all). */
        public Builder validationSamples(int value) {
            this.validationSamples = value;
            return this;
        }

        /** Augmentation of the training batches (default none). */
        public Builder augmentation(Augmentation value) {
            this.augmentation = Objects.requireNonNull(value, "augmentation");
            return this;
        }

        /** Threads for the kernels while training (default {@link Parallel#poolSize()}; at most that many are used). */
        public Builder threads(int value) {
            this.threads = value;
            return this;
        }

        /** A folder to write {@value Checkpoint#FILE_NAME} into at the end of every epoch (default none). */
        public Builder checkpointFolder(Path value) {
            this.checkpointFolder = value;
            return this;
        }

        /** Adds a listener of progress. */
        public Builder listener(SolverListener value) {
            this.listeners.add(Objects.requireNonNull(value, "listener"));
            return this;
        }

        /**
         * The solver.
         *
         * @throws IllegalArgumentException if a required option is missing, a number is out of range,
         *     the optimizer is not the model's, the model does not fit the data, or the data has no
         *     validation images
         */
        public Solver build() {
            return new Solver(this);
        }
    }
}
