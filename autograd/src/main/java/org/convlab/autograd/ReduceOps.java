package org.convlab.autograd;

import java.util.Arrays;

/** Reductions over axes, each with its derivative rule beside its forward. */
final class ReduceOps {
    private ReduceOps() {
    }

    /** Sorted, distinct, non-negative axes. */
    private static int[] normalizeAxes(String op, int[] axes, int rank) {
        int[] a = new int[axes.length];
        for (int i = 0; i < axes.length; i++) {
            a[i] = Shapes.axis(op, axes[i], rank);
        }
        Arrays.sort(a);
        for (int i = 1; i < a.length; i++) {
            if (a[i] == a[i - 1]) {
                throw Shapes.error(op, "axis repeated", Arrays.toString(axes));
            }
        }
        return a;
    }

    /** The shape after reducing {@code axes}: 1 there with keepdim, removed without. */
    private static int[] reducedShape(int[] shape, int[] axes, boolean keepdim) {
        int[] kept = shape.clone();
        for (int a : axes) {
            kept[a] = 1;
        }
        if (keepdim) {
            return kept;
        }
        int[] out = new int[shape.length - axes.length];
        for (int i = 0, j = 0; i < shape.length; i++) {
            if (Arrays.binarySearch(axes, i) < 0) {
                out[j++] = shape[i];
            }
        }
        return out;
    }

    private static int prod(int[] shape, int from, int to) {
        int p = 1;
        for (int i = from; i < to; i++) {
            p *= shape[i];
        }
        return p;
    }

    /**
     * Sums over the given sorted axes with keepdim, one run of adjacent axes at a time (a run is
     * one pass over the data); no graph.
     */
    private static Tensor sumData(Tensor x, int[] axes) {
        Tensor cur = x;
        int i = axes.length - 1;
        while (i >= 0) {
            int last = axes[i];
            int first = last;
            while (i > 0 && axes[i - 1] == first - 1) {
                first = axes[--i];
            }
            i--;
            int[] s = cur.shapeRef();
            int len = prod(s, first, last + 1);
            if (len == 1) {
                continue;
            }
            int[] outShape = s.clone();
            for (int a = first; a <= last; a++) {
                outShape[a] = 1;
            }
            Tensor out = Tensor.empty(x.dtype(), outShape);
            x.dtype().loops().reduceSum(cur, prod(s, 0, first), len, prod(s, last + 1, s.length), out);
            cur = out;
        }
        return cur == x ? x.copyData() : cur;
    }

    static Tensor sum(Tensor x, int[] axes, boolean keepdim) {
        int[] ax = normalizeAxes("sum", axes, x.dim());
        int[] keptShape = reducedShape(x.shapeRef(), ax, true);
        Tensor out = sumData(x, ax).reshapeData(reducedShape(x.shapeRef(), ax, keepdim));
        return Autograd.record("sum", out, (g, needs) -> new Tensor[] {
            ShapeOps.broadcastData(g.reshape(keptShape), x.shapeRef())}, x);
    }

    static Tensor mean(Tensor x, int[] axes, boolean keepdim) {
        int[] ax = normalizeAxes("mean", axes, x.dim());
        int count = 1;
        for (int a : ax) {
            count *= x.shapeRef()[a];
        }
        return sum(x, ax, keepdim).mul(1.0 / count);
    }

    /**
     * Sums a gradient over the axes along which an operand of shape {@code shape} was broadcast, so
     * that it matches the operand again. The one place broadcasting is undone.
     */
    static Tensor reduceToShape(Tensor g, int[] shape) {
        int[] gs = g.shapeRef();
        if (Arrays.equals(gs, shape)) {
            return g;
        }
        int lead = gs.length - shape.length;
        int[] axes = new int[gs.length];
        int n = 0;
        for (int i = 0; i < gs.length; i++) {
            if (i < lead || (shape[i - lead] == 1 && gs[i] != 1)) {
                axes[n++] = i;
            }
        }
        return g.sum(Arrays.copyOf(axes, n), true).reshape(shape);
    }

    /** Max over one axis: values and the index of the first maximum along it. */
    private record MaxResult(Tensor values, int[] argmax, int outer, int len, int inner) {
    }

    private static MaxResult maxData(String op, Tensor x, int axis) {
        int a = Shapes.axis(op, axis, x.dim());
        int[] s = x.shapeRef();
        int[] outShape = s.clone();
        outShape[a] = 1;
        Tensor values = Tensor.empty(x.dtype(), outShape);
        int outer = prod(s, 0, a);
        int inner = prod(s, a + 1, s.length);
        int[] arg = new int[outer * inner];
        x.dtype().loops().reduceMax(x, outer, s[a], inner, values, arg);
        return new MaxResult(values, arg, outer, s[a], inner);
    }

    static Tensor max(Tensor x, int axis, boolean keepdim) {
        MaxResult r = maxData("max", x, axis);
        int[] keptShape = r.values().shapeRef();
        Tensor out = r.values().reshapeData(reducedShape(x.shapeRef(), new int[] {Shapes.axis("max", axis, x.dim())}, keepdim));
        return Autograd.record("max", out, (g, needs) -> {
            int[] index = new int[r.outer() * r.inner()];
            for (int p = 0; p < r.outer(); p++) {
                for (int i = 0; i < r.inner(); i++) {
                    int k = p * r.inner() + i;
                    index[k] = (p * r.len() + r.argmax()[k]) * r.inner() + i;
                }
            }
            Tensor gx = Tensor.empty(x.dtype(), x.shapeRef());
            x.dtype().loops().scatterAdd(g.reshape(keptShape), index, gx, 0, 1);
            return new Tensor[] {gx};
        }, x);
    }

    static Tensor argmax(Tensor x, int axis, boolean keepdim) {
        MaxResult r = maxData("argmax", x, axis);
        Tensor out = Tensor.empty(x.dtype(), reducedShape(x.shapeRef(), new int[] {Shapes.axis("argmax", axis, x.dim())}, keepdim));
        for (int i = 0; i < r.argmax().length; i++) {
            out.setFlat(i, r.argmax()[i]);
        }
        return out;
    }

    static Tensor logSumExp(Tensor x, int axis, boolean keepdim) {
        int a = Shapes.axis("logSumExp", axis, x.dim());
        Tensor m = maxData("logSumExp", x, a).values();
        Tensor shifted = PointwiseOps.binary("logSumExp", "-", Loops.Binary.EXP_DIFF, 0, x, m);
        Tensor lse = PointwiseOps.binary("logSumExp", "+", Loops.Binary.ADD_LOG, 0, m, sumData(shifted, new int[] {a}));
        Tensor out = lse.reshapeData(reducedShape(x.shapeRef(), new int[] {a}, keepdim));
        return Autograd.record("logsumexp", out, (g, needs) -> new Tensor[] {
            PointwiseOps.binary("logSumExp", "-", Loops.Binary.EXP_DIFF, 0, x, lse).mul(g.reshape(lse.shapeRef()))}, x);
    }
}
