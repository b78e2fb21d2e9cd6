package org.convlab.autograd;

import java.util.Locale;

/** numpy-like text for tensors, summarised with {@code ...} when large. */
final class TensorFormat {
    /** Tensors with more elements than this are summarised. */
    private static final int SUMMARY_THRESHOLD = 1000;
    /** Elements shown at each end of a summarised axis. */
    private static final int EDGE_ITEMS = 3;

    private TensorFormat() {
    }

    static String format(Tensor t) {
        boolean summarise = t.numel() > SUMMARY_THRESHOLD;
        int[] shape = t.shapeRef();
        NumberStyle style = NumberStyle.of(t, summarise);
        StringBuilder sb = new StringBuilder("tensor(");
        appendAxis(sb, t, shape, 0, 0, summarise, style, "tensor(".length());
        sb.append(", dtype=").append(t.dtype().numpyName());
        if (t.gradFn() != null) {
            sb.append(", gradFn=").append(t.gradFn().op());
        } else if (t.requiresGrad()) {
            sb.append(", requiresGrad=true");
        }
        return sb.append(')').toString();
    }

    private static void appendAxis(StringBuilder sb, Tensor t, int[] shape, int axis, int offset,
                                   boolean summarise, NumberStyle style, int indent) {
        if (axis == shape.length) {
            sb.append(style.format(t.getFlat(offset)));
            return;
        }
        int stride = 1;
        for (int i = axis + 1; i < shape.length; i++) {
            stride *= shape[i];
        }
        sb.append('[');
        int n = shape[axis];
        boolean cut = summarise && n > 2 * EDGE_ITEMS;
        for (int i = 0; i < n; i++) {
            if (cut && i == EDGE_ITEMS) {
                separator(sb, shape, axis, indent);
                sb.append("...");
                i = n - EDGE_ITEMS;
            }
            if (i > 0) {
                separator(sb, shape, axis, indent);
            }
            appendAxis(sb, t, shape, axis + 1, offset + i * stride, summarise, style, indent + 1);
        }
        sb.append(']');
    }

    private static void separator(StringBuilder sb, int[] shape, int axis, int indent) {
        int innerAxes = shape.length - axis - 1;
        if (innerAxes == 0) {
            sb.append(", ");
            return;
        }
        sb.append(',');
        sb.append("\n".repeat(innerAxes));
        sb.append(" ".repeat(indent + 1));
    }

    /** Fixed, integer or scientific notation, chosen from the values shown, padded to one width. */
    private record NumberStyle(String pattern, boolean integral, int width) {
        static NumberStyle of(Tensor t, boolean summarise) {
            boolean integral = true;
            double maxAbs = 0;
            double minAbs = Double.POSITIVE_INFINITY;
            for (int i = 0; i < t.numel(); i++) {
                double v = t.getFlat(i);
                if (!Double.isFinite(v)) {
                    continue;
                }
                integral &= v == Math.rint(v);
                maxAbs = Math.max(maxAbs, Math.abs(v));
                if (v != 0) {
                    minAbs = Math.min(minAbs, Math.abs(v));
                }
            }
            boolean scientific = !integral && (maxAbs >= 1e5 || minAbs < 1e-4 || maxAbs / minAbs > 1e6);
            String pattern = integral ? "%.0f." : scientific ? "%.4e" : "%.4f";
            NumberStyle probe = new NumberStyle(pattern, integral && maxAbs < 1e16, 0);
            int width = 0;
            for (int i = 0; i < t.numel(); i++) {
                width = Math.max(width, probe.format(t.getFlat(i)).length());
                if (summarise && i > 64) {
                    break;
                }
            }
            return new NumberStyle(integral && maxAbs >= 1e16 ? "%.4e" : pattern, probe.integral(), width);
        }

        String format(double v) {
            String s;
            if (Double.isNaN(v)) {
                s = "nan";
            } else if (Double.isInfinite(v)) {
                s = v > 0 ? "inf" : "-inf";
            } else {
                s = String.format(Locale.ROOT, pattern, v);
            }
            return s.length() >= width ? s : " ".repeat(width - s.length()) + s;
        }
    }
}
