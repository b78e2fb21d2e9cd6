package org.convlab.spark;

import java.io.File;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.spark.SparkConf;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.JavaFutureAction;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.Function;
import org.convlab.sweep.Runner;
import org.convlab.sweep.Trial;
import org.convlab.sweep.TrialFunction;
import org.convlab.sweep.TrialResult;

/**
 * Runs a sweep's trials on Apache Spark, through its Java API: in this JVM ({@code local[*]}), in
 * executor JVMs on this machine ({@code local-cluster[2,1,1024]}), or on a cluster ({@code spark://},
 * {@code yarn}, {@code k8s://}).
 *
 * <pre>{@code
 * try (SparkRunner spark = SparkRunner.builder().master("local-cluster[2,1,1024]").build()) {
 *     SweepResults results = Sweep.builder().space(space).runner(spark).folder(folder).build().run();
 * }
 * }</pre>
 *
 * <p><b>One job per trial.</b> Each trial is a Spark job of one task, which runs it through
 * {@link Trial#run(TrialFunction, int)} with the task's cores ({@code spark.task.cpus}) as its tensor
 * threads. An exception of the trial function is caught inside the task and comes back as a
 * {@link org.convlab.sweep.TrialStatus#FAILED} row, so a deterministic failure is neither retried nor
 * fails other trials; a task lost with its executor is retried by Spark ({@code spark.task.maxFailures}).
 * The rows come back to the driver, where the sweep appends them to its log as with any runner. At most
 * {@link #slots()} jobs run at once: by default Spark's default parallelism, read afresh each time so that
 * executors that register late are used.
 *
 * <p><b>Settings.</b> The runner sets what it needs unless the configuration (or a {@code spark.*}
 * system property) already does: the application name, the web UI off, and the executors' JVM flag
 * {@code --add-modules jdk.incubator.vector} (added to {@code spark.executor.extraJavaOptions}). When the
 * master runs executors on this machine ({@code local-cluster}, or {@code spark://} on a loopback
 * address) the driver binds to 127.0.0.1 and executors get the driver's class path
 * ({@code spark.executor.extraClassPath}); executors elsewhere need convlab's jars shipped, e.g. with
 * {@code spark.jars}. {@code local-cluster} also needs the environment variables {@code SPARK_HOME} (a
 * folder whose {@code jars/} holds Spark's jars) and {@code SPARK_SCALA_VERSION=2.13}; without them its
 * executors never start, so the runner refuses to start instead. {@code ./convlab sweep --runner spark}
 * and this module's tests set both. The executors use this JVM's Java, which must be 17 to 22 (Spark's
 * executors fail on 23 and later), and the runner waits for them to register (up to two minutes) before it
 * is ready.
 */
public final class SparkRunner implements Runner {
    /** The name {@code --runner} knows this runner by. */
    public static final String NAME = "spark";

    /** How long a local-cluster's executors may take to register. */
    private static final Duration EXECUTOR_WAIT = Duration.ofSeconds(120);
    private static final Pattern LOCAL_CLUSTER = Pattern.compile("local-cluster\\[\\s*(\\d+)\\s*,.*]");
    /** The first Java whose Subject.getSubject, which Hadoop calls in every executor, throws. */
    private static final int FIRST_JAVA_WITHOUT_SUBJECT = 23;

    private final JavaSparkContext context;
    private final boolean owned;
    private final Integer slots;
    private final ExecutorService waiters;

    private SparkRunner(Builder b) {
        if (b.slots != null && b.slots < 1) {
            throw new IllegalArgumentException("SparkRunner: slots must be positive, got " + b.slots);
        }
        this.slots = b.slots;
        this.owned = b.context == null;
        this.context = owned ? new JavaSparkContext(configuration(b)) : b.context;
        if (owned && b.master.startsWith("local-cluster")) {
            awaitExecutors(b.master);
        }
        this.waiters = Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "convlab-spark-trial");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** A builder; by default {@code local[*]}. */
    public static Builder builder() {
        return new Builder();
    }

    /** The Spark context the trials run in. */
    public JavaSparkContext context() {
        return context;
    }

    /** The slots given to the builder, else Spark's current default parallelism (its executors' cores). */
    @Override
    public int slots() {
        return slots != null ? slots : Math.max(1, context.defaultParallelism());
    }

    @Override
    public CompletableFuture<TrialResult> submit(Trial trial, TrialFunction function) {
        JavaFutureAction<List<TrialResult>> job;
        synchronized (context) {
            context.setJobDescription("convlab " + trial);
            job = context.parallelize(List.of(trial), 1).map(new RunTrial(function)).collectAsync();
        }
        CompletableFuture<TrialResult> result = new CompletableFuture<>();
        waiters.execute(() -> {
            try {
                result.complete(job.get().get(0));
            } catch (ExecutionException e) {
                result.completeExceptionally(e.getCause() != null ? e.getCause() : e);
            } catch (InterruptedException e) {
                job.cancel(true);
                result.completeExceptionally(e);
            }
        });
        return result;
    }

    /** Stops the Spark context if this runner started it; trials still running are cancelled. */
    @Override
    public void close() {
        waiters.shutdownNow();
        if (owned) {
            context.stop();
        }
    }

    /** {@code spark runner: local-cluster[2,1,1024], 2 trials at a time}. */
    @Override
    public String toString() {
        int now = slots();
        return "spark runner: " + context.master() + ", " + now + " trial" + (now == 1 ? "" : "s") + " at a time"
                + (slots == null ? " (the cluster's cores)" : "");
    }

    /** The configuration: the builder's settings over {@code spark.*} system properties, plus what trials need. */
    private static SparkConf configuration(Builder b) {
        SparkConf conf = new SparkConf();
        conf.setMaster(b.master);
        b.settings.forEach(conf::set);
        conf.setIfMissing("spark.app.name", "convlab sweep");
        conf.setIfMissing("spark.ui.enabled", "false");
        String options = conf.get("spark.executor.extraJavaOptions", "");
        if (!options.contains("jdk.incubator.vector")) {
            conf.set("spark.executor.extraJavaOptions", (options + " --add-modules jdk.incubator.vector").strip());
        }
        if (executorsOnThisMachine(b.master)) {
            conf.setIfMissing("spark.driver.host", "127.0.0.1");
            conf.setIfMissing("spark.driver.bindAddress", "127.0.0.1");
            conf.setIfMissing("spark.executor.extraClassPath", System.getProperty("java.class.path"));
        }
        if (b.master.startsWith("local-cluster")) {
            checkLocalCluster(conf);
        }
        return conf;
    }

    /** Whether the master starts executor JVMs on this machine: local-cluster, or a standalone master on loopback. */
    static boolean executorsOnThisMachine(String master) {
        if (master.startsWith("local-cluster")) {
            return true;
        }
        if (!master.startsWith("spark://")) {
            return false;
        }
        try {
            String host = URI.create(master.split(",")[0]).getHost();
            return host != null && InetAddress.getByName(host).isLoopbackAddress();
        } catch (IllegalArgumentException | UnknownHostException e) {
            return false;
        }
    }

    /**
     * Checks what local-cluster executors need: a Java they run on (they use this JVM's), and SPARK_HOME and
     * SPARK_SCALA_VERSION; without them they fail at start and Spark starts them again and again.
     */
    private static void checkLocalCluster(SparkConf conf) {
        if (Runtime.version().feature() >= FIRST_JAVA_WITHOUT_SUBJECT) {
            throw new IllegalStateException("local-cluster executors run on this JVM's Java " + Runtime.version().feature()
                    + ", where Spark's executors fail at start (Hadoop calls Subject.getSubject); run on Java 17 or 21, as "
                    + "./convlab sweep --runner spark does");
        }
        String home = conf.get("spark.home", System.getenv("SPARK_HOME"));
        boolean jars = home != null && Files.isDirectory(Path.of(home, "jars"));
        if (!jars || System.getenv("SPARK_SCALA_VERSION") == null) {
            throw new IllegalStateException("local-cluster starts executor JVMs, which need the environment variables "
                    + "SPARK_HOME (a folder whose jars" + File.separator + " holds Spark's jars; now "
                    + (home == null ? "unset" : home + (jars ? "" : ", without jars" + File.separator)) + ") and "
                    + "SPARK_SCALA_VERSION=2.13 (now " + Objects.requireNonNullElse(System.getenv("SPARK_SCALA_VERSION"), "unset")
                    + "); ./convlab sweep --runner spark sets both");
        }
    }

    /**
     * Waits until the executors of a {@code local-cluster[N,C,MB]} master have registered: Spark would
     * otherwise wait forever for executors that cannot start. On timeout, stops the context and says where
     * the executors' logs are.
     */
    private void awaitExecutors(String master) {
        Matcher shape = LOCAL_CLUSTER.matcher(master);
        int wanted = shape.matches() ? Integer.parseInt(shape.group(1)) : 1;
        long deadline = System.nanoTime() + EXECUTOR_WAIT.toNanos();
        int registered;
        while ((registered = context.sc().statusTracker().getExecutorInfos().length - 1) < wanted) {
            if (System.nanoTime() > deadline) {
                context.stop();
                throw new IllegalStateException(master + ": " + registered + " of " + wanted + " executors started within "
                        + EXECUTOR_WAIT.toSeconds() + " s; their logs are in " + Path.of(context.getConf().get("spark.home",
                        System.getenv("SPARK_HOME")), "work"));
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                context.stop();
                throw new IllegalStateException(master + ": interrupted while waiting for the executors", e);
            }
        }
    }

    /** The task: runs one trial with the task's cores. */
    private static final class RunTrial implements Function<Trial, TrialResult> {
        private static final long serialVersionUID = 1L;

        private final TrialFunction function;

        RunTrial(TrialFunction function) {
            this.function = function;
        }

        @Override
        public TrialResult call(Trial trial) {
            TaskContext task = TaskContext.get();
            return trial.run(function, task == null ? 1 : Math.max(1, task.cpus()));
        }
    }

    /** Options of a {@link SparkRunner}. */
    public static final class Builder {
        private String master = "local[*]";
        private final Map<String, String> settings = new LinkedHashMap<>();
        private Integer slots;
        private JavaSparkContext context;

        private Builder() {
        }

        /** The master URL (default {@code local[*]}): {@code local[N]}, {@code local-cluster[N,C,MB]}, {@code spark://…}, … */
        public Builder master(String value) {
            this.master = Objects.requireNonNull(value, "master").strip();
            return this;
        }

        /** A Spark setting, e.g. {@code conf("spark.executor.memory", "2g")}. */
        public Builder conf(String key, String value) {
            settings.put(key, value);
            return this;
        }

        /** Trials to run at once (default: Spark's default parallelism at each submission). */
        public Builder slots(int value) {
            this.slots = value;
            return this;
        }

        /** Runs in an existing context instead (master and settings are then ignored; {@link #close()} leaves it running). */
        public Builder context(JavaSparkContext value) {
            this.context = value;
            return this;
        }

        /**
         * Starts Spark (unless given a context).
         *
         * @throws IllegalStateException if local-cluster lacks SPARK_HOME or SPARK_SCALA_VERSION
         * @throws IllegalArgumentException if slots is not positive
         */
        public SparkRunner build() {
            return new SparkRunner(this);
        }
    }
}
