package org.convlab.autograd;

import java.util.Arrays;

/**
 * Shape arithmetic and the single place where shape and dtype errors are worded.
 *
 * <p>Every message has the form {@code op: rule broken: details}, for example
 * {@code matmul: inner dimensions differ: [64, 1568] @ [6272, 10]}.
 */
public final class Shapes {
    private Shapes() {
    }

    /** Formats a shape as {@code [2, 3]}. */
    public static String str(int... shape) {
        return Arrays.toString(shape);
    }

    /** Number of elements of a shape (1 for the scalar shape {@code []}). */
    public static int numel(int... shape) {
        long n = 1;
        for (int s : shape) {
            n *= s;
            if (n > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("tensor: too many elements (more than 2^31 - 1): " + str(shape));
            }
        }
        return (int) n;
    }

    /** The error every shape or dtype check throws: {@code op: rule: details}. */
    public static IllegalArgumentException error(String op, String rule, String details) {
        return new IllegalArgumentException(op + ": " + rule + (details.isEmpty() ? "" : ": " + details));
    }

    /** Checks that every dimension is at least 1 and returns a private copy of the shape. */
    public static int[] checkShape(String op, int... shape) {
        for (int s : shape) {
            if (s <= 0) {
                throw error(op, "dimensions must be positive", "got " + str(shape));
            }
        }
        numel(shape);
        return shape.clone();
    }

    /** Resolves a possibly negative axis against a rank, or throws naming the op. */
    public static int axis(String op, int axis, int rank) {
        int a = axis < 0 ? axis + rank : axis;
        if (a < 0 || a >= rank) {
            throw error(op, "axis out of range", "axis " + axis + " for a tensor of rank " + rank);
        }
        return a;
    }

    /** Checks that two tensors have the same dtype. */
    public static void sameDType(String op, Tensor a, Tensor b) {
        if (a.dtype() != b.dtype()) {
            throw error(op, "dtypes differ", a.dtype() + " vs " + b.dtype() + " (convert one with to(DType))");
        }
    }

    /** Checks that a tensor has the expected rank. */
    public static void rank(String op, String what, Tensor t, int expected) {
        if (t.dim() != expected) {
            throw error(op, what + " must have " + expected + " dimensions", "got " + str(t.shape()));
        }
    }

    /** Checks that two shapes are identical. */
    public static void same(String op, String what, int[] expected, int[] actual) {
        if (!Arrays.equals(expected, actual)) {
            throw error(op, what + " has the wrong shape", "expected " + str(expected) + ", got " + str(actual));
        }
    }

    /**
     * Numpy broadcasting of two shapes: trailing dimensions are aligned and must be equal or 1.
     *
     * @param symbol how the op is written between its operands in the message, e.g. {@code +}
     */
    public static int[] broadcast(String op, String symbol, int[] a, int[] b) {
        int rank = Math.max(a.length, b.length);
        int[] out = new int[rank];
        for (int i = 0; i < rank; i++) {
            int da = i < rank - a.length ? 1 : a[i - (rank - a.length)];
            int db = i < rank - b.length ? 1 : b[i - (rank - b.length)];
            if (da != db && da != 1 && db != 1) {
                throw error(op, "shapes cannot be broadcast",
                        str(a) + " " + symbol + " " + str(b) + " (axis " + (i - rank) + ": " + da + " vs " + db + ")");
            }
            out[i] = Math.max(da, db);
        }
        return out;
    }

    /** Row-major strides of a contiguous shape. */
    static int[] strides(int[] shape) {
        int[] st = new int[shape.length];
        int s = 1;
        for (int i = shape.length - 1; i >= 0; i--) {
            st[i] = s;
            s *= shape[i];
        }
        return st;
    }

    /** Strides of {@code in} seen through {@code out}'s broadcast shape: 0 along broadcast axes. */
    static int[] broadcastStrides(int[] in, int[] out) {
        int[] st = strides(in);
        int[] res = new int[out.length];
        int lead = out.length - in.length;
        for (int i = 0; i < in.length; i++) {
            res[lead + i] = in[i] == 1 && out[lead + i] != 1 ? 0 : st[i];
        }
        return res;
    }
}
