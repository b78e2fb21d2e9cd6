package org.convlab.notebook.display;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.spencerpark.jupyter.kernel.display.DisplayData;
import io.github.spencerpark.jupyter.kernel.display.mime.MIMEType;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.stream.IntStream;

import org.convlab.autograd.DType;
import org.convlab.autograd.GradCheck;
import org.convlab.autograd.GradCheckReport;
import org.convlab.autograd.Tensor;
import org.convlab.data.Dataset;
import org.convlab.data.FashionMnist;
import org.convlab.nn.models.FullyConnectedNet;
import org.convlab.optim.Sgd;
import org.convlab.sweep.LocalRunner;
import org.convlab.sweep.SearchSpace;
import org.convlab.sweep.Sweep;
import org.convlab.sweep.SweepResults;
import org.convlab.sweep.TrialOutcome;
import org.convlab.train.History;
import org.convlab.train.Solver;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;

import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

class RenderersTest {
    private static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    private static Table table(int rows) {
        return Table.create("runs <&>",
                DoubleColumn.create("loss", IntStream.range(0, rows).mapToDouble(i -> i / 2.0).toArray()),
                StringColumn.create("note", IntStream.range(0, rows)
                        .mapToObj(i -> i == 0 ? "<script>alert('x') & \"y\"</script>" : "row " + i).toList()));
    }

    private static XYChart chart() {
        XYChart chart = new XYChartBuilder().width(320).height(200).title("loss").build();
        chart.addSeries("train", new double[] {1, 2, 3}, new double[] {3, 2, 1});
        return chart;
    }

    private static String text(DisplayData data, MIMEType type) {
        return (String) data.getData(type);
    }

    @Test
    void aTableRendersAsEscapedHtmlLimitedToTwentyRowsWithATextTwin() {
        DisplayData data = Renderers.render(table(25));
        String html = text(data, MIMEType.TEXT_HTML);
        assertTrue(html.contains("<caption>runs &lt;&amp;&gt;: 25 rows × 2 columns</caption>"), html);
        assertTrue(html.contains("&lt;script&gt;alert(&#39;x&#39;) &amp; &quot;y&quot;&lt;/script&gt;"), html);
        assertFalse(html.contains("<script>"));
        assertEquals(TableRendering.DEFAULT_MAX_ROWS, html.split("<tr><td", -1).length - 1);
        assertTrue(html.contains("… 5 more rows"), html);
        assertTrue(html.contains("<td style=\"text-align:right\">9.5</td>"), "numbers are right-aligned: " + html);

        String plain = text(data, MIMEType.TEXT_PLAIN);
        assertTrue(plain.contains("row 19") && !plain.contains("row 20"), plain);
        assertTrue(plain.endsWith("… 5 more rows"), plain);
    }

    @Test
    void aTableShowsAsManyRowsAsAskedAndNoNoteWhenAllFit() {
        assertEquals(3, TableRendering.html(table(10), 3).split("<tr><td", -1).length - 1);
        assertTrue(TableRendering.html(table(10), 3).contains("… 7 more rows"));
        assertFalse(TableRendering.html(table(2), 20).contains("more row"));
        assertTrue(TableRendering.html(table(2), 1).contains("… 1 more row<"));
        assertThrows(IllegalArgumentException.class, () -> TableRendering.html(table(2), -1));
    }

    @Test
    void aSmallTensorShowsItsShapeDtypeStatisticsAndValues() {
        Tensor t = Tensor.of(new float[] {1, 2, Float.NaN, 4, Float.POSITIVE_INFINITY, -1}, 2, 3);
        DisplayData data = Renderers.render(t);
        String plain = text(data, MIMEType.TEXT_PLAIN);
        assertTrue(plain.startsWith("Tensor [2, 3] float32\nmin -1  mean 1.500  max 4  1 NaN  1 inf\n"), plain);
        assertTrue(plain.contains("tensor("), plain);
        String html = text(data, MIMEType.TEXT_HTML);
        assertTrue(html.contains("<b>Tensor [2, 3] float32</b>"), html);
        assertEquals(2, html.split("<tr>", -1).length - 1, "a row per matrix row: " + html);
        assertTrue(html.contains(">NaN</td>") && html.contains(">Infinity</td>"), html);
    }

    @Test
    void aTensorSummaryNamesItsAutogradState() {
        Tensor x = Tensor.ones(DType.F64, 3).requiresGrad(true).named("w");
        assertTrue(TensorRendering.text(x).startsWith("Tensor 'w' [3] float64, requires grad\n"));
        assertTrue(TensorRendering.text(x.mul(2)).startsWith("Tensor [3] float64, gradFn "));
    }

    @Test
    void aLargeTensorShowsItsSummaryWithoutValues() {
        Tensor big = Tensor.zeros(20, 20);
        assertEquals("Tensor [20, 20] float32\nmin 0  mean 0  max 0", TensorRendering.text(big));
        assertFalse(TensorRendering.html(big).contains("<table>"));
        assertTrue(TensorRendering.html(Tensor.zeros(2, 2, 2)).contains("<pre>"), "3-D values as text");
        assertTrue(TensorRendering.text(Tensor.full(DType.F32, Double.NaN, 2)).contains("no finite values  2 NaN"));
    }

    @Test
    void aChartRendersAsPngAndAsSvgOnRequest() {
        DisplayData data = Renderers.render(chart());
        byte[] png = Base64.getDecoder().decode(text(data, MIMEType.IMAGE_PNG));
        assertArrayEquals(PNG_MAGIC, Arrays.copyOf(png, PNG_MAGIC.length));
        assertArrayEquals(PNG_MAGIC, Arrays.copyOf(ChartRendering.png(chart()), PNG_MAGIC.length));
        assertEquals("XYChart \"loss\" (320×200, 1 series)", text(data, MIMEType.TEXT_PLAIN));
        assertNull(data.getData(MIMEType.IMAGE_SVG), "SVG only on request");

        DisplayData svg = Renderers.render(chart(), "image/svg+xml");
        assertTrue(text(svg, MIMEType.IMAGE_SVG).contains("<svg"));
        assertNull(svg.getData(MIMEType.IMAGE_PNG));
    }

    @Test
    void anImageRendersAsPng() {
        DisplayData data = Renderers.render(new BufferedImage(3, 2, BufferedImage.TYPE_INT_RGB));
        byte[] png = Base64.getDecoder().decode(text(data, MIMEType.IMAGE_PNG));
        assertArrayEquals(PNG_MAGIC, Arrays.copyOf(png, PNG_MAGIC.length));
        assertEquals("BufferedImage 3×2", text(data, MIMEType.TEXT_PLAIN));
    }

    @Test
    void aGradientCheckReportRendersAsAnHtmlTableAndItsText() {
        Tensor x = Tensor.randn(DType.F64, 1, 2, 3).requiresGrad(true).named("x");
        GradCheckReport report = GradCheck.check(in -> in[0].exp().sum(), x);
        DisplayData data = Renderers.render(report);
        String html = text(data, MIMEType.TEXT_HTML);
        assertTrue(html.contains("PASSED") && html.contains("<td>x</td>") && html.contains("<td>[2, 3]</td>"), html);
        assertTrue(html.contains(">good</td>"), html);
        assertEquals(report.toString(), text(data, MIMEType.TEXT_PLAIN));
    }

    @Test
    void aTrainingHistoryShowsItsChartsAndEpochTable() throws IOException {
        Dataset data = Dataset.builder().source(FashionMnist.subset()).training(60).validation(20).test(10).build();
        FullyConnectedNet model = FullyConnectedNet.builder().inputShape(1, 28, 28).hidden(8).build();
        History history = Solver.builder().model(model).data(data)
                .optimizer(Sgd.builder().learningRate(1e-5).build(model.parameters())).batchSize(20).epochs(2).build().train();
        DisplayData data1 = Renderers.render(history);
        String html = text(data1, MIMEType.TEXT_HTML);
        assertTrue(html.contains("<b>Training history</b>: 6 iterations, 2 epochs in "), html);
        assertTrue(html.contains("; best epoch "), html);
        assertEquals(2, html.split("<img src=\"data:image/png;base64,", -1).length - 1, "the loss and accuracy charts");
        assertTrue(html.contains("<caption>epochs: 3 rows × 6 columns</caption>"), html);
        assertNull(data1.getData(MIMEType.IMAGE_PNG), "the loss chart alone only on request");
        assertTrue(text(data1, MIMEType.TEXT_PLAIN).startsWith("Training history: 6 iterations"));

        byte[] png = Base64.getDecoder().decode(text(Renderers.render(history, "image/png"), MIMEType.IMAGE_PNG));
        assertArrayEquals(PNG_MAGIC, Arrays.copyOf(png, PNG_MAGIC.length));
    }

    @Test
    void sweepResultsShowTheirTrialsBestFirst() throws IOException {
        SearchSpace space = SearchSpace.builder().logUniform("lr", 1e-4, 1e-1).build();
        SweepResults results = Sweep.builder().space(space).trials(5).runner(LocalRunner.builder().parallelism(1).build())
                .function(trial -> {
                    double accuracy = trial.index() == 3 ? 0.9 : 0.1 * trial.index();
                    return TrialOutcome.completed(accuracy, accuracy, 1);
                }).build().run();
        DisplayData rendered = Renderers.render(results);
        String html = text(rendered, MIMEType.TEXT_HTML);
        assertTrue(html.contains("<b>SweepResults[5 trials: 5 completed"), html);
        assertTrue(html.contains("<caption>sweep by val_accuracy: 5 rows"), html);
        int firstRow = html.indexOf("<tr><td");
        assertTrue(html.startsWith("<tr><td style=\"text-align:right\">3</td>", firstRow), "trial 3 first: " + html);
        assertTrue(text(rendered, MIMEType.TEXT_PLAIN).contains("best first by val_accuracy"));
    }

    /** A type of this test, rendered by a renderer the test registers. */
    record Score(double value) {
    }

    @Test
    void newTypesAreRegisteredInOnePlaceAndRenderedLikeBuiltIns() {
        Renderers.register(Score.class, List.of(MIMEType.TEXT_HTML), List.of(MIMEType.TEXT_MARKDOWN),
                (score, context) -> {
                    context.renderIfRequested(MIMEType.TEXT_HTML, () -> "<b>" + score.value() + "</b>");
                    context.renderIfRequested(MIMEType.TEXT_MARKDOWN, () -> "**" + score.value() + "**");
                });
        DisplayData data = Renderers.render(new Score(0.5));
        assertEquals("<b>0.5</b>", data.getData(MIMEType.TEXT_HTML));
        assertEquals("Score[value=0.5]", data.getData(MIMEType.TEXT_PLAIN));
        assertNull(data.getData(MIMEType.TEXT_MARKDOWN));
        assertEquals("**0.5**", Renderers.render(new Score(0.5), "text/markdown").getData(MIMEType.TEXT_MARKDOWN));
    }

    @Test
    void nullAndUnknownObjectsRenderAsText() {
        assertEquals("null", Renderers.render(null).getData(MIMEType.TEXT_PLAIN));
        assertEquals("[1, 2]", Renderers.render(List.of(1, 2)).getData(MIMEType.TEXT_PLAIN));
    }
}
