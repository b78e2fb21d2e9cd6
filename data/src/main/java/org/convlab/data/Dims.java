package org.convlab.data;

import java.util.StringJoiner;

/** Formatting of dimensions in messages and {@code toString}s. */
final class Dims {
    private Dims() {
    }

    /** The dimensions joined by a multiplication sign, e.g. {@code 3×32×32}. */
    static String text(int... dims) {
        StringJoiner joined = new StringJoiner("×");
        for (int d : dims) {
            joined.add(Integer.toString(d));
        }
        return joined.toString();
    }
}
