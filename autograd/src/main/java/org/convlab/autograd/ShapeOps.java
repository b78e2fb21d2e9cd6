package org.convlab.autograd;

import java.util.Arrays;

/**
 * Primitives that move data without arithmetic: reshape, expand, permute, slice, pad and concat,
 * each with its derivative rule beside its forward. Data movement is expressed as gathers and
 * scatter-adds over index maps, so one pair of loops serves them all.
 */
final class ShapeOps {
    private ShapeOps() {
    }

    static Tensor reshape(Tensor x, int[] newShape) {
        int[] s = newShape.clone();
        int infer = -1;
        int known = 1;
        for (int i = 0; i < s.length; i++) {
            if (s[i] == -1) {
                if (infer >= 0) {
                    throw Shapes.error("reshape", "only one dimension may be -1", Shapes.str(newShape));
                }
                infer = i;
            } else if (s[i] <= 0) {
                throw Shapes.error("reshape", "dimensions must be positive or -1", Shapes.str(newShape));
            } else {
                known *= s[i];
            }
        }
        if (infer >= 0) {
            if (x.numel() % known != 0) {
                throw Shapes.error("reshape", "cannot infer the -1 dimension",
                        x.shapeString() + " (" + x.numel() + " elements) to " + Shapes.str(newShape));
            }
            s[infer] = x.numel() / known;
        }
        if (Shapes.numel(s) != x.numel()) {
            throw Shapes.error("reshape", "number of elements differs",
                    x.shapeString() + " (" + x.numel() + ") to " + Shapes.str(newShape) + " (" + Shapes.numel(s) + ")");
        }
        int[] original = x.shapeRef();
        return Autograd.record("reshape", x.reshapeData(s), (g, needs) -> new Tensor[] {g.reshape(original)}, x);
    }

    /** x's values repeated along broadcast axes to {@code shape}; no graph. */
    static Tensor broadcastData(Tensor x, int[] shape) {
        Tensor out = Tensor.empty(x.dtype(), shape);
        x.dtype().loops().binary(Loops.Binary.FIRST, 0, x, Tensor.scalar(x.dtype(), 0), out);
        return out;
    }

    static Tensor permute(Tensor x, int[] order) {
        int rank = x.dim();
        int[] s = x.shapeRef();
        boolean[] seen = new boolean[rank];
        if (order.length != rank) {
            throw Shapes.error("permute", "order must list every axis once",
                    Arrays.toString(order) + " for shape " + x.shapeString());
        }
        for (int o : order) {
            if (o < 0 || o >= rank || seen[o]) {
                throw Shapes.error("permute", "order must list every axis once",
                        Arrays.toString(order) + " for shape " + x.shapeString());
            }
            seen[o] = true;
        }
        int[] outShape = new int[rank];
        int[] inStrides = Shapes.strides(s);
        int[] strides = new int[rank];
        int[] inverse = new int[rank];
        for (int i = 0; i < rank; i++) {
            outShape[i] = s[order[i]];
            strides[i] = inStrides[order[i]];
            inverse[order[i]] = i;
        }
        int[] index = walk(outShape, strides, 0);
        Tensor out = Tensor.empty(x.dtype(), outShape);
        x.dtype().loops().gather(x, 0, index, out, 1);
        return Autograd.record("permute", out, (g, needs) -> new Tensor[] {g.permute(inverse)}, x);
    }

    /** For each position of {@code shape} in row-major order: {@code base + Σ index_i·strides_i}. */
    private static int[] walk(int[] shape, int[] strides, int base) {
        int n = Shapes.numel(shape);
        int[] index = new int[n];
        int[] counter = new int[shape.length];
        int off = base;
        for (int i = 0; i < n; i++) {
            index[i] = off;
            for (int d = shape.length - 1; d >= 0; d--) {
                counter[d]++;
                off += strides[d];
                if (counter[d] < shape[d]) {
                    break;
                }
                off -= strides[d] * shape[d];
                counter[d] = 0;
            }
        }
        return index;
    }

    static Tensor slice(Tensor x, int axis, int start, int end) {
        int a = Shapes.axis("slice", axis, x.dim());
        int[] s = x.shapeRef();
        int from = start < 0 ? start + s[a] : start;
        int to = end < 0 ? end + s[a] : Math.min(end, s[a]);
        if (from < 0 || from >= to) {
            throw Shapes.error("slice", "empty or out-of-range slice",
                    "[" + start + ", " + end + ") of axis " + axis + " with length " + s[a] + " in " + x.shapeString());
        }
        int inner = prod(s, a + 1, s.length);
        int outer = prod(s, 0, a);
        int[] outShape = s.clone();
        outShape[a] = to - from;
        int[] index = new int[(to - from) * inner];
        for (int i = 0; i < index.length; i++) {
            index[i] = from * inner + i;
        }
        int blockStride = s[a] * inner;
        Tensor out = Tensor.empty(x.dtype(), outShape);
        x.dtype().loops().gather(x, blockStride, index, out, outer);
        return Autograd.record("slice", out, (g, needs) -> {
            Tensor gx = Tensor.empty(x.dtype(), s);
            x.dtype().loops().scatterAdd(g, index, gx, blockStride, outer);
            return new Tensor[] {gx};
        }, x);
    }

    static Tensor pad(Tensor x, double value, int[] pads) {
        int rank = x.dim();
        int[] s = x.shapeRef();
        if (pads.length % 2 != 0 || pads.length / 2 > rank) {
            throw Shapes.error("pad", "pads must be (before, after) pairs for at most every axis",
                    Arrays.toString(pads) + " for shape " + x.shapeString());
        }
        int[] before = new int[rank];
        int[] outShape = s.clone();
        for (int p = 0; p < pads.length / 2; p++) {
            int axis = rank - 1 - p;
            if (pads[2 * p] < 0 || pads[2 * p + 1] < 0) {
                throw Shapes.error("pad", "pads must be non-negative", Arrays.toString(pads));
            }
            before[axis] = pads[2 * p];
            outShape[axis] = s[axis] + pads[2 * p] + pads[2 * p + 1];
        }
        int[] inStrides = Shapes.strides(s);
        int n = Shapes.numel(outShape);
        int[] index = new int[n];
        int[] counter = new int[rank];
        for (int i = 0; i < n; i++) {
            int src = 0;
            for (int d = 0; d < rank && src >= 0; d++) {
                int c = counter[d] - before[d];
                src = c < 0 || c >= s[d] ? -1 : src + c * inStrides[d];
            }
            index[i] = src;
            for (int d = rank - 1; d >= 0; d--) {
                if (++counter[d] < outShape[d]) {
                    break;
                }
                counter[d] = 0;
            }
        }
        Tensor out = Tensor.empty(x.dtype(), outShape);
        x.dtype().loops().gather(x, 0, index, out, 1);
        if (value != 0) {
            for (int i = 0; i < n; i++) {
                if (index[i] < 0) {
                    out.setFlat(i, value);
                }
            }
        }
        return Autograd.record("pad", out, (g, needs) -> {
            Tensor gx = Tensor.empty(x.dtype(), s);
            x.dtype().loops().scatterAdd(g, index, gx, 0, 1);
            return new Tensor[] {gx};
        }, x);
    }

    static Tensor concat(int axis, Tensor[] tensors) {
        if (tensors.length == 0) {
            throw Shapes.error("concat", "needs at least one tensor", "");
        }
        Tensor first = tensors[0];
        int a = Shapes.axis("concat", axis, first.dim());
        int[] s = first.shapeRef();
        int total = 0;
        for (Tensor t : tensors) {
            Shapes.sameDType("concat", first, t);
            int[] ts = t.shapeRef();
            boolean compatible = ts.length == s.length;
            for (int d = 0; compatible && d < s.length; d++) {
                compatible = d == a || ts[d] == s[d];
            }
            if (!compatible) {
                throw Shapes.error("concat", "shapes differ outside the concat axis " + axis,
                        first.shapeString() + " vs " + t.shapeString());
            }
            total += ts[a];
        }
        int inner = prod(s, a + 1, s.length);
        int outer = prod(s, 0, a);
        int[] outShape = s.clone();
        outShape[a] = total;
        int blockStride = total * inner;
        Tensor out = Tensor.empty(first.dtype(), outShape);
        int[][] placements = new int[tensors.length][];
        int offset = 0;
        for (int t = 0; t < tensors.length; t++) {
            int len = tensors[t].shapeRef()[a] * inner;
            placements[t] = new int[len];
            for (int i = 0; i < len; i++) {
                placements[t][i] = offset * inner + i;
            }
            offset += tensors[t].shapeRef()[a];
            first.dtype().loops().scatterAdd(tensors[t], placements[t], out, blockStride, outer);
        }
        return Autograd.record("concat", out, (g, needs) -> {
            Tensor[] grads = new Tensor[tensors.length];
            for (int t = 0; t < tensors.length; t++) {
                if (needs[t]) {
                    grads[t] = Tensor.empty(g.dtype(), tensors[t].shapeRef());
                    g.dtype().loops().gather(g, blockStride, placements[t], grads[t], outer);
                }
            }
            return grads;
        }, tensors);
    }

    static int prod(int[] shape, int from, int to) {
        int p = 1;
        for (int i = from; i < to; i++) {
            p *= shape[i];
        }
        return p;
    }
}
