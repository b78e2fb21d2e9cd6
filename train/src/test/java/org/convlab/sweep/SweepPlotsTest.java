package org.convlab.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.convlab.plot.Plots;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;

class SweepPlotsTest {
    private static final SearchSpace SPACE = SearchSpace.builder().logUniform("lr", 1e-5, 1e-1).uniform("lr_decay", 0.8, 1.0)
            .choice("optimizer", "adam", "sgd").build();

    @TempDir
    Path folder;

    /** 12 trials whose accuracy is their lr's decade; every fifth fails. */
    private static SweepResults results() throws IOException {
        return Sweep.builder().space(SPACE).trials(12).runner(LocalRunner.builder().parallelism(1).build()).function(trial -> {
            if (trial.index() % 5 == 4) {
                throw new IllegalStateException("failed");
            }
            double accuracy = 0.1 * (6 + Math.log10(trial.config().getDouble("lr")));
            return TrialOutcome.completed(accuracy, accuracy, 1);
        }).build().run();
    }

    @Test
    void theScatterColoursTrialsByTheMetricOnLogAxesForLogUniformParameters() throws IOException {
        SweepResults results = results();
        XYChart chart = Plots.hyperparameters(results, "lr", "lr_decay");
        assertTrue(chart.getStyler().isXAxisLogarithmic());
        assertTrue(!chart.getStyler().isYAxisLogarithmic());
        assertEquals(1e-5, chart.getStyler().getXAxisMin(), "the axis spans the space searched");
        List<XYSeries> series = List.copyOf(chart.getSeriesMap().values());
        XYSeries failed = series.get(series.size() - 1);
        assertEquals("no val_accuracy", failed.getName());
        assertEquals(2, failed.getXData().length, "trials 4 and 9 failed");
        assertEquals(10, series.stream().filter(s -> s != failed).mapToInt(s -> s.getXData().length).sum());
        assertTrue(series.size() - 1 > 1, "several colour bins");
        Plots.savePng(chart, folder.resolve("scatter.png"));
        assertTrue(Files.size(folder.resolve("scatter.png")) > 0);
    }

    @Test
    void theMetricByTrialOfTrialsCollectedSoFarMatchesTheResultsChart() throws IOException {
        SweepResults results = results();
        XYChart some = Plots.metricByTrial(results.trials().subList(0, 4), Metric.VALIDATION_ACCURACY);
        XYChart all = Plots.metricByTrial(results);
        assertEquals(4, some.getSeriesMap().get("completed").getXData().length);
        assertEquals(10, all.getSeriesMap().get("completed").getXData().length);
        assertEquals(all.getTitle(), some.getTitle());
    }

    @Test
    void theBestSoFarNeverGetsWorse() throws IOException {
        XYChart chart = Plots.bestSoFar(results());
        double[] best = chart.getSeriesMap().get("best so far").getYData();
        for (int i = 1; i < best.length; i++) {
            assertTrue(best[i] >= best[i - 1]);
        }
    }

    @Test
    void theMetricByTrialAndByOneParameterShowEveryTrialWithAValue() throws IOException {
        SweepResults results = results();
        assertEquals(10, Plots.metricByTrial(results).getSeriesMap().get("completed").getXData().length);
        XYChart byLr = Plots.hyperparameter(results, "lr");
        assertTrue(byLr.getStyler().isXAxisLogarithmic());
        assertThrows(IllegalArgumentException.class, () -> Plots.hyperparameter(results, "optimizer"), "words are not numbers");
    }
}
