package org.convlab.plot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import org.convlab.autograd.DType;
import org.convlab.autograd.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;

class DiagnosticPlotsTest {
    private static final List<String> CLASSES = List.of("cat", "dog", "ship");

    @TempDir
    Path folder;

    /** The values counted: each bin's count appears at both its edges in the outline. */
    private static double sumOfBins(XYChart chart) {
        XYSeries series = chart.getSeriesMap().values().iterator().next();
        return Arrays.stream(series.getYData()).sum() / 2;
    }

    @Test
    void aHistogramCountsEveryFiniteValueAndNamesItsMeanAndStd() {
        Tensor values = Tensor.of(new double[] {-1, 0, 0, 1, 2, Double.NaN}, 6);
        XYChart chart = Plots.histogram("W1", values, 4);
        assertEquals(3, sumOfBins(chart), "NaN and the zeros are left out of the bars");
        assertEquals(8, chart.getSeriesMap().values().iterator().next().getXData().length, "4 bins have 8 corners");
        assertEquals("W1 · mean 0.400 · std 1.02 · 33% zeros", chart.getTitle(), "two zeros of six values");
        assertEquals("count of the non-zero values", chart.getYAxisTitle());
        assertEquals(Plots.WIDTH, chart.getWidth());

        XYChart fewZeros = Plots.histogram("W2", Tensor.arange(DType.F64, 0, 200, 1), 10);
        assertEquals(200, sumOfBins(fewZeros), "one zero in 200 values is drawn");
        assertEquals("count", fewZeros.getYAxisTitle());
    }

    @Test
    void theBinsSpanRoundNumbersAroundTheValues() {
        Bins bins = Bins.of(new double[] {0.013, 0.0871}, 5, 0.013, 0.0871, false);
        assertEquals(0.0, bins.edges()[0], 1e-15);
        assertEquals(0.1, bins.edges()[5], 1e-15);
        assertEquals(2, Arrays.stream(bins.counts()).sum());
    }

    @Test
    void aHistogramOfOneRepeatedValueStillHasARange() {
        XYChart chart = Plots.histogram("b1", Tensor.zeros(8));
        double[] edges = chart.getSeriesMap().values().iterator().next().getXData();
        assertTrue(edges[0] < 0 && edges[edges.length - 1] > 0);
        assertEquals(8, sumOfBins(chart));
        assertThrows(IllegalArgumentException.class, () -> Plots.histogram("x", Tensor.full(DType.F32, Double.NaN, 3)));
    }

    @Test
    void histogramsPerLayerFormAGridOfSmallCharts() {
        Map<String, Tensor> layers = new LinkedHashMap<>();
        for (int i = 1; i <= 4; i++) {
            layers.put("layer " + i, Tensor.randn(DType.F32, i, 100).mul(1.0 / i));
        }
        BufferedImage shared = Plots.histograms("Activations", layers);
        BufferedImage own = Plots.histograms("Gradients", layers, false);
        assertTrue(shared.getWidth() >= 3 * 320 && shared.getWidth() < 4 * 320, "three charts per row: " + shared.getWidth());
        assertTrue(shared.getHeight() >= 2 * 220, "two rows: " + shared.getHeight());
        assertEquals(shared.getWidth(), own.getWidth());
        assertThrows(IllegalArgumentException.class, () -> Plots.histograms("none", Map.of()));
    }

    @Test
    void colourFiltersAreDrawnInRgbAndEveryFilterSpansBlackToWhite() {
        Pixels.Range unit = new Pixels.Range(0, 1);
        BufferedImage red = Pixels.image(new double[] {1, 0, 0}, 0, 3, 1, 1, unit, 2);
        assertEquals(2, red.getWidth());
        assertEquals(0xFF0000, red.getRGB(1, 1) & 0xFFFFFF);
        Pixels.Range small = Pixels.Range.of(new double[] {5, -1e-3, 1e-3}, 1, 3);
        assertEquals(0, small.level(-1e-3));
        assertEquals(255, small.level(1e-3));
        assertEquals(128, new Pixels.Range(2, 2).level(2));

        BufferedImage rgb = Plots.filters(Tensor.randn(DType.F32, 1, 6, 3, 5, 5));
        BufferedImage gray = Plots.filters(Tensor.randn(DType.F32, 1, 6, 1, 5, 5));
        assertEquals(rgb.getHeight(), gray.getHeight(), "one tile per filter either way");
        BufferedImage channels = Plots.filters(Tensor.randn(DType.F32, 1, 6, 4, 5, 5));
        assertTrue(channels.getWidth() > gray.getWidth(), "four channels side by side in each tile");
        assertThrows(IllegalArgumentException.class, () -> Plots.filters(Tensor.zeros(6, 5, 5)));
    }

    @Test
    void activationMapsTakeOneInputWithOrWithoutItsBatchAxis() {
        Tensor maps = Tensor.randn(DType.F32, 7, 2, 8, 12, 12).maximum(0);
        Tensor one = maps.slice(0, 0, 1);
        BufferedImage withBatch = Plots.activationMaps(one);
        BufferedImage without = Plots.activationMaps(one.reshape(8, 12, 12));
        assertEquals(withBatch.getWidth(), without.getWidth());
        assertEquals(withBatch.getHeight(), without.getHeight());
        assertThrows(IllegalArgumentException.class, () -> Plots.activationMaps(maps));
    }

    @Test
    void predictionsNeedALabelAndAPredictionPerImage() {
        Tensor images = Tensor.randn(DType.F32, 3, 4, 1, 8, 8);
        BufferedImage grid = Plots.predictions(images, new int[] {0, 1, 2, 2}, new int[] {0, 2, 2, 1}, CLASSES);
        assertTrue(grid.getWidth() > 4 * 84, "four images in a row: " + grid.getWidth());
        assertThrows(IllegalArgumentException.class,
                () -> Plots.predictions(images, new int[] {0, 1, 2}, new int[] {0, 1, 2}, CLASSES));
        assertThrows(IllegalArgumentException.class,
                () -> Plots.predictions(images, new int[] {0, 1, 2, 3}, new int[] {0, 1, 2, 2}, CLASSES));
    }

    @Test
    void theConfusionMatrixCountsEachPairWithTheFirstClassOnTop() {
        int[] truth = {0, 0, 1, 1, 2, 2};
        int[] predicted = {0, 1, 1, 1, 2, 0};
        HeatMapChart chart = Plots.confusionMatrix(truth, predicted, CLASSES);
        assertEquals("Confusion matrix: 66.7% of 6 correct", chart.getTitle());
        List<?> rows = chart.getHeatMapSeries().getYData();
        assertEquals(List.of("ship", "dog", "cat"), rows);
        Map<String, Number> cells = new LinkedHashMap<>();
        for (Number[] cell : chart.getHeatMapSeries().getHeatData()) {
            cells.put(CLASSES.get(cell[0].intValue()) + "/" + rows.get(cell[1].intValue()), cell[2]);
        }
        assertEquals(9, cells.size());
        assertEquals(1L, cells.get("cat/cat"), "predicted cat / true cat");
        assertEquals(1L, cells.get("dog/cat"), "predicted dog / true cat");
        assertEquals(2L, cells.get("dog/dog"));
        assertEquals(1L, cells.get("cat/ship"));
        assertEquals(0L, cells.get("ship/dog"));
    }

    @Test
    void imagesAreSavedAsPngFiles() throws IOException {
        Path file = folder.resolve("filters.png");
        BufferedImage grid = Plots.filters(Tensor.randn(DType.F32, 2, 4, 3, 3, 3));
        Plots.savePng(grid, file);
        BufferedImage read = ImageIO.read(file.toFile());
        assertEquals(grid.getWidth(), read.getWidth());
        assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G'}, Arrays.copyOf(Files.readAllBytes(file), 4));
    }
}
