package org.convlab.kernel;

/**
 * Cache-blocking parameters of the GEMM driver, in elements.
 *
 * <p>The driver walks C in panels of {@code nc} columns; for each it packs a {@code kc × nc} panel of B
 * (meant to stay in the last-level cache), then walks the rows in blocks of {@code mc}, packing an
 * {@code mc × kc} block of A (meant to stay in L2) that the micro-kernel streams against one
 * {@code kc × nr} sliver of B (meant to stay in L1) at a time.
 *
 * @param mc rows of A packed at once (the driver rounds it up to the kernel's {@code mr})
 * @param kc depth packed at once
 * @param nc columns of B packed at once (the driver rounds it up to the kernel's {@code nr})
 */
record Blocking(int mc, int kc, int nc) {

    /** L1 data cache per core assumed by {@link #tuned}, in bytes. */
    static final int L1_BYTES = 32 * 1024;
    /** L2 cache per core assumed by {@link #tuned}, in bytes. */
    static final int L2_BYTES = 512 * 1024;
    /** The size of one packed B panel, in bytes: a small share of the last-level cache. */
    static final int PANEL_BYTES = 4 * 1024 * 1024;

    Blocking {
        if (mc < 1 || kc < 1 || nc < 1) {
            throw new IllegalArgumentException("Blocking: mc, kc and nc must be at least 1, got " + mc + ", " + kc
                    + ", " + nc);
        }
    }

    /**
     * Returns the blocking for a kernel with an {@code mr × nr} tile over elements of the given size: a B
     * sliver as large as L1 (at most 512 deep, so that C is revisited as few times as possible), an A block
     * half of L2, a B panel of 4 MiB. Measured on Zen 3 (32 KiB L1d, 512 KiB L2), 512-deep
     * slivers beat 256-deep ones by a few percent in both precisions. The system properties
     * {@code convlab.gemm.mc}, {@code convlab.gemm.kc} and {@code convlab.gemm.nc} override each value
     * (the driver rounds mc and nc up to the tile), for tuning experiments.
     */
    static Blocking tuned(int mr, int nr, int elementBytes) {
        int kc = Integer.getInteger("convlab.gemm.kc", Math.min(512, L1_BYTES / (nr * elementBytes)));
        int mcFit = roundDown(L2_BYTES / 2 / (kc * elementBytes), mr);
        int mc = Integer.getInteger("convlab.gemm.mc", Math.max(mr, mcFit));
        int nc = Integer.getInteger("convlab.gemm.nc", Math.max(nr, PANEL_BYTES / (kc * elementBytes)));
        return new Blocking(mc, kc, nc);
    }

    /**
     * Splits {@code length} into the fewest steps of at most {@code max} (rounded up to {@code unit}) and
     * returns a step size that makes those steps about equal, a multiple of {@code unit}. Equal steps avoid
     * a thin last block, which the micro-kernel runs at a fraction of its speed.
     */
    static int balancedStep(int length, int max, int unit) {
        int maxStep = roundUp(max, unit);
        int steps = Math.max(1, ceilDiv(length, maxStep));
        return roundUp(ceilDiv(length, steps), unit);
    }

    static int ceilDiv(int a, int b) {
        return (a + b - 1) / b;
    }

    static int roundUp(int value, int unit) {
        return ceilDiv(value, unit) * unit;
    }

    private static int roundDown(int value, int unit) {
        return value / unit * unit;
    }
}
