package org.convlab.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.convlab.autograd.Autograd;
import org.convlab.autograd.DType;
import org.convlab.autograd.GradCheck;
import org.convlab.autograd.GradCheckReport;
import org.convlab.autograd.Tensor;
import org.junit.jupiter.api.Test;

import tech.tablesaw.api.Table;

class TablesTest {
    @Test
    void aGradientCheckBecomesOneRowPerInput() {
        Tensor x = Tensor.randn(DType.F64, 1, 2, 3).requiresGrad(true).named("x");
        Tensor w = Tensor.randn(DType.F64, 2, 3, 4).requiresGrad(true).named("w");
        GradCheckReport report = GradCheck.check(in -> in[0].matmul(in[1]).exp().sum(), x, w);
        Table table = Tables.gradCheck(report);
        assertEquals("gradient check passed", table.name());
        assertEquals(List.of("x", "w"), table.stringColumn("input").asList());
        assertEquals("[3, 4]", table.stringColumn("shape").get(1));
        assertEquals(12, table.intColumn("checked").get(1));
        assertEquals(report.entry("w").maxRelError(), table.doubleColumn("max_rel_error").get(1));
        assertTrue(table.booleanColumn("passed").get(0));
    }

    @Test
    void aWrongGradientIsAFailedRow() {
        Tensor x = Tensor.randn(DType.F64, 3, 4).requiresGrad(true).named("x");
        GradCheckReport report = GradCheck.check(in -> Autograd.record("doubled wrong", in[0].detach().mul(2),
                (g, needs) -> new Tensor[] {g.mul(3)}, in[0]).sum(), x);
        Table table = Tables.gradCheck(report);
        assertEquals("gradient check FAILED", table.name());
        assertFalse(table.booleanColumn("passed").get(0));
        assertEquals("wrong", table.stringColumn("verdict").get(0));
    }

    @Test
    void layerStatisticsSummariseEachLayersFiniteValues() {
        Map<String, Tensor> layers = new LinkedHashMap<>();
        layers.put("relu1", Tensor.of(new double[] {0, 0, 2, 2}, 2, 2));
        layers.put("relu2", Tensor.of(new double[] {1, Double.NaN, 3}, 3));
        Table table = Tables.layerStatistics(layers);
        assertEquals(List.of("relu1", "relu2"), table.stringColumn("layer").asList());
        assertEquals("[2, 2]", table.stringColumn("shape").get(0));
        assertEquals(1.0, table.doubleColumn("mean").get(0));
        assertEquals(1.0, table.doubleColumn("std").get(0));
        assertEquals(0.5, table.doubleColumn("zero_fraction").get(0));
        assertEquals(2.0, table.doubleColumn("mean").get(1));
        assertEquals(1, table.intColumn("non_finite").get(1));
    }

    @Test
    void theConfusionMatrixTableHasACountColumnPerPredictedClassAndTheRecall() {
        Table table = Tables.confusionMatrix(new int[] {0, 0, 1, 1, 1}, new int[] {0, 1, 1, 1, 0}, List.of("a", "b", "c"));
        assertEquals(List.of("true class", "a", "b", "c", "recall"), table.columnNames());
        assertEquals(List.of(1L, 1L), List.of(table.longColumn("a").get(0), table.longColumn("b").get(0)));
        assertEquals(2L, table.longColumn("b").get(1));
        assertEquals(0.5, table.doubleColumn("recall").get(0));
        assertTrue(table.doubleColumn("recall").isMissing(2), "class c has no samples");
    }
}
