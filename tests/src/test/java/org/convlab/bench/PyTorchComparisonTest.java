package org.convlab.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Reading the PyTorch script's lines and laying the two sides out next to each other. */
class PyTorchComparisonTest {

    @Test
    void parsesOneJsonLineOfTheScript() {
        PyTorchComparison.Result r = PyTorchComparison.Result.parse("{\"workload\": \"W1 forward\", \"threads\": 2, "
                + "\"median_ms\": 2.5, \"min_ms\": 2.25, \"max_ms\": 3.0e0, \"rounds\": 7, \"torch\": \"1.13.0a0\", "
                + "\"blas\": \"OpenBLAS\"}");
        assertEquals(new PyTorchComparison.Result("W1 forward", 2, 2.5, 2.25, 3.0, "1.13.0a0", "OpenBLAS"), r);
        assertThrows(IllegalStateException.class, () -> PyTorchComparison.Result.parse("{\"workload\": \"W1\"}"));
    }

    @Test
    void comparesEachFusedWorkloadWithItsPyTorchCounterpart() {
        List<Workload> w1 = ConvSuite.workloads("W1", 1);
        Workload fused = w1.stream().filter(w -> w.name().equals("W1-forward-fused-t1")).findFirst().orElseThrow();
        Workload naive = w1.stream().filter(w -> w.name().equals("W1-forward-naive-t1")).findFirst().orElseThrow();
        List<Measurement> java = List.of(new Measurement(fused, new double[] {2, 3, 4}),
                new Measurement(naive, new double[] {30}));
        String table = PyTorchComparison.table(java, List.of(
                new PyTorchComparison.Result("W1 forward", 1, 4, 3.5, 5, "1.13", "OpenBLAS"),
                new PyTorchComparison.Result("W1 forward", 2, 1, 1, 1, "1.13", "OpenBLAS")));
        String[] lines = table.split("\n");
        assertEquals(3, lines.length, table);
        assertEquals("| W1 | forward | 1 | 3.00 | 4.00 | 0.75 | Java |", lines[2]);
        String summary = new ConvSuite().summary(java);
        assertTrue(summary.contains("| W1 | forward | 1 | 3.00 | 30.00 | 10.0× |  |"), summary);
    }
}
