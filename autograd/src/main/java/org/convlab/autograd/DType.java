package org.convlab.autograd;

/**
 * Element type of a {@link Tensor}: 32-bit floats for speed, 64-bit doubles for gradient checks.
 */
public enum DType {
    /** IEEE 754 single precision, stored in a {@code float[]}. */
    F32("float32", 4),
    /** IEEE 754 double precision, stored in a {@code double[]}. */
    F64("float64", 8);

    private final String numpyName;
    private final int bytes;

    DType(String numpyName, int bytes) {
        this.numpyName = numpyName;
        this.bytes = bytes;
    }

    /** The numpy name of this type, e.g. {@code float32}. */
    public String numpyName() {
        return numpyName;
    }

    /** Size of one element in bytes. */
    public int bytes() {
        return bytes;
    }

    /** The per-precision loops that implement the primitives for this type. */
    Loops loops() {
        return this == F32 ? FloatLoops.INSTANCE : DoubleLoops.INSTANCE;
    }
}
