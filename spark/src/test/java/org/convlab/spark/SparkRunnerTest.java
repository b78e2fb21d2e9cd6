package org.convlab.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;

import org.convlab.sweep.LocalRunner;
import org.convlab.sweep.Search;
import org.convlab.sweep.SearchSpace;
import org.convlab.sweep.SolverTrial;
import org.convlab.sweep.Sweep;
import org.convlab.sweep.SweepResults;
import org.convlab.sweep.TrialOutcome;
import org.convlab.sweep.TrialResult;
import org.convlab.sweep.TrialStatus;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tech.tablesaw.api.Table;

/** The Spark runner on a real cluster of two executor JVMs on this machine, started once for the class. */
class SparkRunnerTest {
    private static final SearchSpace SPACE = SearchSpace.builder().logUniform("lr", 1e-4, 1e-1).choice("hidden", 16, 32)
            .build();
    private static final SolverTrial TINY = SolverTrial.builder().trainSamples(300).validationSamples(100)
            .trainAccuracySamples(100).build();

    private static SparkRunner cluster;

    @TempDir
    Path folder;

    @BeforeAll
    static void startTwoExecutors() {
        assumeTrue(Runtime.version().feature() <= 21, "Spark 4.1's executors need Java 17 or 21; run Maven on one");
        long start = System.nanoTime();
        cluster = SparkRunner.builder().master("local-cluster[2,1,1024]").build();
        assertEquals(2, cluster.slots(), "the runner is ready when both executors are");
        System.out.printf("local-cluster[2,1,1024] with both executors ready in %.1f s%n", (System.nanoTime() - start) / 1e9);
    }

    @AfterAll
    static void stopCluster() {
        if (cluster != null) {
            cluster.close();
        }
    }

    private static Sweep.Builder sweep() {
        return Sweep.builder().space(SPACE).search(Search.random(5)).trials(6).epochs(1).function(TINY);
    }

    @Test
    void theClusterReturnsTheRowsOfTheLocalRunnerForTheSameSeed() throws IOException {
        SweepResults local;
        try (LocalRunner runner = LocalRunner.builder().parallelism(2).threadsPerTrial(1).build()) {
            local = sweep().runner(runner).build().run();
        }
        SweepResults spark = sweep().runner(cluster).folder(folder).build().run();
        assertTrue(local.count(TrialStatus.COMPLETED) >= 3, local.toString());
        assertSameRows(local.table(), spark.table());
        assertSameRows(spark.table(), SweepResults.read(folder).table());
    }

    @Test
    void aFailingTrialBecomesAFailedRowWithoutFailingTheJob() throws IOException {
        SweepResults results = sweep().runner(cluster).function(trial -> {
            if (trial.index() == 1) {
                throw new IllegalArgumentException("hidden " + trial.config().getInt("hidden") + " does not fit");
            }
            return TrialOutcome.completed(0.5, 0.5, 1);
        }).build().run();
        TrialResult failed = results.trials().get(1);
        assertEquals(TrialStatus.FAILED, failed.status());
        assertTrue(failed.message().orElseThrow().matches("IllegalArgumentException: hidden \\d+ does not fit"),
                failed.message().orElseThrow());
        assertEquals(5, results.count(TrialStatus.COMPLETED));
    }

    @Test
    void trialsRunInTheExecutorJvms() throws IOException {
        long driver = ProcessHandle.current().pid();
        SweepResults results = sweep().runner(cluster).function(trial -> {
            Thread.sleep(300);
            return TrialOutcome.completed(0.5, 0.5, 1).stopped("pid " + ProcessHandle.current().pid());
        }).build().run();
        Set<String> pids = results.trials().stream().map(r -> r.message().orElseThrow()).collect(Collectors.toSet());
        assertEquals(2, pids.size(), "both executors ran trials: " + pids);
        assertTrue(pids.stream().noneMatch(p -> p.equals("pid " + driver)));
    }

    @Test
    void localClusterWithoutSparkHomeIsRefusedInsteadOfHanging() {
        assertNotNull(System.getenv("SPARK_HOME"), "surefire sets SPARK_HOME");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> SparkRunner.builder()
                .master("local-cluster[1,1,512]").conf("spark.home", folder.toString()).build());
        assertTrue(e.getMessage().contains("without jars"), e.getMessage());
    }

    @Test
    void executorsOnThisMachineAreRecognisedByTheMaster() {
        assertTrue(SparkRunner.executorsOnThisMachine("local-cluster[2,1,1024]"));
        assertTrue(SparkRunner.executorsOnThisMachine("spark://127.0.0.1:7077"));
        assertTrue(SparkRunner.executorsOnThisMachine("spark://localhost:7077"));
        assertFalse(SparkRunner.executorsOnThisMachine("local[*]"));
        assertFalse(SparkRunner.executorsOnThisMachine("yarn"));
    }

    /** Asserts that two result tables hold the same rows, but for the wall times. */
    private static void assertSameRows(Table expected, Table actual) {
        assertEquals(expected.columnNames(), actual.columnNames());
        for (String column : expected.columnNames()) {
            if (!column.equals("seconds")) {
                assertEquals(expected.column(column).asList(), actual.column(column).asList(), column);
            }
        }
    }
}
