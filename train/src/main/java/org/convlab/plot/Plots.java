package org.convlab.plot;

import java.awt.Color;
import java.awt.Font;
import java.awt.image.BufferedImage;
import java.awt.image.RenderedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

import javax.imageio.ImageIO;

import org.convlab.autograd.Tensor;
import org.convlab.sweep.Domain;
import org.convlab.sweep.Metric;
import org.convlab.sweep.SweepResults;
import org.convlab.sweep.TrialResult;
import org.convlab.sweep.TrialStatus;
import org.convlab.train.AtomicFiles;
import org.convlab.train.EpochRecord;
import org.convlab.train.History;
import org.convlab.train.IterationRecord;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.XYSeries.XYSeriesRenderStyle;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.Styler.LegendPosition;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Charts of a training {@link History}, as XChart charts that a notebook displays or
 * {@link #savePng} writes to a file: the loss per iteration with its moving average, the training
 * and validation accuracy per epoch, and the learning rate. Charts of a hyper-parameter sweep's
 * {@link SweepResults}: two hyper-parameters coloured by the objective, the objective against one
 * hyper-parameter, the objective of every trial, and the best so far.
 *
 * <p>Diagnostics of a network, CS231n's visualisations: {@linkplain #histogram histograms} of weights,
 * activations or gradients, {@linkplain #histograms one per layer}; the {@linkplain #filters filters} of a
 * convolution and the {@linkplain #activationMaps activation maps} of a layer as image grids; images with
 * their {@linkplain #predictions true and predicted labels}; the {@linkplain #confusionMatrix confusion matrix}.
 * Where the natural result is a grid of pictures it is a {@link BufferedImage}, which notebooks show
 * like charts and {@link #savePng(RenderedImage, Path)} saves.
 *
 * <p>Every chart is 800×500 pixels with the same style (the confusion matrix is taller, the charts of a
 * histogram grid smaller); build more with {@link #chart}. Saving works without a display; programs that
 * only save (like the command line) should set {@code java.awt.headless=true} before any AWT class loads.
 */
public final class Plots {
    /** Width of every chart, in pixels. */
    public static final int WIDTH = 800;
    /** Height of every chart, in pixels. */
    public static final int HEIGHT = 500;

    /** Default number of bins of a histogram. */
    public static final int BINS = 50;

    /** Size of each chart in a grid of {@link #histograms}. */
    private static final int GRID_CHART_WIDTH = 320;
    private static final int GRID_CHART_HEIGHT = 220;
    private static final int GRID_COLUMNS = 3;
    private static final float GRID_TITLE_SIZE = 10f;
    /** Exact zeros from this share of the values on are counted in a histogram's title instead of drawn. */
    private static final double ZEROS_LEFT_OUT = 0.01;
    /** Image grids are kept about this wide, to fit a notebook's output area. */
    private static final int GRID_WIDTH = 960;
    /** Height of the confusion matrix: taller than other charts, for square cells under rotated labels. */
    private static final int CONFUSION_HEIGHT = 700;
    /** Longer side of each image of {@link #predictions}, in pixels. */
    private static final int PREDICTION_PIXELS = 84;
    private static final int PREDICTION_COLUMNS = 8;
    /** Frame and caption colour of a misclassified image. */
    private static final Color MISTAKE = new Color(0xCF222E);

    /** Dark blue to yellow: the viridis colour map in six steps, for sweep scatter plots. */
    private static final Color[] VIRIDIS = {new Color(0x440154), new Color(0x414487), new Color(0x2A788E),
        new Color(0x22A884), new Color(0x7AD151), new Color(0xFDE725)};

    private Plots() {
    }

    /**
     * An empty line chart in the common style.
     *
     * @param title  the chart's title
     * @param xLabel the x axis title
     * @param yLabel the y axis title
     */
    public static XYChart chart(String title, String xLabel, String yLabel) {
        return chart(title, xLabel, yLabel, WIDTH, HEIGHT);
    }

    private static XYChart chart(String title, String xLabel, String yLabel, int width, int height) {
        XYChart chart = new XYChartBuilder().width(width).height(height).title(title).xAxisTitle(xLabel)
                .yAxisTitle(yLabel).build();
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setLegendPosition(LegendPosition.InsideNE);
        chart.getStyler().setMarkerSize(5);
        return chart;
    }

    /**
     * An empty chart over iterations. XChart puts a tick at every k-th value of equally spaced x data
     * however sparse one asks for (its issue #731), so the labels are turned by 45° to stay legible.
     */
    private static XYChart iterationChart(String title, String yLabel) {
        XYChart chart = chart(title, "iteration", yLabel);
        chart.getStyler().setXAxisDecimalPattern("#,##0");
        chart.getStyler().setXAxisLabelRotation(45);
        return chart;
    }

    /**
     * The loss of every iteration and its trailing moving average over {@link #defaultWindow} iterations.
     *
     * @throws IllegalArgumentException if the history has no iterations
     */
    public static XYChart loss(History history) {
        return loss(history, defaultWindow(history.iterations().size()));
    }

    /**
     * The loss of every iteration and its trailing moving average over {@code window} iterations.
     *
     * @throws IllegalArgumentException if the history has no iterations or the window is not positive
     */
    public static XYChart loss(History history, int window) {
        return loss(history.iterations(), window);
    }

    /**
     * The loss of the given steps and its trailing moving average over {@code window} steps: the chart of
     * {@link #loss(History, int)} for steps collected elsewhere, e.g. while training runs.
     *
     * @throws IllegalArgumentException if there are no steps or the window is not positive
     */
    public static XYChart loss(List<IterationRecord> records, int window) {
        nonEmpty(records, "loss");
        double[] x = records.stream().mapToDouble(IterationRecord::iteration).toArray();
        double[] loss = records.stream().mapToDouble(IterationRecord::loss).toArray();
        XYChart chart = iterationChart("Training loss", "loss");
        line(chart, "loss", x, loss).setLineWidth(0.8f);
        line(chart, "moving average (" + window + ")", x, movingAverage(loss, window)).setLineWidth(2.5f);
        return chart;
    }

    /**
     * Training and validation accuracy at every epoch check (epoch 0 is before training).
     *
     * @throws IllegalArgumentException if the history has no epoch checks
     */
    public static XYChart accuracy(History history) {
        return accuracy(history.epochs());
    }

    /**
     * Training and validation accuracy of the given epoch checks: the chart of {@link #accuracy(History)}
     * for checks collected elsewhere, e.g. while training runs.
     *
     * @throws IllegalArgumentException if there are no epoch checks
     */
    public static XYChart accuracy(List<EpochRecord> records) {
        nonEmpty(records, "accuracy");
        double[] epochs = records.stream().mapToDouble(EpochRecord::epoch).toArray();
        XYChart chart = chart("Classification accuracy", "epoch", "accuracy");
        chart.getStyler().setXAxisDecimalPattern("0");
        chart.getStyler().setLegendPosition(LegendPosition.InsideSE);
        line(chart, "train", epochs, records.stream().mapToDouble(EpochRecord::trainAccuracy).toArray())
                .setMarker(SeriesMarkers.CIRCLE);
        line(chart, "validation", epochs, records.stream().mapToDouble(EpochRecord::validationAccuracy).toArray())
                .setMarker(SeriesMarkers.CIRCLE);
        return chart;
    }

    /**
     * The learning rate of every iteration.
     *
     * @throws IllegalArgumentException if the history has no iterations
     */
    public static XYChart learningRate(History history) {
        List<IterationRecord> records = nonEmpty(history.iterations(), "learningRate");
        double[] x = records.stream().mapToDouble(IterationRecord::iteration).toArray();
        XYChart chart = iterationChart("Learning rate", "learning rate");
        chart.getStyler().setYAxisDecimalPattern("0.0##E0");
        line(chart, "learning rate", x, history.learningRates());
        return chart;
    }

    /**
     * Two hyper-parameters of a sweep's trials, one point per trial, coloured by the sweep's objective
     * (dark to bright from the lowest to the highest value, in up to six bins named in the legend); trials
     * without a value (failed) are grey crosses. Log-uniform parameters get log axes.
     *
     * @throws IllegalArgumentException if a name is not a numeric parameter of the sweep, or there are no trials
     */
    public static XYChart hyperparameters(SweepResults results, String x, String y) {
        Metric metric = results.objective();
        List<TrialResult> trials = someTrials(results.trials(), "hyperparameters");
        XYChart chart = scatter(metric + " by " + x + " and " + y, x, y);
        xAxis(chart, numeric(results, x));
        yAxis(chart, numeric(results, y));
        chart.getStyler().setLegendPosition(LegendPosition.OutsideE);
        List<TrialResult> measured = trials.stream().filter(t -> Double.isFinite(metric.of(t))).toList();
        double low = measured.stream().mapToDouble(metric::of).min().orElse(0);
        double high = measured.stream().mapToDouble(metric::of).max().orElse(0);
        int bins = (int) Math.max(1, Math.min(VIRIDIS.length, measured.stream().mapToDouble(metric::of).distinct().count()));
        for (int bin = 0; bin < bins; bin++) {
            double from = low + bin * (high - low) / bins;
            double to = bin == bins - 1 ? high : low + (bin + 1) * (high - low) / bins;
            int index = bin;
            List<TrialResult> in = measured.stream().filter(t -> binOf(metric.of(t), low, high, bins) == index).toList();
            if (!in.isEmpty()) {
                String name = bins == 1 ? String.format(Locale.ROOT, "%.4g", low) : String.format(Locale.ROOT, "%.4g – %.4g", from, to);
                XYSeries series = points(chart, name, in, t -> value(t, x), t -> value(t, y));
                series.setMarkerColor(VIRIDIS[Math.round((float) bin * (VIRIDIS.length - 1) / Math.max(1, bins - 1))]);
            }
        }
        List<TrialResult> unmeasured = trials.stream().filter(t -> !Double.isFinite(metric.of(t))).toList();
        if (!unmeasured.isEmpty()) {
            XYSeries failed = points(chart, "no " + metric, unmeasured, t -> value(t, x), t -> value(t, y));
            failed.setMarker(SeriesMarkers.CROSS);
            failed.setMarkerColor(Color.GRAY);
        }
        return chart;
    }

    /**
     * The sweep's objective against one hyper-parameter, one point per trial, completed and stopped
     * trials apart; a log axis for a log-uniform parameter.
     *
     * @throws IllegalArgumentException if the name is not a numeric parameter of the sweep, or no trial has a value
     */
    public static XYChart hyperparameter(SweepResults results, String name) {
        Metric metric = results.objective();
        XYChart chart = scatter(metric + " by " + name, name, metric.column());
        xAxis(chart, numeric(results, name));
        byStatus(chart, results.trials(), metric, t -> value(t, name));
        return chart;
    }

    /**
     * The sweep's objective for every trial, by trial index, completed and stopped trials apart.
     *
     * @throws IllegalArgumentException if no trial has a value
     */
    public static XYChart metricByTrial(SweepResults results) {
        return metricByTrial(results.trials(), results.objective());
    }

    /**
     * A metric of every trial given, by trial index, completed and stopped trials apart: the chart of
     * {@link #metricByTrial(SweepResults)} for trials collected elsewhere, e.g. while a sweep runs.
     *
     * @throws IllegalArgumentException if no trial has a value
     */
    public static XYChart metricByTrial(List<TrialResult> trials, Metric metric) {
        XYChart chart = scatter(metric + " by trial", "trial", metric.column());
        chart.getStyler().setXAxisDecimalPattern("0");
        byStatus(chart, trials, metric, TrialResult::trial);
        return chart;
    }

    /**
     * The best value of the sweep's objective among the completed trials up to each trial index: how
     * fast the search found what it found.
     *
     * @throws IllegalArgumentException if no trial completed
     */
    public static XYChart bestSoFar(SweepResults results) {
        Metric metric = results.objective();
        List<Double> x = new ArrayList<>();
        List<Double> best = new ArrayList<>();
        double sofar = Double.NaN;
        for (TrialResult trial : results.trials()) {
            double value = metric.of(trial);
            if (trial.status() == TrialStatus.COMPLETED && (Double.isNaN(sofar) || metric.better(value, sofar))) {
                sofar = value;
            }
            if (!Double.isNaN(sofar)) {
                x.add((double) trial.trial());
                best.add(sofar);
            }
        }
        someTrials(x, "bestSoFar");
        XYChart chart = chart("Best " + metric + " so far", "trial", metric.column());
        chart.getStyler().setXAxisDecimalPattern("0");
        chart.getStyler().setLegendPosition(metric.higherIsBetter() ? LegendPosition.InsideSE : LegendPosition.InsideNE);
        line(chart, "best so far", x.stream().mapToDouble(Double::doubleValue).toArray(),
                best.stream().mapToDouble(Double::doubleValue).toArray()).setMarker(SeriesMarkers.CIRCLE);
        return chart;
    }

    /**
     * The histogram of a tensor's values in {@link #BINS} bins, titled with their mean and standard
     * deviation: e.g. a layer's weights, activations or gradients. When at least 1 % of the values are exactly
     * zero (ReLU outputs: half of them, typically), the title gives their share and the bars leave them out,
     * where they would dwarf the rest. (The series' x data are in units of a power of ten that suits XChart's
     * ticks; the axis labels show the values.)
     *
     * @param title what the values are, e.g. {@code "W1"}
     * @throws IllegalArgumentException if the tensor has no finite value
     */
    public static XYChart histogram(String title, Tensor values) {
        return histogram(title, values, BINS);
    }

    /**
     * The histogram of a tensor's values in {@code bins} bins; see {@link #histogram(String, Tensor)}.
     *
     * @throws IllegalArgumentException if the tensor has no finite value or bins is not positive
     */
    public static XYChart histogram(String title, Tensor values, int bins) {
        double[] v = values.toDoubleArray();
        Summary summary = finite(title, v);
        return histogramChart(title, v, summary, bins, summary.min(), summary.max(), WIDTH, HEIGHT);
    }

    /**
     * One histogram per layer, in a grid of small charts in the given order, each titled with the layer's
     * name, mean and standard deviation (and its share of zeros, left out of the bars as in
     * {@link #histogram(String, Tensor)}): CS231n's picture of how
     * activations (or weights, or gradients) change from layer to layer. All share one value axis, so that
     * activations shrinking towards zero or saturating are seen at once.
     *
     * @param title    the grid's title, e.g. {@code "Activations with weight scale 0.01"}
     * @param byLayer  the values of each layer, by name, in layer order
     * @throws IllegalArgumentException if there are no layers or a layer has no finite value
     */
    public static BufferedImage histograms(String title, Map<String, Tensor> byLayer) {
        return histograms(title, byLayer, true);
    }

    /**
     * One histogram per layer, as {@link #histograms(String, Map)}, with one shared value axis or each over
     * its own range (better for gradients, whose scales differ from layer to layer).
     *
     * @param sameRange whether every histogram spans the range of all layers' values
     * @throws IllegalArgumentException if there are no layers or a layer has no finite value
     */
    public static BufferedImage histograms(String title, Map<String, Tensor> byLayer, boolean sameRange) {
        if (byLayer.isEmpty()) {
            throw new IllegalArgumentException("Plots.histograms: no layers to show");
        }
        List<double[]> values = new ArrayList<>();
        List<Summary> summaries = new ArrayList<>();
        double low = Double.POSITIVE_INFINITY;
        double high = Double.NEGATIVE_INFINITY;
        for (Map.Entry<String, Tensor> layer : byLayer.entrySet()) {
            double[] v = layer.getValue().toDoubleArray();
            Summary summary = finite(layer.getKey(), v);
            values.add(v);
            summaries.add(summary);
            low = Math.min(low, summary.min());
            high = Math.max(high, summary.max());
        }
        List<ImageGrid.Tile> tiles = new ArrayList<>();
        int i = 0;
        for (String name : byLayer.keySet()) {
            Summary summary = summaries.get(i);
            XYChart chart = histogramChart(name, values.get(i), summary, BINS, sameRange ? low : summary.min(),
                    sameRange ? high : summary.max(), GRID_CHART_WIDTH, GRID_CHART_HEIGHT);
            chart.getStyler().setChartTitleFont(chart.getStyler().getChartTitleFont().deriveFont(Font.PLAIN, GRID_TITLE_SIZE));
            chart.getStyler().setAxisTitlesVisible(false);
            tiles.add(ImageGrid.Tile.of(BitmapEncoder.getBufferedImage(chart)));
            i++;
        }
        return ImageGrid.compose(title, tiles, Math.min(GRID_COLUMNS, tiles.size()));
    }

    private static Summary finite(String what, double[] values) {
        Summary summary = Summary.of(values);
        if (summary.finite() == 0) {
            throw new IllegalArgumentException("Plots.histogram: " + what + " has no finite value (" + values.length
                    + " values)");
        }
        return summary;
    }

    private static XYChart histogramChart(String name, double[] values, Summary summary, int bins, double low, double high,
                                          int width, int height) {
        boolean skipZeros = summary.zeroFraction() >= ZEROS_LEFT_OUT && summary.zeros() < summary.finite();
        String zeros = summary.zeroFraction() >= ZEROS_LEFT_OUT
                ? String.format(Locale.ROOT, " · %.0f%% zeros", 100 * summary.zeroFraction()) : "";
        String title = String.format(Locale.ROOT, "%s · mean %.3g · std %.3g%s", name, summary.mean(), summary.std(), zeros);
        XYChart chart = chart(title, "value", skipZeros ? "count of the non-zero values" : "count", width, height);
        chart.getStyler().setLegendVisible(false);
        chart.getStyler().setYAxisMin(0.0);
        chart.getStyler().setYAxisDecimalPattern("#,##0");
        Bins counts = Bins.of(values, bins, low, high, skipZeros);
        double[] edges = counts.edges();
        // XChart tests "equally spaced" x data with an absolute tolerance of 1e-4 and then puts ticks on data points;
        // x is plotted in units that make the axis span 100 to 1000, and the labels show the values themselves.
        double unit = Math.pow(10, Math.floor(Math.log10(edges[bins] - edges[0])) - 2);
        DecimalFormat label = new DecimalFormat(valuePattern(edges[bins] - edges[0]), DecimalFormatSymbols.getInstance(Locale.ROOT));
        chart.setCustomXAxisTickLabelsFormatter(v -> v == 0 ? "0" : label.format(v * unit));
        chart.getStyler().setXAxisMin(edges[0] / unit).setXAxisMax(edges[bins] / unit);
        double[] x = counts.outlineX();
        for (int i = 0; i < x.length; i++) {
            x[i] /= unit;
        }
        XYSeries series = line(chart, name, x, counts.outlineY());
        series.setXYSeriesRenderStyle(XYSeriesRenderStyle.Area);
        return chart;
    }

    /**
     * The number format of a value axis spanning {@code span}: enough decimals for ticks about a fifth of the span
     * apart, and no trailing zeros; scientific notation below a span of 1e-4.
     */
    private static String valuePattern(double span) {
        if (span < 1e-4) {
            return "0.#E0";
        }
        int decimals = Math.max(0, (int) Math.ceil(-Math.log10(span / 5))) + 1;
        return "0." + "#".repeat(decimals);
    }

    /**
     * The filters of a convolution as a grid of pictures, one per filter, each scaled from its own minimum
     * (black) to its maximum (white): RGB for filters over 3 channels (a first layer on colour images),
     * grayscale for 1, and otherwise the channels of each filter side by side in grayscale.
     *
     * @param weights the filters (F, C, HH, WW), e.g. the first layer's {@code W1}
     * @throws IllegalArgumentException if the tensor is not 4-dimensional
     */
    public static BufferedImage filters(Tensor weights) {
        int[] shape = dims("filters", weights, 4, "(F, C, HH, WW)");
        int count = shape[0];
        int channels = shape[1];
        int height = shape[2];
        int width = shape[3];
        double[] v = weights.toDoubleArray();
        int perFilter = channels * height * width;
        int scale = Pixels.scaleFor(Math.max(height, width));
        List<ImageGrid.Tile> tiles = new ArrayList<>();
        for (int f = 0; f < count; f++) {
            int offset = f * perFilter;
            Pixels.Range range = Pixels.Range.of(v, offset, offset + perFilter);
            BufferedImage image;
            if (channels == 1 || channels == 3) {
                image = Pixels.image(v, offset, channels, height, width, range, scale);
            } else {
                List<BufferedImage> planes = new ArrayList<>();
                for (int c = 0; c < channels; c++) {
                    planes.add(Pixels.image(v, offset + c * height * width, 1, height, width, range, scale));
                }
                image = Pixels.strip(planes);
            }
            tiles.add(new ImageGrid.Tile(image, List.of(Integer.toString(f)), null));
        }
        String kind = channels == 3 ? " in RGB" : channels == 1 ? "" : ", channels side by side";
        String title = String.format(Locale.ROOT, "%d filters of %d×%d×%d%s, each scaled to its own range", count, channels,
                height, width, kind);
        return ImageGrid.compose(title, tiles, columnsFor(count, tiles.get(0).image().getWidth()));
    }

    /**
     * The activation maps of one layer for one input, one picture per channel, all on one scale from the
     * layer's minimum (black) to its maximum (white), so that weak and dead maps (all zero after a ReLU) look
     * dark; the title counts the dead ones.
     *
     * @param activations the layer's output for one input: (C, H, W), or (1, C, H, W)
     * @throws IllegalArgumentException if the shape is neither
     */
    public static BufferedImage activationMaps(Tensor activations) {
        int[] shape = activations.shape();
        if (shape.length == 4 && shape[0] == 1) {
            shape = new int[] {shape[1], shape[2], shape[3]};
        } else if (shape.length != 3) {
            throw new IllegalArgumentException("Plots.activationMaps: expected the activations of one input, (C, H, W) or "
                    + "(1, C, H, W), got " + activations.shapeString());
        }
        int channels = shape[0];
        int plane = shape[1] * shape[2];
        double[] v = activations.toDoubleArray();
        Pixels.Range range = Pixels.Range.of(v, 0, v.length);
        int scale = Pixels.scaleFor(Math.max(shape[1], shape[2]));
        List<ImageGrid.Tile> tiles = new ArrayList<>();
        int dead = 0;
        for (int c = 0; c < channels; c++) {
            Pixels.Range own = Pixels.Range.of(v, c * plane, (c + 1) * plane);
            dead += own.low() == 0 && own.high() == 0 ? 1 : 0;
            tiles.add(new ImageGrid.Tile(Pixels.image(v, c * plane, 1, shape[1], shape[2], range, scale),
                    List.of(Integer.toString(c)), null));
        }
        String title = String.format(Locale.ROOT, "%d activation maps of %d×%d, black %.3g to white %.3g%s", channels,
                shape[1], shape[2], range.low(), range.high(), dead == 0 ? "" : " · " + dead + " all zero");
        return ImageGrid.compose(title, tiles, columnsFor(channels, tiles.get(0).image().getWidth()));
    }

    /**
     * Images with their true and predicted classes, in a grid; the mistakes are framed and captioned in
     * red. Each image is scaled to its own range, so normalised inputs show as they were taken.
     *
     * @param images     (N, C, H, W) with C = 1 or 3
     * @param truth      the N true labels
     * @param predicted  the N predicted labels
     * @param classNames the name of each label
     * @throws IllegalArgumentException if the counts differ, a label is not a class, or C is not 1 or 3
     */
    public static BufferedImage predictions(Tensor images, int[] truth, int[] predicted, List<String> classNames) {
        int[] shape = dims("predictions", images, 4, "(N, C, H, W)");
        Confusion.checkLabels(truth, predicted, classNames.size());
        if (shape[0] != truth.length) {
            throw new IllegalArgumentException("Plots.predictions: " + shape[0] + " images but " + truth.length + " labels");
        }
        double[] v = images.toDoubleArray();
        int perImage = shape[1] * shape[2] * shape[3];
        int scale = Math.max(1, Math.round((float) PREDICTION_PIXELS / Math.max(shape[2], shape[3])));
        List<ImageGrid.Tile> tiles = new ArrayList<>();
        int wrong = 0;
        for (int i = 0; i < truth.length; i++) {
            int offset = i * perImage;
            BufferedImage image = Pixels.image(v, offset, shape[1], shape[2], shape[3],
                    Pixels.Range.of(v, offset, offset + perImage), scale);
            boolean mistake = truth[i] != predicted[i];
            wrong += mistake ? 1 : 0;
            tiles.add(new ImageGrid.Tile(image, List.of("true: " + classNames.get(truth[i]),
                    "predicted: " + classNames.get(predicted[i])), mistake ? MISTAKE : null));
        }
        String title = String.format(Locale.ROOT, "%d images, %d misclassified (red)", truth.length, wrong);
        return ImageGrid.compose(title, tiles, Math.min(PREDICTION_COLUMNS, truth.length));
    }

    /**
     * The confusion matrix as a heat map with the count in every cell: rows the true classes (the first at
     * the top), columns the predicted ones, so the diagonal holds the correct predictions; the title gives
     * the accuracy.
     *
     * @param truth      the true labels
     * @param predicted  the predicted labels, as many
     * @param classNames the name of each label
     * @throws IllegalArgumentException if the counts differ or a label is not a class
     */
    public static HeatMapChart confusionMatrix(int[] truth, int[] predicted, List<String> classNames) {
        long[][] counts = Confusion.counts(truth, predicted, classNames);
        int classes = classNames.size();
        String title = String.format(Locale.ROOT, "Confusion matrix: %.1f%% of %,d correct", 100 * Confusion.accuracy(counts),
                truth.length);
        HeatMapChart chart = new HeatMapChartBuilder().width(WIDTH).height(CONFUSION_HEIGHT).title(title)
                .xAxisTitle("predicted class").yAxisTitle("true class").build();
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setShowValue(true);
        chart.getStyler().setHeatMapValueDecimalPattern("#,##0");
        chart.getStyler().setRangeColors(new Color[] {Color.WHITE, new Color(0xA6CEE3), new Color(0x5B9BD5)});
        chart.getStyler().setXAxisLabelRotation(45);
        List<String> rows = new ArrayList<>(classNames);
        Collections.reverse(rows);
        List<Number[]> cells = new ArrayList<>();
        for (int t = 0; t < classes; t++) {
            for (int p = 0; p < classes; p++) {
                cells.add(new Number[] {p, classes - 1 - t, counts[t][p]});
            }
        }
        chart.addSeries("counts", classNames, rows, cells);
        return chart;
    }

    /** Columns for a grid of tiles this wide: about square, and within {@value #GRID_WIDTH} pixels. */
    private static int columnsFor(int tiles, int tileWidth) {
        return Math.max(1, Math.min(ImageGrid.squareColumns(tiles), GRID_WIDTH / (tileWidth + 8)));
    }

    private static int[] dims(String plot, Tensor tensor, int dim, String expected) {
        if (tensor.dim() != dim) {
            throw new IllegalArgumentException("Plots." + plot + ": expected " + expected + ", got " + tensor.shapeString());
        }
        return tensor.shape();
    }

    private static int binOf(double value, double low, double high, int bins) {
        return high == low ? 0 : Math.min(bins - 1, (int) ((value - low) / (high - low) * bins));
    }

    private static XYChart scatter(String title, String xLabel, String yLabel) {
        XYChart chart = chart(title, xLabel, yLabel);
        chart.getStyler().setDefaultSeriesRenderStyle(XYSeriesRenderStyle.Scatter);
        chart.getStyler().setMarkerSize(8);
        return chart;
    }

    /** Completed and stopped trials with a value of the metric, as two series. */
    private static void byStatus(XYChart chart, List<TrialResult> trials, Metric metric, ToDoubleFunction<TrialResult> x) {
        chart.getStyler().setLegendPosition(metric.higherIsBetter() ? LegendPosition.InsideSE : LegendPosition.InsideNE);
        List<TrialResult> measured = trials.stream().filter(t -> Double.isFinite(metric.of(t))).toList();
        someTrials(measured, "the sweep chart");
        for (TrialStatus status : List.of(TrialStatus.COMPLETED, TrialStatus.STOPPED)) {
            List<TrialResult> some = measured.stream().filter(t -> t.status() == status).toList();
            if (!some.isEmpty()) {
                XYSeries series = points(chart, status.name().toLowerCase(Locale.ROOT), some, x, metric::of);
                series.setMarker(status == TrialStatus.COMPLETED ? SeriesMarkers.CIRCLE : SeriesMarkers.DIAMOND);
            }
        }
    }

    private static XYSeries points(XYChart chart, String name, List<TrialResult> trials, ToDoubleFunction<TrialResult> x,
                                   ToDoubleFunction<TrialResult> y) {
        XYSeries series = chart.addSeries(name, trials.stream().mapToDouble(x).toArray(), trials.stream().mapToDouble(y).toArray());
        series.setMarker(SeriesMarkers.CIRCLE);
        return series;
    }

    private static <T> List<T> someTrials(List<T> values, String chart) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("Plots." + chart + ": the sweep has no trial to show");
        }
        return values;
    }

    /** A parameter's axis: log for a log-uniform parameter, spanning the whole range searched. */
    private static void xAxis(XYChart chart, Domain domain) {
        chart.getStyler().setXAxisLogarithmic(domain.logarithmic());
        double[] range = range(domain);
        if (range != null) {
            chart.getStyler().setXAxisMin(range[0]).setXAxisMax(range[1]);
        }
    }

    private static void yAxis(XYChart chart, Domain domain) {
        chart.getStyler().setYAxisLogarithmic(domain.logarithmic());
        double[] range = range(domain);
        if (range != null) {
            chart.getStyler().setYAxisMin(range[0]).setYAxisMax(range[1]);
        }
    }

    /** The bounds of a range, or null for a choice. */
    private static double[] range(Domain domain) {
        if (domain instanceof Domain.RealRange d) {
            return new double[] {d.low(), d.high()};
        }
        if (domain instanceof Domain.IntRange d) {
            return new double[] {d.low(), d.high()};
        }
        return null;
    }

    private static Domain numeric(SweepResults results, String name) {
        Domain domain = results.space().domain(name);
        if (!domain.numeric()) {
            throw new IllegalArgumentException("Plots: the parameter " + name + " is not numeric (" + domain + ")");
        }
        return domain;
    }

    private static double value(TrialResult trial, String name) {
        return trial.config().getDouble(name);
    }

    /**
     * Trailing moving average: element i is the mean of {@code values[max(0, i − window + 1) .. i]},
     * so the first elements average what is there.
     *
     * @throws IllegalArgumentException if the window is not positive
     */
    public static double[] movingAverage(double[] values, int window) {
        if (window < 1) {
            throw new IllegalArgumentException("movingAverage: window must be positive, got " + window);
        }
        double[] out = new double[values.length];
        double sum = 0;
        for (int i = 0; i < values.length; i++) {
            sum += values[i];
            if (i >= window) {
                sum -= values[i - window];
            }
            out[i] = sum / Math.min(i + 1, window);
        }
        return out;
    }

    /** The moving-average window used by {@link #loss(History)}: about 2 % of the iterations, 1 to 100. */
    public static int defaultWindow(int iterations) {
        return Math.max(1, Math.min(100, iterations / 50));
    }

    /** Writes a chart to a PNG file, atomically. */
    public static void savePng(Chart<?, ?> chart, Path file) throws IOException {
        byte[] png = BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
        AtomicFiles.write(file, out -> out.write(png));
    }

    /** Writes an image, e.g. a grid of {@link #filters}, to a PNG file, atomically. */
    public static void savePng(RenderedImage image, Path file) throws IOException {
        AtomicFiles.write(file, out -> ImageIO.write(image, "png", out));
    }

    private static XYSeries line(XYChart chart, String name, double[] x, double[] y) {
        XYSeries series = chart.addSeries(name, x, y);
        series.setMarker(SeriesMarkers.NONE);
        return series;
    }

    private static <T> List<T> nonEmpty(List<T> records, String chart) {
        if (records.isEmpty()) {
            throw new IllegalArgumentException("Plots." + chart + ": the history is empty");
        }
        return records;
    }
}
