package org.convlab.plot;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import java.util.function.ToIntFunction;

import org.convlab.autograd.GradCheckReport;
import org.convlab.autograd.Tensor;

import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Tablesaw tables of reports and diagnostics, the companions of {@link Plots}: a gradient check, the
 * statistics of each layer's values, and the confusion matrix. Notebooks show them as HTML tables; Tablesaw
 * sorts, filters and writes them as CSV.
 */
public final class Tables {
    private Tables() {
    }

    /**
     * A gradient-check report, one row per checked input: {@code input, shape, checked, total,
     * max_rel_error, worst_at, analytic, numeric, kinks, judged_error, tolerance, verdict, passed}.
     *
     * @param report the report of {@link org.convlab.autograd.GradCheck}
     * @return the table, named after the check's outcome
     */
    public static Table gradCheck(GradCheckReport report) {
        List<GradCheckReport.Entry> rows = report.entries();
        return Table.create("gradient check " + (report.passed() ? "passed" : "FAILED"),
                strings("input", rows, GradCheckReport.Entry::input),
                strings("shape", rows, e -> Arrays.toString(e.shape())),
                ints("checked", rows, GradCheckReport.Entry::checked),
                ints("total", rows, GradCheckReport.Entry::total),
                doubles("max_rel_error", rows, GradCheckReport.Entry::maxRelError),
                strings("worst_at", rows, e -> Arrays.toString(e.worstIndex())),
                doubles("analytic", rows, GradCheckReport.Entry::analytic),
                doubles("numeric", rows, GradCheckReport.Entry::numeric),
                ints("kinks", rows, GradCheckReport.Entry::kinks),
                doubles("judged_error", rows, GradCheckReport.Entry::maxRelErrorJudged),
                doubles("tolerance", rows, GradCheckReport.Entry::tolerance),
                strings("verdict", rows, e -> e.verdict().toString()),
                BooleanColumn.create("passed", rows.stream().map(GradCheckReport.Entry::passed).toList()));
    }

    /**
     * Statistics of each layer's values, one row per layer in the given order: {@code layer, shape, mean,
     * std, min, max, zero_fraction, non_finite}, over the finite values; the numbers behind
     * {@link Plots#histograms}.
     *
     * @param byLayer the values of each layer (weights, activations or gradients), by name
     * @return the table
     */
    public static Table layerStatistics(Map<String, Tensor> byLayer) {
        List<String> names = List.copyOf(byLayer.keySet());
        List<Summary> stats = names.stream().map(n -> Summary.of(byLayer.get(n).toDoubleArray())).toList();
        return Table.create("layer statistics",
                StringColumn.create("layer", names),
                StringColumn.create("shape", names.stream().map(n -> byLayer.get(n).shapeString()).toList()),
                doubles("mean", stats, Summary::mean),
                doubles("std", stats, Summary::std),
                doubles("min", stats, Summary::min),
                doubles("max", stats, Summary::max),
                doubles("zero_fraction", stats, Summary::zeroFraction),
                ints("non_finite", stats, Summary::nonFinite));
    }

    /**
     * The confusion matrix: one row per true class, a column of counts per predicted class, and the
     * class's recall (the fraction of its samples predicted right; missing if it has none).
     *
     * @param truth      the true labels
     * @param predicted  the predicted labels, as many
     * @param classNames the name of each label
     * @return the table
     * @throws IllegalArgumentException if the counts differ or a label is not a class
     */
    public static Table confusionMatrix(int[] truth, int[] predicted, List<String> classNames) {
        long[][] counts = Confusion.counts(truth, predicted, classNames);
        Table table = Table.create("confusion matrix (rows: true class, columns: predicted)",
                StringColumn.create("true class", classNames));
        for (int p = 0; p < classNames.size(); p++) {
            int column = p;
            table.addColumns(LongColumn.create(classNames.get(p),
                    Arrays.stream(counts).mapToLong(row -> row[column]).toArray()));
        }
        double[] recall = new double[classNames.size()];
        for (int t = 0; t < recall.length; t++) {
            long all = Arrays.stream(counts[t]).sum();
            recall[t] = all == 0 ? Double.NaN : (double) counts[t][t] / all;
        }
        return table.addColumns(DoubleColumn.create("recall", recall));
    }

    private static <R> StringColumn strings(String name, List<R> rows, Function<R, String> value) {
        return StringColumn.create(name, rows.stream().map(value).toList());
    }

    private static <R> IntColumn ints(String name, List<R> rows, ToIntFunction<R> value) {
        return IntColumn.create(name, rows.stream().mapToInt(value).toArray());
    }

    private static <R> DoubleColumn doubles(String name, List<R> rows, ToDoubleFunction<R> value) {
        return DoubleColumn.create(name, rows.stream().mapToDouble(value).toArray());
    }
}
