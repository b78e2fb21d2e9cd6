package org.convlab.autograd;

/**
 * im2col ({@code unfold}) and col2im ({@code fold}) for NCHW images: each the other's adjoint, so
 * each one's derivative rule is the other.
 */
final class WindowOps {
    private WindowOps() {
    }

    /** Output length along one axis: 1 + (in + 2·pad − k)/stride, which must be a positive whole number. */
    static int outputSize(String op, String axis, int in, int k, int stride, int pad) {
        if (k <= 0 || stride <= 0 || pad < 0) {
            throw Shapes.error(op, "kernel and stride must be positive and pad non-negative",
                    "kernel " + k + ", stride " + stride + ", pad " + pad);
        }
        int span = in + 2 * pad - k;
        if (span < 0 || span % stride != 0) {
            throw Shapes.error(op, "output " + axis + " 1 + (" + axis + " + 2·pad − kernel)/stride is not a positive whole number",
                    "1 + (" + in + " + 2·" + pad + " − " + k + ")/" + stride + " = 1 + " + span + "/" + stride);
        }
        return 1 + span / stride;
    }

    /** For one image: position in the (C·kh·kw, OH·OW) column matrix → position in (C, H, W), or -1 in the padding. */
    private static int[] columnIndex(int c, int h, int w, int kh, int kw, int stride, int pad, int oh, int ow) {
        int cols = oh * ow;
        int[] index = new int[c * kh * kw * cols];
        for (int ch = 0; ch < c; ch++) {
            for (int ki = 0; ki < kh; ki++) {
                for (int kj = 0; kj < kw; kj++) {
                    int row = (ch * kh + ki) * kw + kj;
                    for (int y = 0; y < oh; y++) {
                        int hy = y * stride + ki - pad;
                        for (int x = 0; x < ow; x++) {
                            int wx = x * stride + kj - pad;
                            boolean inside = hy >= 0 && hy < h && wx >= 0 && wx < w;
                            index[row * cols + y * ow + x] = inside ? (ch * h + hy) * w + wx : -1;
                        }
                    }
                }
            }
        }
        return index;
    }

    static Tensor unfold(Tensor x, int kh, int kw, int stride, int pad) {
        if (x.dim() != 4) {
            throw Shapes.error("unfold", "input must be (N, C, H, W)", "got " + x.shapeString());
        }
        int[] s = x.shapeRef();
        int oh = outputSize("unfold", "H", s[2], kh, stride, pad);
        int ow = outputSize("unfold", "W", s[3], kw, stride, pad);
        int[] index = columnIndex(s[1], s[2], s[3], kh, kw, stride, pad, oh, ow);
        Tensor out = Tensor.empty(x.dtype(), s[0], s[1] * kh * kw, oh * ow);
        x.dtype().loops().gather(x, s[1] * s[2] * s[3], index, out, s[0]);
        return Autograd.record("unfold", out, (g, needs) -> new Tensor[] {
            g.fold(s[1], s[2], s[3], kh, kw, stride, pad)}, x);
    }

    static Tensor fold(Tensor cols, int c, int h, int w, int kh, int kw, int stride, int pad) {
        int oh = outputSize("fold", "H", h, kh, stride, pad);
        int ow = outputSize("fold", "W", w, kw, stride, pad);
        int[] expected = {cols.dim() == 3 ? cols.size(0) : 1, c * kh * kw, oh * ow};
        if (cols.dim() != 3 || cols.size(1) != expected[1] || cols.size(2) != expected[2]) {
            throw Shapes.error("fold", "columns must be (N, C·kh·kw, OH·OW)",
                    "expected " + Shapes.str(expected) + ", got " + cols.shapeString());
        }
        int n = cols.size(0);
        int[] index = columnIndex(c, h, w, kh, kw, stride, pad, oh, ow);
        Tensor out = Tensor.empty(cols.dtype(), n, c, h, w);
        cols.dtype().loops().scatterAdd(cols, index, out, c * h * w, n);
        return Autograd.record("fold", out, (g, needs) -> new Tensor[] {g.unfold(kh, kw, stride, pad)}, cols);
    }
}
