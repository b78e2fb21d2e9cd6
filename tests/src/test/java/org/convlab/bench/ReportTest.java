package org.convlab.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.convlab.kernel.Parallel;
import org.junit.jupiter.api.Test;

/** Measurements' statistics and their Markdown rendering. */
class ReportTest {

    private static Workload workload(String name, double flops) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("shape", "2×3×4");
        labels.put("precision", "float32");
        return new Workload(name, labels, 2, flops, () -> () -> { });
    }

    @Test
    void summarisesRoundsByMedianMinimumAndMaximum() {
        Measurement odd = new Measurement(workload("odd", 2e6), new double[] {3, 1, 2});
        assertEquals(2, odd.medianMillis());
        assertEquals(1, odd.minMillis());
        assertEquals(3, odd.maxMillis());
        assertEquals(1.0, odd.gflops(), 1e-12);
        assertEquals(2.0, odd.bestGflops(), 1e-12);
        Measurement even = new Measurement(workload("even", 0), new double[] {4, 1, 3, 2});
        assertEquals(2.5, even.medianMillis());
        assertTrue(Double.isNaN(even.gflops()));
    }

    @Test
    void rendersOneMarkdownRowPerMeasurementWithTheLabelsFirst() {
        String table = Report.markdown(List.of(new Measurement(workload("w", 2e6), new double[] {2, 1, 3})));
        String[] lines = table.split("\n");
        assertEquals(3, lines.length, table);
        assertEquals("| shape | precision | threads | median ms | min–max ms | GFLOP/s | best GFLOP/s |", lines[0]);
        assertEquals("| --- | --- | ---: | ---: | ---: | ---: | ---: |", lines[1]);
        assertEquals("| 2×3×4 | float32 | 2 | 2.00 | 1.00–3.00 | 1.0 | 2.0 |", lines[2]);
    }

    @Test
    void harnessMeasuresTheRequestedNumberOfRoundsUnderTheWorkloadsBudget() {
        int[] budget = new int[1];
        Workload workload = new Workload("budget", Map.of(), 1, 0,
                () -> () -> budget[0] = Parallel.threads());
        Measurement measurement = new Harness(3, 1, 0, 50, 0.5).measure(workload);
        assertEquals(3, measurement.roundMillis().length);
        assertEquals(1, budget[0]);
    }
}
