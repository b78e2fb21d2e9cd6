package org.convlab.sweep.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.convlab.cli.Commands;
import org.convlab.plot.Plots;
import org.convlab.sweep.Metric;
import org.convlab.sweep.Runner;
import org.convlab.sweep.RunnerProvider;
import org.convlab.sweep.Search;
import org.convlab.sweep.SearchSpace;
import org.convlab.sweep.SolverTrial;
import org.convlab.sweep.SuccessiveHalving;
import org.convlab.sweep.Sweep;
import org.convlab.sweep.SweepResults;
import org.convlab.sweep.TrialStatus;
import org.convlab.train.AtomicFiles;
import org.convlab.train.Json;

/**
 * {@code ./convlab sweep}: a hyper-parameter sweep of the {@link SolverTrial} from the command line, run
 * here or on Spark, written to a sweep folder. Run with {@code --help} for the options; {@link SweepOptions}
 * defines them. Errors print one line and exit with status 2 for a bad command line and 1 for anything else.
 */
public final class SweepCommand {
    /** The scatter plot of two parameters. */
    static final String SCATTER_PNG = "scatter.png";
    /** The plot of the metric against the only numeric parameter. */
    static final String PARAMETER_PNG = "parameter.png";
    /** The plot of the metric by trial. */
    static final String TRIALS_PNG = "trials.png";
    /** The plot of the best metric so far. */
    static final String BEST_PNG = "best_so_far.png";
    /** Rows of the result table printed at the end. */
    static final int PRINTED_ROWS = 25;

    private static final String NAME = "convlab sweep";

    private SweepCommand() {
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
     * @param terminal whether {@code out} is an interactive terminal (a status line redrawn in place) or not
     * @return the exit status: 0 when a trial completed, 1 on a failure or when none did, 2 on a bad command line
     */
    static int run(String[] args, PrintStream out, PrintStream err, boolean terminal) {
        return Commands.run(NAME, err, () -> {
            SweepOptions options = SweepOptions.parse(args);
            if (options.help) {
                out.print(SweepOptions.help());
                return 0;
            }
            return sweep(options.resume != null ? resumed(options) : options, out, err, terminal);
        });
    }

    private static int sweep(SweepOptions options, PrintStream out, PrintStream err, boolean terminal) throws IOException {
        Map<String, String> specs = options.resolvedSpace();
        SearchSpace space = SearchSpace.parse(specs);
        Path folder = options.resume != null ? options.resume : folder(options.out);
        Metric metric = Metric.parse(options.metric);
        SolverTrial.Builder trial = SolverTrial.builder().validationSamples(options.validation);
        if (options.trainSamples != null) {
            trial.trainSamples(options.trainSamples);
        }
        SweepPrinter printer = new SweepPrinter(out, terminal, metric, options.rounds);
        long start = System.nanoTime();
        try (Runner runner = RunnerProvider.create(options.runner, options.master, options.parallel == null ? 0 : options.parallel)) {
            double startup = (System.nanoTime() - start) / 1e9;
            Sweep.Builder builder = Sweep.builder()
                    .space(space)
                    .search(options.search.equals("grid") ? Search.grid(options.gridPoints) : Search.random(options.seed))
                    .epochs(options.epochs)
                    .seed(options.seed)
                    .function(trial.build())
                    .objective(metric)
                    .coarseToFine(options.rounds, options.keep)
                    .folder(folder)
                    .runner(runner)
                    .listener(printer);
            if (options.trials != null) {
                builder.trials(options.trials);
            }
            if (options.halving != null) {
                builder.halving(SuccessiveHalving.of(options.halving, 1));
            }
            if (options.timeLimit != null) {
                builder.timeLimit(options.timeLimit);
            }
            Sweep sweep = builder.build();
            if (options.resume == null && (Files.exists(folder.resolve(Sweep.LOG_CSV)) || Files.exists(folder.resolve(SweepOptions.FILE)))) {
                throw new IOException(folder + " already holds a sweep; continue it with --resume " + folder
                        + " or choose another --out");
            }
            Files.createDirectories(folder);
            AtomicFiles.writeString(folder.resolve(SweepOptions.FILE), Json.write(options.toJson(specs)));
            out.println(sweep);
            out.printf(Locale.ROOT, "%s%s; sweep folder: %s%s%n", runner, startup >= 1 ? ", ready in "
                    + SweepPrinter.duration(startup) : "", folder, options.resume != null ? " (resumed)" : "");
            SweepResults results = options.resume != null ? sweep.resume() : sweep.run();
            printer.finish();
            return report(results, folder, out, err);
        }
    }

    /** Prints the table and the best trial, saves the plots, and tells whether any trial completed. */
    private static int report(SweepResults results, Path folder, PrintStream out, PrintStream err) throws IOException {
        out.println();
        out.println(results.format(PRINTED_ROWS));
        out.printf(Locale.ROOT, "%d trials in %s: %d completed, %d stopped, %d failed%s%n", results.trials().size(),
                SweepPrinter.duration(results.seconds()), results.count(TrialStatus.COMPLETED), results.count(TrialStatus.STOPPED),
                results.count(TrialStatus.FAILED), results.timedOut() ? "; the time limit kept " + results.notStarted()
                        + " from starting (continue with --resume " + folder + ")" : "");
        List<String> written = new ArrayList<>(List.of(SweepOptions.FILE, Sweep.DESCRIPTION, Sweep.LOG_CSV, Sweep.RESULTS_CSV));
        written.addAll(plots(results, folder));
        if (results.best().isEmpty()) {
            out.println("wrote " + folder + ": " + String.join(", ", written));
            return Commands.failure(NAME, err, "no trial completed");
        }
        out.println("best: " + results.best().get());
        out.println("wrote " + folder + ": " + String.join(", ", written));
        return 0;
    }

    /** Saves the plots that the results allow; returns their file names. */
    private static List<String> plots(SweepResults results, Path folder) throws IOException {
        List<String> written = new ArrayList<>();
        Metric metric = results.objective();
        if (results.trials().stream().noneMatch(t -> Double.isFinite(metric.of(t)))) {
            return written;
        }
        List<String> numeric = results.space().names().stream().filter(n -> results.space().domain(n).numeric()).toList();
        if (numeric.size() >= 2) {
            Plots.savePng(Plots.hyperparameters(results, numeric.get(0), numeric.get(1)), folder.resolve(SCATTER_PNG));
            written.add(SCATTER_PNG);
        } else if (numeric.size() == 1) {
            Plots.savePng(Plots.hyperparameter(results, numeric.get(0)), folder.resolve(PARAMETER_PNG));
            written.add(PARAMETER_PNG);
        }
        Plots.savePng(Plots.metricByTrial(results), folder.resolve(TRIALS_PNG));
        written.add(TRIALS_PNG);
        if (results.best().isPresent()) {
            Plots.savePng(Plots.bestSoFar(results), folder.resolve(BEST_PNG));
            written.add(BEST_PNG);
        }
        return written;
    }

    private static SweepOptions resumed(SweepOptions command) throws IOException {
        Path file = command.resume.resolve(SweepOptions.FILE);
        if (!Files.isRegularFile(file)) {
            throw new IOException(file + ": no such file; --resume needs a sweep folder written by ./convlab sweep");
        }
        Map<String, Object> saved = Json.readObject(file);
        try {
            return SweepOptions.resumed(saved, command);
        } catch (IllegalArgumentException e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        }
    }

    /** The sweep folder: the one given, or a new one named by the time. */
    private static Path folder(Path given) {
        return given != null ? given : Commands.newFolder("sweeps");
    }
}
