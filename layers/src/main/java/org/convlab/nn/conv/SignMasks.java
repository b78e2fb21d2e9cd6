package org.convlab.nn.conv;

/**
 * Branch-free comparison for the pooling loops, in the form {@code F.maxPool2d}'s reduction uses: a
 * window's running maximum moves to a new value exactly when {@code best − v} has its sign bit set.
 * Comparisons on activations mispredict about half the time, which makes branching loops several times
 * slower.
 */
final class SignMasks {
    private SignMasks() {
    }

    /** -1 (all bits set) if {@code best − v} is negative (v is the larger) or a negative-signed NaN, else 0. */
    static int larger(float v, float best) {
        return Float.floatToRawIntBits(best - v) >> 31;
    }

    /** -1 (all bits set) if {@code best − v} is negative (v is the larger) or a negative-signed NaN, else 0. */
    static int larger(double v, double best) {
        return (int) (Double.doubleToRawLongBits(best - v) >> 63);
    }
}
