package org.convlab.plot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.convlab.data.Dataset;
import org.convlab.data.FashionMnist;
import org.convlab.nn.models.FullyConnectedNet;
import org.convlab.optim.Sgd;
import org.convlab.train.History;
import org.convlab.train.Solver;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.XYChart;

class PlotsTest {
    private static History history;

    @TempDir
    Path folder;

    @BeforeAll
    static void trainBriefly() throws IOException {
        Dataset data = Dataset.builder().source(FashionMnist.subset()).training(100).validation(20).test(10).build();
        FullyConnectedNet model = FullyConnectedNet.builder().inputShape(1, 28, 28).hidden(16).build();
        history = Solver.builder().model(model).data(data).optimizer(Sgd.builder().learningRate(1e-5).build(model.parameters()))
                .batchSize(10).epochs(2).build().train();
    }

    @Test
    void theMovingAverageAveragesTheTrailingWindow() {
        assertArrayEquals(new double[] {1, 1.5, 2, 3, 4}, Plots.movingAverage(new double[] {1, 2, 3, 4, 5}, 3), 1e-15);
        assertArrayEquals(new double[] {1, 2}, Plots.movingAverage(new double[] {1, 2}, 1));
        assertThrows(IllegalArgumentException.class, () -> Plots.movingAverage(new double[] {1}, 0));
    }

    @Test
    void theLossChartShowsTheRawLossAndItsMovingAverage() {
        XYChart chart = Plots.loss(history, 4);
        assertEquals(2, chart.getSeriesMap().size());
        assertArrayEquals(history.losses(), chart.getSeriesMap().get("loss").getYData());
        assertArrayEquals(Plots.movingAverage(history.losses(), 4), chart.getSeriesMap().get("moving average (4)").getYData());
        assertEquals(20, chart.getSeriesMap().get("loss").getXData().length);
    }

    @Test
    void theAccuracyChartShowsTrainAndValidationPerEpochFromEpochZero() {
        XYChart chart = Plots.accuracy(history);
        assertArrayEquals(new double[] {0, 1, 2}, chart.getSeriesMap().get("train").getXData());
        assertArrayEquals(history.validationAccuracies(), chart.getSeriesMap().get("validation").getYData());
    }

    @Test
    void recordsCollectedDuringTrainingGiveTheSameChartsAsTheHistory() {
        XYChart fromRecords = Plots.loss(history.iterations().subList(0, 5), 2);
        assertArrayEquals(Arrays.copyOf(history.losses(), 5), fromRecords.getSeriesMap().get("loss").getYData());
        assertArrayEquals(Plots.accuracy(history).getSeriesMap().get("train").getYData(),
                Plots.accuracy(history.epochs()).getSeriesMap().get("train").getYData());
        assertThrows(IllegalArgumentException.class, () -> Plots.loss(List.of(), 1));
    }

    @Test
    void chartsAreSavedAsPngFiles() throws IOException {
        Path file = folder.resolve("lr.png");
        Plots.savePng(Plots.learningRate(history), file);
        byte[] bytes = Files.readAllBytes(file);
        assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G'}, Arrays.copyOf(bytes, 4));
        assertTrue(bytes.length > 1000);
    }
}
