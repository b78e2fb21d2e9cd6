package org.convlab.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The machine's FP32 peak, the denominator for every other GFLOP/s figure: independent chains of
 * fused multiply-adds on the preferred vector species, on one and on two threads. Needs
 * {@code --add-modules jdk.incubator.vector}.
 */
public final class PeakSuite implements Suite {

    @Override
    public String name() {
        return "peak";
    }

    @Override
    public String description() {
        return "FP32 FMA-chain peak GFLOP/s (Vector API), 1 and 2 threads";
    }

    @Override
    public List<Workload> workloads() {
        List<Workload> workloads = new ArrayList<>();
        for (int threads : GemmSuite.THREADS) {
            workloads.add(new Workload("fma-peak-t" + threads, Map.of("probe", "FP32 FMA chains"), threads,
                    FmaProbe.flopsPerThread() * threads, FmaProbe::new));
        }
        return workloads;
    }
}
