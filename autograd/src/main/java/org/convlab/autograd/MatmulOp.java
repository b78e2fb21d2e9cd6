package org.convlab.autograd;

import java.util.Arrays;

import org.convlab.kernel.Parallel;

/**
 * Matrix product, 2-D and batched with numpy broadcasting of the batch axes, on the packed GEMM
 * kernels; its derivative rule: dA = G·Bᵀ and dB = Aᵀ·G, summed over broadcast batch axes.
 */
final class MatmulOp {
    private MatmulOp() {
    }

    static Tensor matmul(Tensor a, Tensor b) {
        Shapes.sameDType("matmul", a, b);
        if (a.dim() < 2 || b.dim() < 2) {
            throw Shapes.error("matmul", "operands must have at least 2 dimensions",
                    a.shapeString() + " @ " + b.shapeString() + " (reshape vectors to (1, n) or (n, 1))");
        }
        int[] as = a.shapeRef();
        int[] bs = b.shapeRef();
        int m = as[as.length - 2];
        int k = as[as.length - 1];
        int n = bs[bs.length - 1];
        if (bs[bs.length - 2] != k) {
            throw Shapes.error("matmul", "inner dimensions differ", a.shapeString() + " @ " + b.shapeString());
        }
        int[] batchA = Arrays.copyOf(as, as.length - 2);
        int[] batchB = Arrays.copyOf(bs, bs.length - 2);
        int[] batch = Shapes.broadcast("matmul", "@", batchA, batchB);
        Tensor out = product(batch, BroadcastPlan.of(batchA, batchB, batch), false, false, m, n, k, a, b);
        return Autograd.record("matmul", out, (g, needs) -> new Tensor[] {
            needs[0] ? ReduceOps.reduceToShape(product(batch, BroadcastPlan.of(batch, batchB, batch), false, true, m, k, n, g, b), as) : null,
            needs[1] ? ReduceOps.reduceToShape(product(batch, BroadcastPlan.of(batchA, batch, batch), true, false, k, n, m, a, g), bs) : null},
            a, b);
    }

    /**
     * op(left)·op(right) for every position of the batch shape, into a fresh (batch..., m, n) tensor;
     * the plan maps output batch positions to left and right batch positions (in whole matrices).
     */
    private static Tensor product(int[] batch, BroadcastPlan plan, boolean transLeft, boolean transRight,
                                  int m, int n, int k, Tensor left, Tensor right) {
        int[] shape = Arrays.copyOf(batch, batch.length + 2);
        shape[batch.length] = m;
        shape[batch.length + 1] = n;
        Tensor out = Tensor.empty(left.dtype(), shape);
        int leftSize = m * k;
        int rightSize = k * n;
        int batches = plan.rows * plan.inner;
        Loops loops = out.dtype().loops();
        Parallel.forRange(batches, 1, (lo, hi) -> {
            for (int bt = lo; bt < hi; bt++) {
                int row = bt / plan.inner;
                int col = bt % plan.inner;
                int li = plan.baseA[row] + col * plan.strideA;
                int ri = plan.baseB[row] + col * plan.strideB;
                loops.gemm(transLeft, transRight, m, n, k, left, li * leftSize, right, ri * rightSize, 0, out, bt * m * n);
            }
        });
        return out;
    }
}
