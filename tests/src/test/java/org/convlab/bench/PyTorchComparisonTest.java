package org.convlab.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Reading the PyTorch script's lines and laying the two sides out next to each other. */
class PyTorchComparisonTest {

    @Test
    void parsesOneJsonLineOfTheScriptWithItsRounds() {
        PyTorchComparison.Result r = PyTorchComparison.Result.parse("{\"workload\": \"W1 forward\", \"threads\": 2, "
                + "\"median_ms\": 2.5, \"min_ms\": 2.25, \"max_ms\": 3.0e0, \"rounds_ms\": [2.5, 2.25, 3.0e0], "
                + "\"torch\": \"1.13.0a0\", \"blas\": \"OpenBLAS\"}");
        assertEquals("W1 forward", r.workload());
        assertEquals(2, r.threads());
        assertArrayEquals(new double[] {2.5, 2.25, 3.0}, r.roundMillis());
        assertEquals(2.5, r.medianMillis());
        assertEquals("1.13.0a0", r.torch());
        assertEquals("OpenBLAS", r.blas());
        assertThrows(IllegalStateException.class, () -> PyTorchComparison.Result.parse("{\"workload\": \"W1\"}"));
    }

    @Test
    void poolsTheRoundsOfSeveralPassesSoThatTheMedianSpansThemAll() {
        PyTorchComparison.Result pooled = PyTorchComparison.Result.pooled(List.of(result(1, new double[] {1, 2, 3}),
                result(1, new double[] {10, 11, 12})));
        assertArrayEquals(new double[] {1, 2, 3, 10, 11, 12}, pooled.roundMillis());
        assertEquals(6.5, pooled.medianMillis());
        Workload w = ConvSuite.workloads("W1", 1).get(0);
        Measurement m = Measurement.pooled(List.of(new Measurement(w, new double[] {4}), new Measurement(w,
                new double[] {1, 9})));
        assertArrayEquals(new double[] {4, 1, 9}, m.roundMillis());
        assertEquals(4, m.medianMillis());
    }

    private static PyTorchComparison.Result result(int threads, double[] rounds) {
        return new PyTorchComparison.Result("W1 forward", threads, rounds, "1.13", "OpenBLAS");
    }

    @Test
    void comparesEachFusedWorkloadWithItsPyTorchCounterpart() {
        List<Workload> w1 = ConvSuite.workloads("W1", 1);
        Workload fused = w1.stream().filter(w -> w.name().equals("W1-forward-fused-t1")).findFirst().orElseThrow();
        Workload naive = w1.stream().filter(w -> w.name().equals("W1-forward-naive-t1")).findFirst().orElseThrow();
        List<Measurement> java = List.of(new Measurement(fused, new double[] {2, 3, 4}),
                new Measurement(naive, new double[] {30}));
        String table = PyTorchComparison.table(java, List.of(
                result(1, new double[] {3.5, 4, 5}), result(2, new double[] {1})));
        String[] lines = table.split("\n");
        assertEquals(3, lines.length, table);
        assertEquals("| W1 | forward | 1 | 3.00 | 4.00 | 0.75 | Java |", lines[2]);
        String summary = new ConvSuite().summary(java);
        assertTrue(summary.contains("| W1 | forward | 1 | 3.00 | 30.00 | 10.0× |  |"), summary);
    }
}
