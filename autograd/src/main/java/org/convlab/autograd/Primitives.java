package org.convlab.autograd;

import java.util.List;

/**
 * The names of the differentiable primitives of the core, as they appear in graph dumps and in
 * {@link Node#op()}. Every name here is gradient-checked in float64 by the test suite, which also
 * fails if an op records a name missing from this list.
 */
public final class Primitives {
    /** All primitive op names. */
    public static final List<String> NAMES = List.of(
            "add", "sub", "mul", "div", "add_scalar", "mul_scalar",
            "exp", "log", "sqrt", "pow", "abs", "maximum_scalar", "maximum", "where", "to", "copy",
            "sum", "max", "logsumexp",
            "matmul",
            "reshape", "permute", "slice", "pad", "concat",
            "pick", "index_select",
            "unfold", "fold");

    private Primitives() {
    }
}
