package org.convlab.data;

import java.util.Arrays;

/**
 * The contents of an IDX file of unsigned bytes (type {@code 0x08}): its dimensions and its data in
 * row-major order. Images files have three dimensions (count, rows, columns) and labels files one.
 */
public final class IdxArray {
    private final int[] dims;
    private final byte[] data;

    /**
     * An array with the given dimensions over {@code data} (not copied: the caller hands it over).
     *
     * @throws IllegalArgumentException if there are no dimensions, one is negative, or the data
     *     length is not their product
     */
    public IdxArray(int[] dims, byte[] data) {
        if (dims.length == 0 || dims.length > 255) {
            throw new IllegalArgumentException("an IDX array needs 1 to 255 dimensions, got " + dims.length);
        }
        long product = 1;
        for (int d : dims) {
            if (d < 0) {
                throw new IllegalArgumentException("negative IDX dimension in " + Arrays.toString(dims));
            }
            product *= d;
        }
        if (product != data.length) {
            throw new IllegalArgumentException("IDX dimensions " + Arrays.toString(dims) + " hold " + product
                    + " values but the data has " + data.length);
        }
        this.dims = dims.clone();
        this.data = data;
    }

    /** The magic number of this array in an IDX file: {@code 0x0000}, type {@code 0x08}, rank. */
    public int magic() {
        return Idx.UNSIGNED_BYTE << 8 | dims.length;
    }

    /** The number of dimensions. */
    public int rank() {
        return dims.length;
    }

    /** A copy of the dimensions. */
    public int[] dims() {
        return dims.clone();
    }

    /** The length of one dimension. */
    public int dim(int axis) {
        return dims[axis];
    }

    /** The number of values. */
    public int length() {
        return data.length;
    }

    /** The value at a row-major position, as an unsigned number 0..255. */
    public int get(int index) {
        return Byte.toUnsignedInt(data[index]);
    }

    /** A copy of the raw data. */
    public byte[] data() {
        return data.clone();
    }

    /** The live data, for readers in this package that hand it on without copying. */
    byte[] dataRef() {
        return data;
    }

    /** The first {@code n} items along the first dimension (e.g. the first n images), copied. */
    public IdxArray head(int n) {
        if (n < 0 || n > dims[0]) {
            throw new IllegalArgumentException("head(" + n + ") of an IDX array with " + dims[0] + " items");
        }
        int[] headDims = dims.clone();
        headDims[0] = n;
        int itemSize = dims[0] == 0 ? 0 : data.length / dims[0];
        return new IdxArray(headDims, Arrays.copyOf(data, n * itemSize));
    }

    /** The dimensions and type, e.g. {@code IdxArray[10000×28×28 unsigned bytes]}. */
    @Override
    public String toString() {
        return "IdxArray[" + Dims.text(dims) + " unsigned bytes]";
    }
}
