package org.convlab.sweep.cli;

import static org.convlab.cli.OptionSyntax.integer;
import static org.convlab.cli.OptionSyntax.oneOf;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.convlab.cli.OptionSyntax;
import org.convlab.cli.UsageException;
import org.convlab.sweep.Domain;
import org.convlab.sweep.LocalRunner;
import org.convlab.sweep.Metric;
import org.convlab.sweep.SolverTrial;

/**
 * The options of {@code ./convlab sweep}: the search space (one option per parameter of
 * {@link SolverTrial}, or a space file) and the settings, each defined once in {@link Setting}, which
 * parses it, documents it in the help, and stores it in the sweep's {@value #FILE} for {@code --resume}.
 */
final class SweepOptions {
    /** The file in the sweep folder that keeps the command's options, for {@code --resume}. */
    static final String FILE = "command.json";

    private static final Pattern DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)([hms])");
    private static final int HELP_INDENT = 22;

    /** Parameter specs from the command line, by parameter name, in order. */
    final Map<String, String> space = new LinkedHashMap<>();
    Path spaceFile;
    String search = "random";
    Integer trials;
    int gridPoints = 3;
    long seed;
    int epochs = 1;
    Integer halving;
    int rounds = 1;
    int keep = 3;
    String metric = Metric.VALIDATION_ACCURACY.column();
    Integer trainSamples;
    int validation = 1000;
    Integer parallel;
    String runner = LocalRunner.NAME;
    String master;
    Duration timeLimit;
    Path out;
    Path resume;
    boolean help;
    /** The settings named on the command line. */
    final Set<Setting> given = new LinkedHashSet<>();

    /** A setting other than a parameter: its flag, the name of its value (empty for a switch), help, parser, stored value. */
    enum Setting {
        SPACE("--space", "FILE", "read parameters from FILE, one 'name = SPEC' per line ('#' starts a comment); "
                + "parameter options on the command line override the file's",
                (o, v) -> o.spaceFile = Path.of(v), null),
        SEARCH("--search", "KIND", "random (default) or grid",
                (o, v) -> o.search = oneOf("--search", v, List.of("random", "grid")), o -> o.search),
        TRIALS("--trials", "N", "trials per round (default 20 for random search; a grid runs all its points unless "
                + "limited)", (o, v) -> o.trials = positive("--trials", v), o -> o.trials),
        GRID_POINTS("--grid-points", "N", "grid values along each range (default 3)",
                (o, v) -> o.gridPoints = atLeast("--grid-points", v, 2), o -> o.gridPoints),
        SEED("--seed", "N", "seed of the random search and of every trial's initial weights and batch order (default 0)",
                (o, v) -> o.seed = integer("--seed", v), o -> o.seed),
        EPOCHS("--epochs", "N", "epochs per trial (default 1); with --halving, the budget of the last rung",
                (o, v) -> o.epochs = positive("--epochs", v), o -> o.epochs),
        HALVING("--halving", "ETA", "successive halving: trials train 1 epoch, the best 1/ETA go on to ETA times as many, "
                + "and so on up to --epochs; the others stop (default off)",
                (o, v) -> o.halving = atLeast("--halving", v, 2), o -> o.halving),
        REFINE("--refine", "ROUNDS", "coarse to fine: after the first round, ROUNDS - 1 more rounds (default 1 round in all), "
                + "each searching the space narrowed around the best --keep trials so far",
                (o, v) -> o.rounds = positive("--refine", v), o -> o.rounds),
        KEEP("--keep", "K", "trials a coarse-to-fine round narrows the space around (default 3)",
                (o, v) -> o.keep = positive("--keep", v), o -> o.keep),
        METRIC("--metric", "NAME", "val_accuracy (default), train_accuracy or final_loss: what ranks the trials",
                (o, v) -> o.metric = oneOf("--metric", v, Arrays.stream(Metric.values()).map(Metric::column).toList()),
                o -> o.metric),
        TRAIN_SAMPLES("--train-samples", "N", "train on the first N images of the Fashion-MNIST subset (default: all "
                + "that validation leaves, 9,000)", (o, v) -> o.trainSamples = positive("--train-samples", v),
                o -> o.trainSamples),
        VALIDATION("--validation", "N", "validation images, after the training images (default 1000)",
                (o, v) -> o.validation = positive("--validation", v), o -> o.validation),
        PARALLEL("--parallel", "N", "trials at a time (default: local, one per core, each with cores/N tensor threads; "
                + "spark, the cluster's cores)", (o, v) -> o.parallel = positive("--parallel", v), null),
        RUNNER("--runner", "NAME", "local (default: in this JVM) or spark (needs the convlab-spark module, which the "
                + "launcher adds)", (o, v) -> o.runner = oneOf("--runner", v, List.of(LocalRunner.NAME, "spark")), o -> o.runner),
        MASTER("--master", "URL", "Spark master: local[*] (default), local-cluster[2,1,1024] (two executor JVMs here), "
                + "spark://host:7077, yarn, k8s://…", (o, v) -> o.master = v, o -> o.master),
        TIME_LIMIT("--time-limit", "TIME", "start no trial after TIME, e.g. 90s, 30m, 1h30m (default none); running "
                + "trials finish", (o, v) -> o.timeLimit = duration(v), null),
        OUT("--out", "DIR", "sweep folder to write (default sweeps/<date>_<time>)",
                (o, v) -> o.out = Path.of(v), null),
        RESUME("--resume", "DIR", "continue the sweep in DIR with its own options, skipping finished trials; only "
                + "--trials, --parallel, --runner, --master and --time-limit may be given with it",
                (o, v) -> o.resume = Path.of(v), null),
        HELP("--help", "", "show this help", (o, v) -> o.help = true, null);

        private final String flag;
        private final String value;
        private final String help;
        private final BiConsumer<SweepOptions, String> parse;
        private final Function<SweepOptions, Object> stored;

        Setting(String flag, String value, String help, BiConsumer<SweepOptions, String> parse,
                Function<SweepOptions, Object> stored) {
            this.flag = flag;
            this.value = value;
            this.help = help;
            this.parse = parse;
            this.stored = stored;
        }

        static Optional<Setting> of(String flag) {
            return Arrays.stream(values()).filter(s -> s.flag.equals(flag)).findFirst();
        }
    }

    /** Settings that {@code --resume} accepts: how and how long to run, not what to search. */
    private static final Set<Setting> RESUME_SETTINGS = Set.of(Setting.RESUME, Setting.TRIALS, Setting.PARALLEL,
            Setting.RUNNER, Setting.MASTER, Setting.TIME_LIMIT);

    /**
     * Parses {@code --option value}, {@code --option=value}, {@code --help} ({@code -h}), and a parameter
     * of {@link SolverTrial} as {@code --name SPEC} with dashes for underscores ({@code --batch-size}).
     *
     * @throws UsageException on an unknown option, a missing or bad value, a stray argument, or a setting
     *     that {@code --resume} does not accept
     */
    static SweepOptions parse(String... args) {
        SweepOptions options = new SweepOptions();
        OptionSyntax.parse(args, SweepOptions::valueName, (flag, value) -> {
            Optional<Setting> setting = Setting.of(flag);
            if (setting.isPresent()) {
                setting.get().parse.accept(options, value);
                options.given.add(setting.get());
            } else {
                options.space.put(parameter(flag), spec(flag, value));
            }
        });
        if (options.resume != null) {
            Optional<String> fixed = options.given.stream().filter(s -> !RESUME_SETTINGS.contains(s)).map(s -> s.flag)
                    .findFirst().or(() -> options.space.keySet().stream().map(p -> "--" + p.replace('_', '-')).findFirst());
            fixed.ifPresent(flag -> {
                throw new UsageException("--resume continues a sweep with its own options; " + flag + " cannot be changed "
                        + "(only --trials, --parallel, --runner, --master and --time-limit can)");
            });
        }
        return options;
    }

    /**
     * The options of a sweep, read back from its {@value #FILE}, with the resuming command line's
     * --trials, --parallel, --runner, --master and --time-limit.
     *
     * @throws UsageException if the stored options are not valid
     */
    static SweepOptions resumed(Map<String, Object> stored, SweepOptions command) {
        SweepOptions options = new SweepOptions();
        if (stored.get("space") instanceof Map<?, ?> specs) {
            specs.forEach((name, spec) -> options.space.put(String.valueOf(name), String.valueOf(spec)));
        }
        for (Setting setting : Setting.values()) {
            Object value = stored.get(key(setting));
            if (setting.stored != null && value != null) {
                setting.parse.accept(options, String.valueOf(value));
            }
        }
        options.resume = command.resume;
        for (Setting setting : command.given) {
            switch (setting) {
                case TRIALS -> options.trials = command.trials;
                case PARALLEL -> options.parallel = command.parallel;
                case RUNNER -> options.runner = command.runner;
                case MASTER -> options.master = command.master;
                case TIME_LIMIT -> options.timeLimit = command.timeLimit;
                default -> {
                    // --resume itself; the parser refused every other setting
                }
            }
        }
        return options;
    }

    /** What {@value #FILE} keeps: the space as searched, and the settings that define the sweep, by name. */
    Map<String, Object> toJson(Map<String, String> resolvedSpace) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("space", resolvedSpace);
        for (Setting setting : Setting.values()) {
            if (setting.stored != null) {
                json.put(key(setting), setting.stored.apply(this));
            }
        }
        return json;
    }

    private static String key(Setting setting) {
        return setting.flag.substring(2);
    }

    /** The name of a flag's value: a setting's, {@code SPEC} for a parameter, none for an unknown flag. */
    private static Optional<String> valueName(String flag) {
        Optional<Setting> setting = Setting.of(flag);
        if (setting.isPresent()) {
            return Optional.of(setting.get().value);
        }
        return SolverTrial.PARAMETERS.contains(parameter(flag)) ? Optional.of("SPEC") : Optional.empty();
    }

    /** The parameter a flag names: {@code --batch-size} names {@code batch_size}. */
    private static String parameter(String flag) {
        return flag.substring(2).replace('-', '_');
    }

    /**
     * The space to search: the space file's parameters, then the command line's (which override them), or
     * {@code lr log:1e-4:1e-2, reg log:1e-5:1e-1} if neither names any.
     *
     * @throws IOException if the space file cannot be read
     * @throws UsageException if a line of the file is malformed or names an unknown parameter
     */
    Map<String, String> resolvedSpace() throws IOException {
        Map<String, String> resolved = new LinkedHashMap<>();
        if (spaceFile != null) {
            List<String> lines = Files.readAllLines(spaceFile);
            for (int n = 0; n < lines.size(); n++) {
                String line = lines.get(n).replaceFirst("#.*", "").strip();
                if (line.isEmpty()) {
                    continue;
                }
                int eq = line.indexOf('=');
                String name = eq < 0 ? "" : line.substring(0, eq).strip().replace('-', '_');
                if (eq < 0 || !SolverTrial.PARAMETERS.contains(name)) {
                    throw new UsageException(spaceFile + ", line " + (n + 1) + ": expected 'name = SPEC' with a name among "
                            + String.join(", ", SolverTrial.PARAMETERS) + ", got '" + line + "'");
                }
                resolved.put(name, spec(spaceFile + ", line " + (n + 1), line.substring(eq + 1)));
            }
        }
        resolved.putAll(space);
        if (resolved.isEmpty()) {
            resolved.put("lr", spec("the default space", "log:1e-4:1e-2"));
            resolved.put("reg", spec("the default space", "log:1e-5:1e-1"));
        }
        return resolved;
    }

    /** The help text, from the settings. */
    static String help() {
        StringBuilder text = new StringBuilder("""
                Usage: ./convlab sweep [PARAMETER SPEC ...] [options]

                Searches hyper-parameters: trains a model on the Fashion-MNIST subset for each config, shows the
                trials done and the best so far, and writes a sweep folder: command.json, sweep.json, trials.csv
                (one row per trial as it ends), results.csv (best first), and the plots scatter.png (or
                parameter.png), trials.png and best_so_far.png.

                Parameters (default: --lr log:1e-4:1e-2 --reg log:1e-5:1e-1):
                  --model SPEC          fc (default), threelayer or lenet
                  --optimizer SPEC      adam (default), sgd, momentum, nesterov or rmsprop
                  --lr SPEC             learning rate (default 1e-3)
                  --reg SPEC            L2 strength, 0.5·reg·ΣW² (default 1e-4)
                  --batch-size SPEC     images per step (default 50)
                  --lr-decay SPEC       learning-rate factor after every epoch (default 1)
                  --hidden SPEC         hidden units of fc's two layers, threelayer's affine layer (default 100)
                  --filters SPEC        filters of the first convolution (threelayer 32, lenet 8)
                  --weight-scale SPEC   std of Gaussian initial weights (default: Kaiming initialisation)

                SPEC is one of:
                  log:LOW:HIGH          log-uniform, e.g. log:1e-4:1e-2 (every decade as likely)
                  uniform:LOW:HIGH      uniform, e.g. uniform:0.9:1
                  int:LOW:HIGH          an integer, both ends included, e.g. int:50:200
                  choice:A,B,...        one of the values, e.g. choice:32,64 or choice:adam,sgd
                  VALUE                 a fixed value, e.g. 0.95 or threelayer

                A space file (--space FILE) holds the same, one parameter per line:
                  # coarse search
                  lr = log:1e-5:1e-1
                  reg = log:1e-5:1e-1
                  batch_size = choice:32,64

                Options:
                """);
        for (Setting setting : Setting.values()) {
            text.append(OptionSyntax.helpEntry(setting.flag, setting.value, setting.help, HELP_INDENT)).append('\n');
        }
        text.append("""

                A trial whose loss becomes NaN or exceeds 3 times its first loss stops early (STOPPED); a trial that
                throws is FAILED and the others go on. Exit status: 0 when a trial completed, 1 when none did or
                something failed, 2 for a bad command line.

                Examples:
                  ./convlab sweep --trials 10 --epochs 2
                  ./convlab sweep --lr log:1e-4:1e-2 --reg log:1e-5:1e-1 --batch-size choice:32,64 --trials 30
                  ./convlab sweep --space sweep.txt --refine 2 --keep 5 --halving 3 --epochs 9 --out sweeps/fine
                  ./convlab sweep --runner spark --master 'local-cluster[2,1,1024]' --trials 20
                  ./convlab sweep --resume sweeps/fine --time-limit 1h
                """);
        return text.toString();
    }

    /** A parameter's spec, checked. */
    private static String spec(String where, String value) {
        try {
            return Domain.parse(value).toString();
        } catch (IllegalArgumentException e) {
            throw new UsageException(where + ": " + e.getMessage());
        }
    }

    private static int atLeast(String flag, String value, int minimum) {
        long n = integer(flag, value);
        if (n < minimum || n > Integer.MAX_VALUE) {
            throw new UsageException(flag + " must be an integer of at least " + minimum + ", got '" + value + "'");
        }
        return (int) n;
    }

    private static int positive(String flag, String value) {
        return atLeast(flag, value, 1);
    }

    /** {@code 90s}, {@code 30m}, {@code 1h30m}, {@code 0.5h}. */
    private static Duration duration(String value) {
        String text = value.strip().toLowerCase(Locale.ROOT);
        Matcher parts = DURATION.matcher(text);
        double seconds = 0;
        int end = 0;
        while (parts.find() && parts.start() == end) {
            double amount = Double.parseDouble(parts.group(1));
            seconds += amount * switch (parts.group(2)) {
                case "h" -> 3600;
                case "m" -> 60;
                default -> 1;
            };
            end = parts.end();
        }
        if (end == 0 || end != text.length() || seconds <= 0) {
            throw new UsageException("--time-limit must be a duration such as 90s, 30m or 1h30m, got '" + value + "'");
        }
        return Duration.ofMillis(Math.round(seconds * 1000));
    }
}
