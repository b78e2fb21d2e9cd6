package org.convlab.sweep;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import java.util.function.ToIntFunction;

import org.convlab.train.Json;

import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * The outcome of a {@link Sweep}: one {@link TrialResult} per trial, as Tablesaw tables and CSV.
 *
 * <p>{@link #table()} has one row per trial, by trial index: {@code trial, rung, epochs}, a column per
 * parameter, {@code status, val_accuracy, train_accuracy, final_loss, seconds, message}. For a trial that
 * ran several successive-halving rungs, the row is its last rung's, with the seconds of all of them.
 * {@link #sortedBy} ranks the same rows: completed trials best first, then stopped ones, then failed
 * ones. {@link #evaluations()} keeps every run of every rung.
 */
public final class SweepResults {
    private final SearchSpace space;
    private final Metric objective;
    private final List<TrialResult> evaluations;
    private final List<TrialResult> trials;
    private final boolean timedOut;
    private final int notStarted;
    private final double seconds;
    private final Path folder;

    SweepResults(SearchSpace space, Metric objective, List<TrialResult> evaluations, boolean timedOut, int notStarted,
                 double seconds, Path folder) {
        this.space = space;
        this.objective = objective;
        this.evaluations = List.copyOf(evaluations);
        this.trials = latest(evaluations);
        this.timedOut = timedOut;
        this.notStarted = notStarted;
        this.seconds = seconds;
        this.folder = folder;
    }

    /**
     * The results of the sweep in a folder, as far as its log goes (a sweep still running, or one that
     * died, included), read from its {@value Sweep#LOG_CSV} and {@value Sweep#DESCRIPTION}.
     *
     * @throws IOException if the folder holds no sweep or its files are unreadable
     */
    public static SweepResults read(Path folder) throws IOException {
        SearchSpace space;
        Metric objective;
        Map<String, Object> description = description(folder);
        try {
            space = SearchSpace.parse(storedSpace(folder, description));
            objective = Metric.parse(String.valueOf(description.get("objective")));
        } catch (IllegalArgumentException e) {
            throw new IOException(folder.resolve(Sweep.DESCRIPTION) + ": " + e.getMessage(), e);
        }
        List<TrialResult> rows = TrialLog.read(folder.resolve(Sweep.LOG_CSV), space);
        Map<List<Integer>, TrialResult> byRun = new LinkedHashMap<>();
        rows.forEach(row -> byRun.put(List.of(row.trial(), row.rung()), row));
        return new SweepResults(space, objective, new ArrayList<>(byRun.values()), false, 0, Double.NaN, folder);
    }

    /** The space of the sweep in a folder, by name, as its {@value Sweep#DESCRIPTION} records it. */
    static Map<String, String> storedSpace(Path folder) throws IOException {
        return storedSpace(folder, description(folder));
    }

    /** The space, by name, that the sweep folder's parsed {@value Sweep#DESCRIPTION} records. */
    private static Map<String, String> storedSpace(Path folder, Map<String, Object> description) throws IOException {
        if (!(description.get("space") instanceof Map<?, ?> specs)) {
            throw new IOException(folder.resolve(Sweep.DESCRIPTION) + ": no \"space\" object");
        }
        Map<String, String> space = new LinkedHashMap<>();
        specs.forEach((name, spec) -> space.put(String.valueOf(name), String.valueOf(spec)));
        return space;
    }

    private static Map<String, Object> description(Path folder) throws IOException {
        Path file = folder.resolve(Sweep.DESCRIPTION);
        if (!Files.isRegularFile(file)) {
            throw new IOException(file + ": no such file; " + folder + " holds no sweep");
        }
        return Json.readObject(file);
    }

    /** Each trial's last row, with the seconds of all its rows, by trial index. */
    static List<TrialResult> latest(List<TrialResult> rows) {
        Map<Integer, TrialResult> last = new TreeMap<>();
        Map<Integer, Double> seconds = new TreeMap<>();
        for (TrialResult row : rows) {
            last.merge(row.trial(), row, (a, b) -> b.rung() >= a.rung() ? b : a);
            seconds.merge(row.trial(), row.seconds(), Double::sum);
        }
        return last.values().stream().map(row -> row.withSeconds(seconds.get(row.trial()))).toList();
    }

    /** The space searched (the first round's, for a coarse-to-fine sweep). */
    public SearchSpace space() {
        return space;
    }

    /** The metric trials were ranked by. */
    public Metric objective() {
        return objective;
    }

    /** One result per trial, by trial index. */
    public List<TrialResult> trials() {
        return trials;
    }

    /** Every run, in the order the runs ended: with successive halving, one per trial and rung. */
    public List<TrialResult> evaluations() {
        return evaluations;
    }

    /** The best completed trial by the objective (the lowest index of equals), if any completed. */
    public Optional<TrialResult> best() {
        return ranked(objective).stream().filter(r -> r.status() == TrialStatus.COMPLETED).findFirst();
    }

    /** The {@code k} best trials by the objective, in {@link #sortedBy} order. */
    public List<TrialResult> top(int k) {
        List<TrialResult> ranked = ranked(objective);
        return ranked.subList(0, Math.min(k, ranked.size()));
    }

    /** Trials in {@link #sortedBy} order. */
    public List<TrialResult> ranked(Metric metric) {
        Comparator<TrialResult> order = Comparator.<TrialResult, TrialStatus>comparing(TrialResult::status,
                        Comparator.comparingInt(SweepResults::statusRank))
                .thenComparing(metric::of, metric.order())
                .thenComparingInt(TrialResult::trial);
        return trials.stream().sorted(order).toList();
    }

    private static int statusRank(TrialStatus status) {
        return switch (status) {
            case COMPLETED -> 0;
            case STOPPED -> 1;
            case FAILED -> 2;
        };
    }

    /** Whether the time limit ended the sweep before every trial ran. */
    public boolean timedOut() {
        return timedOut;
    }

    /** Trials the time limit kept from starting (in the rung where it struck). */
    public int notStarted() {
        return notStarted;
    }

    /** Wall time of the run that made these results, in seconds (NaN for results {@linkplain #read read} from a folder). */
    public double seconds() {
        return seconds;
    }

    /** The sweep's folder, if it has one. */
    public Optional<Path> folder() {
        return Optional.ofNullable(folder);
    }

    /** How many trials ended with this status. */
    public long count(TrialStatus status) {
        return trials.stream().filter(r -> r.status() == status).count();
    }

    /** One row per trial, by trial index; the columns are listed above. */
    public Table table() {
        return table("sweep", trials);
    }

    /** One row per trial: completed trials best first by {@code metric}, then stopped ones, then failed ones. */
    public Table sortedBy(Metric metric) {
        return table("sweep by " + metric.column(), ranked(metric));
    }

    /** Every run, one row per trial and rung, in the order the runs ended. */
    public Table evaluationTable() {
        return table("sweep runs", evaluations);
    }

    private Table table(String name, List<TrialResult> rows) {
        Table table = Table.create(name);
        table.addColumns(ints(TrialLog.TRIAL, rows, TrialResult::trial), ints(TrialLog.RUNG, rows, TrialResult::rung),
                ints(TrialLog.EPOCHS, rows, TrialResult::epochs));
        for (String parameter : space.names()) {
            table.addColumns(parameterColumn(parameter, rows));
        }
        table.addColumns(strings(TrialLog.STATUS, rows, r -> r.status().name()));
        for (Metric metric : Metric.values()) {
            table.addColumns(doubles(metric.column(), rows, metric::of));
        }
        table.addColumns(doubles(TrialLog.SECONDS, rows, TrialResult::seconds),
                strings(TrialLog.MESSAGE, rows, r -> r.message().orElse("")));
        return table;
    }

    /** A parameter's column: integers, reals, or text, as its domain's values are. */
    private Column<?> parameterColumn(String parameter, List<TrialResult> rows) {
        List<Object> values = rows.stream().map(r -> r.config().get(parameter)).toList();
        if (values.stream().allMatch(v -> v instanceof Integer)) {
            return IntColumn.create(parameter, values.stream().mapToInt(v -> (Integer) v).toArray());
        }
        if (values.stream().allMatch(v -> v instanceof Number)) {
            return DoubleColumn.create(parameter, values.stream().mapToDouble(v -> ((Number) v).doubleValue()).toArray());
        }
        return StringColumn.create(parameter, values.stream().map(Domain::format).toList());
    }

    private static IntColumn ints(String name, List<TrialResult> rows, ToIntFunction<TrialResult> value) {
        return IntColumn.create(name, rows.stream().mapToInt(value).toArray());
    }

    private static DoubleColumn doubles(String name, List<TrialResult> rows, ToDoubleFunction<TrialResult> value) {
        return DoubleColumn.create(name, rows.stream().mapToDouble(value).toArray());
    }

    private static StringColumn strings(String name, List<TrialResult> rows, Function<TrialResult, String> value) {
        return StringColumn.create(name, rows.stream().map(value).toList());
    }

    /**
     * Writes one row per trial, best first by the objective, in the format of {@value Sweep#LOG_CSV}
     * (reals exact), atomically.
     */
    public void writeCsv(Path file) throws IOException {
        TrialLog.write(file, ranked(objective), space.names());
    }

    /**
     * The trials as a text table for people, best first: parameters and metrics rounded, messages cut
     * to 60 characters.
     *
     * @param rows the most rows to show
     */
    public String format(int rows) {
        List<TrialResult> shown = top(rows);
        Table table = Table.create(String.format(Locale.ROOT, "%d trials, best first by %s%s", trials.size(), objective,
                shown.size() < trials.size() ? " (top " + shown.size() + ")" : ""));
        table.addColumns(strings(TrialLog.TRIAL, shown, r -> Integer.toString(r.trial())));
        for (String parameter : space.names()) {
            table.addColumns(strings(parameter, shown, r -> Config.brief(r.config().get(parameter))));
        }
        table.addColumns(strings(TrialLog.EPOCHS, shown, r -> Integer.toString(r.epochs())),
                strings(TrialLog.STATUS, shown, r -> r.status().name()));
        for (Metric metric : Metric.values()) {
            table.addColumns(strings(metric.column(), shown, r -> Double.isNaN(metric.of(r)) ? ""
                    : String.format(Locale.ROOT, "%.4f", metric.of(r))));
        }
        table.addColumns(strings(TrialLog.SECONDS, shown, r -> String.format(Locale.ROOT, "%.1f", r.seconds())),
                strings(TrialLog.MESSAGE, shown, r -> r.message().map(m -> m.length() > 60 ? m.substring(0, 57) + "..." : m)
                        .orElse("")));
        return table.printAll();
    }

    /** {@code SweepResults[10 trials: 9 completed, 1 stopped, 0 failed; best val_accuracy 0.7840: trial 3 (lr=…)]}. */
    @Override
    public String toString() {
        String best = best().map(b -> String.format(Locale.ROOT, "; best %s %.4f: trial %d (%s)", objective, objective.of(b),
                b.trial(), b.config())).orElse("; none completed");
        return String.format(Locale.ROOT, "SweepResults[%d trials: %d completed, %d stopped, %d failed%s%s]", trials.size(),
                count(TrialStatus.COMPLETED), count(TrialStatus.STOPPED), count(TrialStatus.FAILED), best,
                timedOut ? "; time limit reached, " + notStarted + " not started" : "");
    }
}
