package org.convlab.autograd;

/**
 * A seeded random number generator that produces the same sequence on every JVM and platform.
 *
 * <p>Uniform numbers come from SplitMix64; normal numbers from the Box–Muller transform computed
 * with {@link StrictMath}, so that results never depend on JIT intrinsics. Not thread-safe: give
 * each thread its own generator, e.g. with {@link #fork()}.
 */
public final class Rng {
    private long state;
    private double spareGaussian;
    private boolean hasSpare;

    /** A generator whose sequence is fully determined by {@code seed}. */
    public Rng(long seed) {
        this.state = seed;
    }

    /** The next 64 uniformly random bits. */
    public long nextLong() {
        long z = (state += 0x9E3779B97F4A7C15L);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** A uniform double in [0, 1). */
    public double nextDouble() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }

    /** A uniform double in [low, high). */
    public double uniform(double low, double high) {
        return low + (high - low) * nextDouble();
    }

    /** A uniform integer in [0, bound). */
    public int nextInt(int bound) {
        if (bound <= 0) {
            throw new IllegalArgumentException("Rng.nextInt: bound must be positive, got " + bound);
        }
        return (int) Math.floorMod(nextLong() >>> 1, (long) bound);
    }

    /** A standard normal sample (mean 0, standard deviation 1). */
    public double nextGaussian() {
        if (hasSpare) {
            hasSpare = false;
            return spareGaussian;
        }
        double u1;
        do {
            u1 = nextDouble();
        } while (u1 == 0.0);
        double u2 = nextDouble();
        double radius = StrictMath.sqrt(-2.0 * StrictMath.log(u1));
        double angle = 2.0 * StrictMath.PI * u2;
        spareGaussian = radius * StrictMath.sin(angle);
        hasSpare = true;
        return radius * StrictMath.cos(angle);
    }

    /** Shuffles an array in place (Fisher–Yates). */
    public void shuffle(int[] values) {
        for (int i = values.length - 1; i > 0; i--) {
            int j = nextInt(i + 1);
            int t = values[i];
            values[i] = values[j];
            values[j] = t;
        }
    }

    /** A random permutation of 0..n-1. */
    public int[] permutation(int n) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        shuffle(p);
        return p;
    }

    /** A new, independent generator seeded from this one's stream. */
    public Rng fork() {
        return new Rng(nextLong());
    }

    @Override
    public String toString() {
        return "Rng[state=" + Long.toHexString(state) + "]";
    }
}
