package org.convlab.autograd;

import java.util.Arrays;

/** Indexing primitives (what losses and batching need), each with its derivative rule. */
final class IndexOps {
    private IndexOps() {
    }

    static Tensor pick(Tensor x, int[] indices) {
        Shapes.rank("pick", "input", x, 2);
        int n = x.size(0);
        int c = x.size(1);
        if (indices.length != n) {
            throw Shapes.error("pick", "one index per row is needed",
                    indices.length + " indices for " + x.shapeString());
        }
        int[] index = new int[n];
        for (int i = 0; i < n; i++) {
            if (indices[i] < 0 || indices[i] >= c) {
                throw Shapes.error("pick", "index out of range",
                        "row " + i + " asks for column " + indices[i] + " of " + x.shapeString());
            }
            index[i] = i * c + indices[i];
        }
        return gatherRecorded("pick", x, index, new int[] {n}, 0, 1);
    }

    static Tensor indexSelect(Tensor x, int axis, int[] indices) {
        int a = Shapes.axis("indexSelect", axis, x.dim());
        int[] s = x.shapeRef();
        if (indices.length == 0) {
            throw Shapes.error("indexSelect", "needs at least one index", "");
        }
        int inner = ShapeOps.prod(s, a + 1, s.length);
        int outer = ShapeOps.prod(s, 0, a);
        int[] index = new int[indices.length * inner];
        for (int j = 0; j < indices.length; j++) {
            if (indices[j] < 0 || indices[j] >= s[a]) {
                throw Shapes.error("indexSelect", "index out of range",
                        "index " + indices[j] + " on axis " + axis + " of " + x.shapeString());
            }
            for (int i = 0; i < inner; i++) {
                index[j * inner + i] = indices[j] * inner + i;
            }
        }
        int[] outShape = s.clone();
        outShape[a] = indices.length;
        return gatherRecorded("index_select", x, index, outShape, s[a] * inner, outer);
    }

    /** Gathers {@code index} from each block of x; the gradient scatter-adds back. */
    private static Tensor gatherRecorded(String op, Tensor x, int[] index, int[] outShape, int blockStride, int blocks) {
        Tensor out = Tensor.empty(x.dtype(), outShape);
        x.dtype().loops().gather(x, blockStride, index, out, blocks);
        int[] inShape = Arrays.copyOf(x.shapeRef(), x.dim());
        return Autograd.record(op, out, (g, needs) -> {
            Tensor gx = Tensor.empty(x.dtype(), inShape);
            x.dtype().loops().scatterAdd(g, index, gx, blockStride, blocks);
            return new Tensor[] {gx};
        }, x);
    }
}
