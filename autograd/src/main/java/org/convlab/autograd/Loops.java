package org.convlab.autograd;

/**
 * The flat-array loops behind the primitives, written once per precision (see the template
 * {@code TypeLoops.java.tmpl}) so that each primitive's forward and backward are written once.
 * Large loops run in parallel on the shared {@link org.convlab.kernel.Parallel} pool; elementwise
 * functions are named by {@link Unary} and {@link Binary} so that each gets its own tight loop.
 */
interface Loops {
    /** Elementwise functions of one value {@code v} and a scalar parameter {@code c}. */
    enum Unary {
        /** e^v. */
        EXP,
        /** ln v. */
        LOG,
        /** √v. */
        SQRT,
        /** |v|. */
        ABS,
        /** v^c. */
        POW,
        /** v + c. */
        ADD,
        /** v·c. */
        MUL,
        /** max(v, c), NaN propagating. */
        MAX
    }

    /** Elementwise functions of two broadcast values {@code a}, {@code b} and a scalar parameter {@code c}. */
    enum Binary {
        /** a + b. */
        ADD,
        /** a − b. */
        SUB,
        /** a·b. */
        MUL,
        /** a / b. */
        DIV,
        /** max(a, b), NaN propagating. */
        MAX,
        /** 1 if a &gt; b else 0. */
        GT,
        /** 1 if a ≥ b else 0. */
        GE,
        /** 1 if a &lt; b else 0. */
        LT,
        /** 1 if a ≤ b else 0. */
        LE,
        /** 1 if a = b else 0. */
        EQ,
        /** a if b &gt; c else 0: the gradient of max(x, c). */
        PASS_IF_ABOVE,
        /** a / (2b): the gradient of √x given the output b. */
        HALF_DIV,
        /** a·c·b^(c−1): the gradient of x^c. */
        POW_GRAD,
        /** a·sign(b): the gradient of |x|. */
        SIGN_MUL,
        /** 1 if a &gt; b, ½ if a = b, else 0: the share of max(a, b)'s gradient that goes to a. */
        WIN_SHARE,
        /** b where a ≠ 0, else 0. */
        KEEP_WHERE_SET,
        /** b where a = 0, else 0. */
        KEEP_WHERE_CLEAR,
        /** a (b only sets the output shape): broadcasting a copy. */
        FIRST,
        /** e^(a − b). */
        EXP_DIFF,
        /** a + ln b, or a when a is infinite: the last step of log-sum-exp. */
        ADD_LOG
    }

    /** {@code out[i] = op(x[i], c)}; x and out have the same number of elements (out may be x). */
    void unary(Unary op, double c, Tensor x, Tensor out);

    /** {@code out = op(a, b, c)} with numpy broadcasting of a and b to out's shape. */
    void binary(Binary op, double c, Tensor a, Tensor b, Tensor out);

    /** Sets every element to {@code value}. */
    void fill(Tensor t, double value);

    /**
     * For each of {@code batches} blocks: {@code out[b*L + i] = index[i] < 0 ? 0 : src[b*srcStride + index[i]]}
     * where L is {@code index.length}.
     */
    void gather(Tensor src, int srcStride, int[] index, Tensor out, int batches);

    /** For each block: {@code out[b*outStride + index[i]] += src[b*L + i]}, skipping negative indices. */
    void scatterAdd(Tensor src, int[] index, Tensor out, int outStride, int batches);

    /** Views x as (outer, len, inner) and writes the sums over len into out (outer, inner). */
    void reduceSum(Tensor x, int outer, int len, int inner, Tensor out);

    /**
     * Views x as (outer, len, inner) and writes the maxima over len into out (outer, inner) and the
     * position of the first maximum into argmax; NaN propagates.
     */
    void reduceMax(Tensor x, int outer, int len, int inner, Tensor out, int[] argmax);

    /**
     * {@code C[cOff..] = A·B + beta·C} on row-major blocks of the tensors' storage, A being (m×k)
     * or, when transposed, stored (k×m); B (k×n) or stored (n×k).
     */
    void gemm(boolean transA, boolean transB, int m, int n, int k,
              Tensor a, int aOff, Tensor b, int bOff, double beta, Tensor c, int cOff);

    /** {@code y += alpha·x}, elementwise over equal-sized tensors. */
    void axpy(double alpha, Tensor x, Tensor y);
}
