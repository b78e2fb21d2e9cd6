package org.convlab.bench;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;
import org.convlab.kernel.Parallel;

/**
 * One run of the FP32 peak probe: each of {@link Parallel#threads()} threads advances ten independent
 * FMA chains on the preferred vector species, with no memory traffic. Ten chains cover the latency of two
 * FMA pipes (eight would do on Zen 3) and, with the two constants, leave four of AVX2's sixteen vector
 * registers free: with twelve chains the compiled loop can spill when C2 inlines it into a caller.
 */
final class FmaProbe implements Runnable {

    private static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;
    private static final int CHAINS = 10;
    private static final int STEPS = 1 << 20;

    /** Keeps the chains' results alive so that the JIT cannot drop them. */
    private volatile float sink;

    /** Floating-point operations one thread performs per run. */
    static double flopsPerThread() {
        return 2.0 * SPECIES.length() * CHAINS * STEPS;
    }

    @Override
    public void run() {
        Parallel.forRange(Parallel.threads(), 1, (from, to) -> {
            for (int t = from; t < to; t++) {
                sink = chains();
            }
        });
    }

    private static float chains() {
        FloatVector m = FloatVector.broadcast(SPECIES, 0.999999f);
        FloatVector d = FloatVector.broadcast(SPECIES, 1e-6f);
        FloatVector a0 = FloatVector.broadcast(SPECIES, 1f), a1 = a0.add(1), a2 = a0.add(2), a3 = a0.add(3);
        FloatVector a4 = a0.add(4), a5 = a0.add(5), a6 = a0.add(6), a7 = a0.add(7), a8 = a0.add(8), a9 = a0.add(9);
        for (int i = 0; i < STEPS; i++) {
            a0 = a0.fma(m, d);
            a1 = a1.fma(m, d);
            a2 = a2.fma(m, d);
            a3 = a3.fma(m, d);
            a4 = a4.fma(m, d);
            a5 = a5.fma(m, d);
            a6 = a6.fma(m, d);
            a7 = a7.fma(m, d);
            a8 = a8.fma(m, d);
            a9 = a9.fma(m, d);
        }
        return a0.add(a1).add(a2).add(a3).add(a4).add(a5).add(a6).add(a7).add(a8).add(a9)
                .reduceLanes(VectorOperators.ADD);
    }
}
