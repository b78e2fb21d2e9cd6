package org.convlab.autograd;

/**
 * How to walk two operands broadcast to a common output shape with one tight inner loop: the output
 * is seen as {@code rows × inner}; row r of the output reads operand a from {@code baseA[r]} with
 * stride {@code strideA} (0 or 1) and operand b likewise. Trailing axes are merged into the inner
 * loop as far as both operands allow.
 */
final class BroadcastPlan {
    final int rows;
    final int inner;
    final int strideA;
    final int strideB;
    final int[] baseA;
    final int[] baseB;

    private BroadcastPlan(int rows, int inner, int strideA, int strideB, int[] baseA, int[] baseB) {
        this.rows = rows;
        this.inner = inner;
        this.strideA = strideA;
        this.strideB = strideB;
        this.baseA = baseA;
        this.baseB = baseB;
    }

    static BroadcastPlan of(int[] a, int[] b, int[] out) {
        int rank = out.length;
        if (rank == 0) {
            return new BroadcastPlan(1, 1, 0, 0, new int[1], new int[1]);
        }
        int[] sa = Shapes.broadcastStrides(a, out);
        int[] sb = Shapes.broadcastStrides(b, out);
        int innerStart = rank - 1;
        int strideA = sa[rank - 1] == 0 ? 0 : 1;
        int strideB = sb[rank - 1] == 0 ? 0 : 1;
        long inner = out[rank - 1];
        while (innerStart > 0 && mergeable(sa, out, innerStart - 1, strideA, inner)
                && mergeable(sb, out, innerStart - 1, strideB, inner)) {
            innerStart--;
            inner *= out[innerStart];
        }
        int rows = 1;
        for (int i = 0; i < innerStart; i++) {
            rows *= out[i];
        }
        int[] baseA = new int[rows];
        int[] baseB = new int[rows];
        int[] counter = new int[innerStart];
        int offA = 0;
        int offB = 0;
        for (int r = 0; r < rows; r++) {
            baseA[r] = offA;
            baseB[r] = offB;
            for (int d = innerStart - 1; d >= 0; d--) {
                counter[d]++;
                offA += sa[d];
                offB += sb[d];
                if (counter[d] < out[d]) {
                    break;
                }
                offA -= sa[d] * out[d];
                offB -= sb[d] * out[d];
                counter[d] = 0;
            }
        }
        return new BroadcastPlan(rows, (int) inner, strideA, strideB, baseA, baseB);
    }

    private static boolean mergeable(int[] strides, int[] out, int axis, int innerStride, long innerLen) {
        if (out[axis] == 1) {
            return true;
        }
        return innerStride == 0 ? strides[axis] == 0 : strides[axis] == innerLen;
    }
}
