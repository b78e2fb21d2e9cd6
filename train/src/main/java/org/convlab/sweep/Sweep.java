package org.convlab.sweep;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;

import org.convlab.train.AtomicFiles;
import org.convlab.train.Json;

/**
 * A hyper-parameter sweep, CS231n style: random (or grid) search over a {@link SearchSpace}, optionally
 * coarse to fine and with successive halving, each trial a {@link TrialFunction} run by a {@link Runner}.
 *
 * <pre>{@code
 * SweepResults results = Sweep.builder()
 *         .space(SearchSpace.builder().logUniform("lr", 1e-4, 1e-2).logUniform("reg", 1e-5, 1e-1).build())
 *         .search(Search.random(42))
 *         .trials(20)
 *         .epochs(2)
 *         .folder(Path.of("sweeps/first"))
 *         .build()
 *         .run();
 * results.sortedBy(Metric.VALIDATION_ACCURACY);   // a Tablesaw table, best first
 * }</pre>
 *
 * <p><b>Rounds.</b> A sweep runs {@link Builder#trials trials} configs of its search; with
 * {@linkplain Builder#coarseToFine coarse to fine}, each further round narrows the space around the best
 * trials so far ({@link SearchSpace#narrow}, margin {@value #NARROW_MARGIN}) and searches it again.
 * Trials are numbered across rounds.
 *
 * <p><b>Stopping hopeless trials.</b> A trial whose loss becomes NaN or infinite is
 * {@link TrialStatus#STOPPED}, as is one that {@link SuccessiveHalving} does not promote. A trial whose
 * function throws is {@link TrialStatus#FAILED}; the others go on.
 *
 * <p><b>Limits.</b> {@link Builder#trials} bounds the trials per round; after the
 * {@linkplain Builder#timeLimit time limit} no trial starts (running ones finish) and the sweep ends.
 *
 * <p><b>Files.</b> With a {@linkplain Builder#folder folder}, the sweep writes {@value #DESCRIPTION} (its
 * space and settings), appends each row to {@value #LOG_CSV} as its trial ends, forced to disk, and at the
 * end writes {@value #RESULTS_CSV}, one row per trial, best first. {@link #resume()} continues a sweep
 * whose process died: rows already in the log (same trial, rung and config) are kept and their trials
 * not run again. The log is append-only: a later row for the same trial and rung replaces an earlier one.
 */
public final class Sweep {
    /** The append-only log of every trial run. */
    public static final String LOG_CSV = "trials.csv";
    /** The final table, one row per trial, best first. */
    public static final String RESULTS_CSV = "results.csv";
    /** The sweep's space and settings. */
    public static final String DESCRIPTION = "sweep.json";
    /** Fraction of each range's width kept around the best trials when a coarse-to-fine round narrows the space. */
    public static final double NARROW_MARGIN = 0.1;

    private final SearchSpace space;
    private final Search search;
    private final int trials;
    private final int epochs;
    private final long seed;
    private final TrialFunction function;
    private final Metric objective;
    private final SuccessiveHalving halving;
    private final int rounds;
    private final int keep;
    private final Duration timeLimit;
    private final Path folder;
    private final Runner runner;
    private final List<SweepListener> listeners;

    private Sweep(Builder b) {
        this.space = Objects.requireNonNull(b.space, "Sweep: space is required");
        this.search = b.search;
        this.epochs = positive("epochs", b.epochs);
        this.trials = positive("trials", b.trials != null ? b.trials : search instanceof Search.GridSearch ? Integer.MAX_VALUE
                : Builder.DEFAULT_TRIALS);
        this.seed = b.seed;
        this.function = b.function != null ? b.function : SolverTrial.builder().build();
        this.objective = b.objective;
        this.halving = b.halving;
        this.rounds = positive("rounds", b.rounds);
        this.keep = positive("keep", b.keep);
        if (b.timeLimit != null && (b.timeLimit.isNegative() || b.timeLimit.isZero())) {
            throw new IllegalArgumentException("Sweep: the time limit must be positive, got " + b.timeLimit);
        }
        this.timeLimit = b.timeLimit;
        this.folder = b.folder;
        this.runner = b.runner;
        this.listeners = List.copyOf(b.listeners);
        function.check(space);
    }

    /** A builder; the space is required. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Runs the sweep from the start.
     *
     * @throws IOException if the folder's files cannot be written, or the folder already holds a sweep
     *     (continue that one with {@link #resume()})
     * @throws IllegalStateException if the runner cannot run a trial at all
     */
    public SweepResults run() throws IOException {
        if (folder == null) {
            return new Execution(List.of(), null).run();
        }
        if (Files.exists(folder.resolve(LOG_CSV)) || Files.exists(folder.resolve(DESCRIPTION))) {
            throw new IOException(folder + " already holds a sweep; resume it or choose another folder");
        }
        AtomicFiles.writeString(folder.resolve(DESCRIPTION), Json.write(description()));
        try (TrialLog log = TrialLog.create(folder.resolve(LOG_CSV), space.names())) {
            return new Execution(List.of(), log).run();
        }
    }

    /**
     * Continues the sweep in the folder: the trials recorded in its log (same trial, rung and config) are
     * kept, the others run.
     *
     * @throws IOException if the folder holds no sweep, a sweep over another space, or an unreadable log
     * @throws IllegalStateException if the sweep has no folder or the runner cannot run a trial at all
     */
    public SweepResults resume() throws IOException {
        if (folder == null) {
            throw new IllegalStateException("Sweep: resume needs the folder of the sweep to continue");
        }
        Path log = folder.resolve(LOG_CSV);
        if (!Files.isRegularFile(log)) {
            throw new IOException(log + ": no such file; there is no sweep to resume in " + folder);
        }
        Map<String, String> stored = SweepResults.storedSpace(folder);
        if (!stored.equals(space.specs())) {
            throw new IOException(folder + " holds a sweep over " + stored + ", not over " + space.specs());
        }
        List<TrialResult> earlier = TrialLog.read(log, space);
        try (TrialLog appender = TrialLog.reopen(log, space.names())) {
            return new Execution(earlier, appender).run();
        }
    }

    /** The space searched. */
    public SearchSpace space() {
        return space;
    }

    /** The search. */
    public Search search() {
        return search;
    }

    /** The folder of the sweep's files, if it has one. */
    public Optional<Path> folder() {
        return Optional.ofNullable(folder);
    }

    /** The metric trials are ranked by. */
    public Metric objective() {
        return objective;
    }

    /** What {@value #DESCRIPTION} holds: the space and the settings. */
    private Map<String, Object> description() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("space", space.specs());
        json.put("search", search.toString());
        json.put("trials", trials == Integer.MAX_VALUE ? null : trials);
        json.put("epochs", epochs);
        json.put("seed", seed);
        json.put("objective", objective.column());
        json.put("halving", halving == null ? null : halving.toString());
        json.put("rounds", rounds);
        json.put("keep", keep);
        json.put("trial_function", function.toString());
        return json;
    }

    /** {@code Sweep[random search (seed 0) over lr log:1e-4:0.01; 20 trials × 2 epochs; …]}. */
    @Override
    public String toString() {
        return "Sweep[" + search + " over " + space + "; " + (trials == Integer.MAX_VALUE ? "all" : trials) + " trials × "
                + epochs + " epoch" + (epochs == 1 ? "" : "s") + (rounds > 1 ? ", " + rounds + " rounds coarse to fine keeping "
                + "the best " + keep : "") + (halving != null ? ", " + halving : "") + "; objective " + objective
                + (timeLimit != null ? "; time limit " + timeLimit : "") + "; " + function
                + (folder != null ? "; folder " + folder : "") + "]";
    }

    private static int positive(String option, int value) {
        if (value < 1) {
            throw new IllegalArgumentException("Sweep: " + option + " must be positive, got " + value);
        }
        return value;
    }

    /** One run of the sweep: its log, its rows so far, and the rows of an earlier run to keep. */
    private final class Execution {
        private final Map<List<Integer>, TrialResult> earlier = new HashMap<>();
        private final TrialLog log;
        private final List<TrialResult> rows = new ArrayList<>();
        private final long start = System.nanoTime();
        private final long deadline;
        private final int[] budgets;
        private Runner active;
        private int done;
        private int planned;
        private int running;
        private int notStarted;
        private boolean timedOut;
        private TrialResult best;

        Execution(List<TrialResult> previous, TrialLog log) {
            previous.forEach(row -> earlier.put(key(row.trial(), row.rung()), row));
            this.log = log;
            this.deadline = timeLimit == null ? Long.MAX_VALUE : start + timeLimit.toNanos();
            this.budgets = halving == null ? new int[] {epochs} : halving.budgets(epochs);
        }

        SweepResults run() throws IOException {
            active = runner != null ? runner : LocalRunner.builder().build();
            try {
                runRounds();
            } finally {
                if (runner == null) {
                    active.close();
                }
            }
            SweepResults results = new SweepResults(space, objective, rows, timedOut, notStarted,
                    (System.nanoTime() - start) / 1e9, folder);
            if (folder != null) {
                results.writeCsv(folder.resolve(RESULTS_CSV));
            }
            return results;
        }

        private void runRounds() throws IOException {
            SearchSpace current = space;
            int next = 0;
            for (int round = 0; round < rounds && !timedOut; round++) {
                if (round > 0) {
                    List<Config> good = bestConfigs();
                    if (good.isEmpty()) {
                        return;
                    }
                    current = current.narrow(good, NARROW_MARGIN);
                }
                List<Config> configs = search.configs(current, trials, round);
                int index = round;
                SearchSpace searched = current;
                listeners.forEach(l -> l.onRound(index, searched, configs.size()));
                List<Trial> entering = new ArrayList<>();
                for (Config config : configs) {
                    entering.add(new Trial(next++, 0, budgets[0], seed, config));
                }
                for (int rung = 0; rung < budgets.length && !entering.isEmpty(); rung++) {
                    plan(round, rung, entering.size(), configs.size());
                    List<TrialResult> results = evaluate(entering);
                    if (timedOut || rung == budgets.length - 1) {
                        break;
                    }
                    entering = promote(results, rung);
                }
            }
        }

        /** Runs the trials of one rung, keeping those the earlier run finished; returns their rows. */
        private List<TrialResult> evaluate(List<Trial> entering) throws IOException {
            List<TrialResult> results = new ArrayList<>();
            Deque<Trial> queue = new ArrayDeque<>();
            for (Trial trial : entering) {
                TrialResult previous = earlier.get(key(trial.index(), trial.rung()));
                if (previous != null && previous.config().equals(trial.config()) && previous.epochs() == trial.epochs()) {
                    results.add(previous);
                    rows.add(previous);
                    done++;
                    improve(previous);
                } else {
                    queue.add(trial);
                }
            }
            BlockingQueue<Completion> completions = new LinkedBlockingQueue<>();
            while (!queue.isEmpty() || running > 0) {
                while (running < active.slots() && !queue.isEmpty()) {
                    if (System.nanoTime() >= deadline) {
                        timedOut = true;
                        notStarted += queue.size();
                        queue.clear();
                        break;
                    }
                    Trial trial = queue.poll();
                    active.submit(trial, function).whenComplete((row, error) -> completions.add(new Completion(trial, row, error)));
                    running++;
                    listeners.forEach(l -> l.onTrialStart(trial, progress()));
                }
                if (running == 0) {
                    break;
                }
                Completion completion = take(completions);
                running--;
                if (completion.error() != null) {
                    throw unrunnable(completion);
                }
                TrialResult row = completion.row();
                record(row);
                results.add(row);
                done++;
                improve(row);
                listeners.forEach(l -> l.onTrialEnd(row, progress()));
            }
            return results;
        }

        /** Successive halving: the best of a rung go on; the others get a STOPPED row at the next rung. */
        private List<Trial> promote(List<TrialResult> results, int rung) throws IOException {
            List<TrialResult> ranked = results.stream().filter(r -> r.status() == TrialStatus.COMPLETED)
                    .sorted(ranking()).toList();
            int promoted = Math.min(ranked.size(), halving.promoted(results.size()));
            String reason = "successive halving: not in the top 1/" + halving.eta() + " after " + budgets[rung] + " epoch"
                    + (budgets[rung] == 1 ? "" : "s");
            List<Trial> next = new ArrayList<>();
            for (int i = 0; i < ranked.size(); i++) {
                TrialResult result = ranked.get(i);
                if (i < promoted) {
                    next.add(new Trial(result.trial(), rung + 1, budgets[rung + 1], seed, result.config()));
                    continue;
                }
                TrialResult previous = earlier.get(key(result.trial(), rung + 1));
                if (previous != null && previous.status() == TrialStatus.STOPPED && previous.config().equals(result.config())) {
                    rows.add(previous);
                } else {
                    record(result.notPromoted(rung + 1, reason));
                }
            }
            next.sort(Comparator.comparingInt(Trial::index));
            int stopped = ranked.size() - promoted;
            listeners.forEach(l -> l.onRungEnd(rung, promoted, stopped));
            return next;
        }

        private void record(TrialResult row) throws IOException {
            rows.add(row);
            if (log != null) {
                log.append(row);
            }
        }

        private void improve(TrialResult row) {
            if (row.status() == TrialStatus.COMPLETED && (best == null || ranking().compare(row, best) < 0)) {
                best = row;
            }
        }

        /** Best first by the objective, then by trial index. */
        private Comparator<TrialResult> ranking() {
            return Comparator.comparing(objective::of, objective.order()).thenComparingInt(TrialResult::trial);
        }

        /** The configs of the best completed trials so far, for the next coarse-to-fine round. */
        private List<Config> bestConfigs() {
            return SweepResults.latest(rows).stream().filter(r -> r.status() == TrialStatus.COMPLETED)
                    .sorted(ranking()).limit(keep).map(TrialResult::config).toList();
        }

        /**
         * Re-estimates the runs planned: those of this rung and the later rungs of this round, then as many
         * per later round as this round has.
         */
        private void plan(int round, int rung, int entering, int roundSize) {
            planned = done + runs(rung, entering) + (rounds - round - 1) * runs(0, roundSize);
        }

        /** Runs from {@code rung} to the last rung, if {@code entering} trials enter {@code rung}. */
        private int runs(int rung, int entering) {
            int runs = 0;
            for (int r = rung, n = entering; r < budgets.length; r++, n = halving == null ? 0 : halving.promoted(n)) {
                runs += n;
            }
            return runs;
        }

        private SweepProgress progress() {
            return new SweepProgress(done, planned, running, Optional.ofNullable(best), (System.nanoTime() - start) / 1e9);
        }

        private Completion take(BlockingQueue<Completion> completions) {
            try {
                return completions.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CancellationException("the sweep was interrupted while " + running + " trials ran");
            }
        }

        private RuntimeException unrunnable(Completion completion) {
            Throwable cause = completion.error() instanceof CompletionException c && c.getCause() != null ? c.getCause()
                    : completion.error();
            if (cause instanceof Error error) {
                throw error;
            }
            return new IllegalStateException("trial " + completion.trial().index() + " could not be run: "
                    + Trial.describe(cause), cause);
        }
    }

    private static List<Integer> key(int trial, int rung) {
        return List.of(trial, rung);
    }

    /** A runner's answer for one trial: its row, or why it could not run. */
    private record Completion(Trial trial, TrialResult row, Throwable error) {
    }

    /** Options of a {@link Sweep}. */
    public static final class Builder {
        private static final int DEFAULT_TRIALS = 20;

        private SearchSpace space;
        private Search search = Search.random(0);
        private Integer trials;
        private int epochs = 1;
        private long seed;
        private TrialFunction function;
        private Metric objective = Metric.VALIDATION_ACCURACY;
        private SuccessiveHalving halving;
        private int rounds = 1;
        private int keep = 3;
        private Duration timeLimit;
        private Path folder;
        private Runner runner;
        private final List<SweepListener> listeners = new ArrayList<>();

        private Builder() {
        }

        /** The space to search (required). */
        public Builder space(SearchSpace value) {
            this.space = value;
            return this;
        }

        /** How configs are picked (default {@code Search.random(0)}). */
        public Builder search(Search value) {
            this.search = Objects.requireNonNull(value, "search");
            return this;
        }

        /** Trials per round (default 20 for random search, every point for a grid). */
        public Builder trials(int value) {
            this.trials = value;
            return this;
        }

        /** Epochs each trial trains (default 1); with successive halving, the budget of the last rung. */
        public Builder epochs(int value) {
            this.epochs = value;
            return this;
        }

        /** The seed of every trial's initial weights and batch order (default 0), so trials differ only in their config. */
        public Builder seed(long value) {
            this.seed = value;
            return this;
        }

        /** What a trial does (default: {@link SolverTrial} with its defaults). */
        public Builder function(TrialFunction value) {
            this.function = value;
            return this;
        }

        /** The metric trials are ranked by (default the validation accuracy). */
        public Builder objective(Metric value) {
            this.objective = Objects.requireNonNull(value, "objective");
            return this;
        }

        /** Successive halving of the trials of each round (default none: every trial trains every epoch). */
        public Builder halving(SuccessiveHalving value) {
            this.halving = value;
            return this;
        }

        /**
         * Coarse to fine: {@code rounds} rounds in all (default 1), each after the first searching the
         * space narrowed around the best {@code keep} completed trials so far (default 3).
         */
        public Builder coarseToFine(int rounds, int keep) {
            this.rounds = rounds;
            this.keep = keep;
            return this;
        }

        /** No trial starts once this much time has passed since the sweep started (default no limit). */
        public Builder timeLimit(Duration value) {
            this.timeLimit = value;
            return this;
        }

        /** A folder for the sweep's files (default none: results in memory only, no resuming). */
        public Builder folder(Path value) {
            this.folder = value;
            return this;
        }

        /**
         * Where trials run (default: a new {@link LocalRunner} for each run, closed at its end). A runner
         * given here is left open.
         */
        public Builder runner(Runner value) {
            this.runner = value;
            return this;
        }

        /** Adds a listener of progress. */
        public Builder listener(SweepListener value) {
            this.listeners.add(Objects.requireNonNull(value, "listener"));
            return this;
        }

        /**
         * The sweep.
         *
         * @throws IllegalArgumentException if the space is missing, a number is out of range, or the trial
         *     function does not understand the space
         */
        public Sweep build() {
            return new Sweep(this);
        }
    }
}
