package org.convlab.train;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.text.FieldPosition;
import java.text.NumberFormat;
import java.text.ParsePosition;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.numbers.NumberColumnFormatter;

/**
 * What a {@link Solver} recorded: one {@link IterationRecord} per step and one {@link EpochRecord}
 * per epoch (epoch 0 being the check before training). Available as lists, as arrays, as Tablesaw
 * {@link Table}s, and as CSV files.
 *
 * <p>For one seed and thread count, everything but the wall-clock {@code seconds} is identical from
 * run to run, and a run resumed from a checkpoint records the same values as an uninterrupted one.
 */
public final class History {
    /** File name of the per-iteration CSV written by {@link #writeCsv(Path)}. */
    public static final String ITERATIONS_CSV = "history_iterations.csv";
    /** File name of the per-epoch CSV written by {@link #writeCsv(Path)}. */
    public static final String EPOCHS_CSV = "history_epochs.csv";

    private static final String[] ITERATION_COLUMNS = {"iteration", "epoch", "batch", "loss", "learning_rate", "seconds"};
    private static final String[] EPOCH_COLUMNS = {"epoch", "iteration", "train_accuracy", "validation_accuracy",
        "learning_rate", "seconds"};

    private final List<IterationRecord> iterations = new ArrayList<>();
    private final List<EpochRecord> epochs = new ArrayList<>();

    /** An empty history. */
    History() {
    }

    void add(IterationRecord record) {
        iterations.add(record);
    }

    void add(EpochRecord record) {
        epochs.add(record);
    }

    /** Every step recorded, in order. */
    public List<IterationRecord> iterations() {
        return Collections.unmodifiableList(iterations);
    }

    /** Every epoch check recorded, in order, starting with epoch 0 (before training). */
    public List<EpochRecord> epochs() {
        return Collections.unmodifiableList(epochs);
    }

    /** The loss of every step (CS231n's {@code loss_history}). */
    public double[] losses() {
        return iterations.stream().mapToDouble(IterationRecord::loss).toArray();
    }

    /** The learning rate of every step. */
    public double[] learningRates() {
        return iterations.stream().mapToDouble(IterationRecord::learningRate).toArray();
    }

    /** The training accuracy of every epoch check (CS231n's {@code train_acc_history}). */
    public double[] trainAccuracies() {
        return epochs.stream().mapToDouble(EpochRecord::trainAccuracy).toArray();
    }

    /** The validation accuracy of every epoch check (CS231n's {@code val_acc_history}). */
    public double[] validationAccuracies() {
        return epochs.stream().mapToDouble(EpochRecord::validationAccuracy).toArray();
    }

    /** The epoch with the highest validation accuracy (the earliest of equals), if any was recorded. */
    public Optional<EpochRecord> best() {
        return epochs.stream().max(Comparator.comparingDouble(EpochRecord::validationAccuracy)
                .thenComparing(EpochRecord::epoch, Comparator.reverseOrder()));
    }

    /** The steps as a table: iteration, epoch, batch, loss, learning_rate, seconds. */
    public Table iterationTable() {
        return Table.create("iterations",
                LongColumn.create(ITERATION_COLUMNS[0], iterations.stream().mapToLong(IterationRecord::iteration).toArray()),
                IntColumn.create(ITERATION_COLUMNS[1], iterations.stream().mapToInt(IterationRecord::epoch).toArray()),
                IntColumn.create(ITERATION_COLUMNS[2], iterations.stream().mapToInt(IterationRecord::batch).toArray()),
                doubles(ITERATION_COLUMNS[3], iterations, IterationRecord::loss),
                doubles(ITERATION_COLUMNS[4], iterations, IterationRecord::learningRate),
                doubles(ITERATION_COLUMNS[5], iterations, IterationRecord::seconds));
    }

    /** The epoch checks as a table: epoch, iteration, train_accuracy, validation_accuracy, learning_rate, seconds. */
    public Table epochTable() {
        return Table.create("epochs",
                IntColumn.create(EPOCH_COLUMNS[0], epochs.stream().mapToInt(EpochRecord::epoch).toArray()),
                LongColumn.create(EPOCH_COLUMNS[1], epochs.stream().mapToLong(EpochRecord::iteration).toArray()),
                doubles(EPOCH_COLUMNS[2], epochs, EpochRecord::trainAccuracy),
                doubles(EPOCH_COLUMNS[3], epochs, EpochRecord::validationAccuracy),
                doubles(EPOCH_COLUMNS[4], epochs, EpochRecord::learningRate),
                doubles(EPOCH_COLUMNS[5], epochs, EpochRecord::seconds));
    }

    /** A column of exact values shown with six significant digits (CSV files keep the exact values). */
    private static <R> DoubleColumn doubles(String name, List<R> records, ToDoubleFunction<R> value) {
        DoubleColumn column = DoubleColumn.create(name, records.stream().mapToDouble(value).toArray());
        column.setPrintFormatter(new NumberColumnFormatter(new SignificantDigits()));
        return column;
    }

    /** Shows a number with six significant digits and no trailing zeros: 0.0009, 12.3303, 1e-07. */
    private static final class SignificantDigits extends NumberFormat {
        @Override
        public StringBuffer format(double number, StringBuffer to, FieldPosition position) {
            String text = String.format(Locale.ROOT, "%.6g", number);
            int exponent = text.indexOf('e');
            String mantissa = exponent < 0 ? text : text.substring(0, exponent);
            if (mantissa.contains(".")) {
                mantissa = mantissa.replaceAll("0+$", "").replaceAll("\\.$", "");
            }
            return to.append(mantissa).append(exponent < 0 ? "" : text.substring(exponent));
        }

        @Override
        public StringBuffer format(long number, StringBuffer to, FieldPosition position) {
            return to.append(number);
        }

        @Override
        public Number parse(String source, ParsePosition position) {
            throw new UnsupportedOperationException("display only");
        }
    }

    /**
     * Writes both tables as CSV into {@code folder}: {@value #ITERATIONS_CSV} and {@value #EPOCHS_CSV}.
     * Numbers are written exactly (shortest round-trip decimal), each file atomically.
     */
    public void writeCsv(Path folder) throws IOException {
        writeCsv(iterationTable(), folder.resolve(ITERATIONS_CSV));
        writeCsv(epochTable(), folder.resolve(EPOCHS_CSV));
    }

    private static void writeCsv(Table table, Path file) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        table.write().csv(bytes);
        AtomicFiles.write(file, out -> bytes.writeTo(out));
    }

    /** The history as JSON-ready columns, for checkpoint metadata. */
    Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("iterations", columns(iterations, ITERATION_COLUMNS, r -> new Object[] {
            r.iteration(), r.epoch(), r.batch(), r.loss(), r.learningRate(), r.seconds()}));
        json.put("epochs", columns(epochs, EPOCH_COLUMNS, r -> new Object[] {
            r.epoch(), r.iteration(), r.trainAccuracy(), r.validationAccuracy(), r.learningRate(), r.seconds()}));
        return json;
    }

    private static <R> Map<String, Object> columns(List<R> records, String[] names,
                                                   Function<R, Object[]> row) {
        Map<String, Object> columns = new LinkedHashMap<>();
        List<List<Object>> lists = new ArrayList<>();
        for (String name : names) {
            List<Object> list = new ArrayList<>(records.size());
            columns.put(name, list);
            lists.add(list);
        }
        for (R record : records) {
            Object[] values = row.apply(record);
            for (int i = 0; i < values.length; i++) {
                lists.get(i).add(values[i]);
            }
        }
        return columns;
    }

    /**
     * The history stored by {@link #toJson()}.
     *
     * @throws IllegalArgumentException if a column is missing, the columns differ in length, or a
     *     value is not a number
     */
    static History fromJson(Map<String, Object> json) {
        History history = new History();
        List<List<Number>> it = read(json, "iterations", ITERATION_COLUMNS);
        for (int i = 0; i < it.get(0).size(); i++) {
            history.add(new IterationRecord(it.get(0).get(i).longValue(), it.get(1).get(i).intValue(),
                    it.get(2).get(i).intValue(), it.get(3).get(i).doubleValue(), it.get(4).get(i).doubleValue(),
                    it.get(5).get(i).doubleValue()));
        }
        List<List<Number>> ep = read(json, "epochs", EPOCH_COLUMNS);
        for (int i = 0; i < ep.get(0).size(); i++) {
            history.add(new EpochRecord(ep.get(0).get(i).intValue(), ep.get(1).get(i).longValue(),
                    ep.get(2).get(i).doubleValue(), ep.get(3).get(i).doubleValue(), ep.get(4).get(i).doubleValue(),
                    ep.get(5).get(i).doubleValue()));
        }
        return history;
    }

    @SuppressWarnings("unchecked")
    private static List<List<Number>> read(Map<String, Object> json, String table, String[] names) {
        if (!(json.get(table) instanceof Map<?, ?> columns)) {
            throw new IllegalArgumentException("history: no '" + table + "' table");
        }
        List<List<Number>> result = new ArrayList<>();
        for (String name : names) {
            Object column = columns.get(name);
            if (!(column instanceof List<?> list) || !list.stream().allMatch(v -> v instanceof Number)) {
                throw new IllegalArgumentException("history: column '" + table + "." + name + "' is missing or not numeric");
            }
            if (!result.isEmpty() && list.size() != result.get(0).size()) {
                throw new IllegalArgumentException("history: the '" + table + "' columns differ in length");
            }
            result.add((List<Number>) list);
        }
        return result;
    }

    /** The number of steps and epochs and the last accuracies, e.g. for a notebook cell. */
    @Override
    public String toString() {
        if (epochs.isEmpty()) {
            return "History[" + iterations.size() + " iterations]";
        }
        EpochRecord last = epochs.get(epochs.size() - 1);
        return String.format(Locale.ROOT, "History[%d iterations, %d epochs, last: train acc %.4f, val acc %.4f]",
                iterations.size(), epochs.size() - 1, last.trainAccuracy(), last.validationAccuracy());
    }
}
