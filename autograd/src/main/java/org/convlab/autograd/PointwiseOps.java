package org.convlab.autograd;

import org.convlab.autograd.Loops.Binary;
import org.convlab.autograd.Loops.Unary;

/** Elementwise primitives, each with its derivative rule beside its forward. */
final class PointwiseOps {
    private PointwiseOps() {
    }

    /** {@code op(x, c)} elementwise into a fresh tensor; no graph. */
    static Tensor unary(Unary op, double c, Tensor x) {
        Tensor out = Tensor.empty(x.dtype(), x.shapeRef());
        x.dtype().loops().unary(op, c, x, out);
        return out;
    }

    /** {@code op(a, b, c)} on broadcast pairs into a fresh tensor; no graph. */
    static Tensor binary(String name, String symbol, Binary op, double c, Tensor a, Tensor b) {
        Shapes.sameDType(name, a, b);
        Tensor out = Tensor.empty(a.dtype(), Shapes.broadcast(name, symbol, a.shapeRef(), b.shapeRef()));
        a.dtype().loops().binary(op, c, a, b, out);
        return out;
    }

    /** A binary op of the gradient and a saved tensor of the same shape, inside a derivative rule. */
    private static Tensor grad(Binary op, double c, Tensor g, Tensor saved) {
        return binary("backward", "", op, c, g, saved);
    }

    static Tensor add(Tensor a, Tensor b) {
        Tensor out = binary("add", "+", Binary.ADD, 0, a, b);
        return Autograd.record("add", out, (g, needs) -> new Tensor[] {
            needs[0] ? ReduceOps.reduceToShape(g, a.shapeRef()) : null,
            needs[1] ? ReduceOps.reduceToShape(g, b.shapeRef()) : null}, a, b);
    }

    static Tensor sub(Tensor a, Tensor b) {
        Tensor out = binary("sub", "-", Binary.SUB, 0, a, b);
        return Autograd.record("sub", out, (g, needs) -> new Tensor[] {
            needs[0] ? ReduceOps.reduceToShape(g, a.shapeRef()) : null,
            needs[1] ? ReduceOps.reduceToShape(g.neg(), b.shapeRef()) : null}, a, b);
    }

    static Tensor mul(Tensor a, Tensor b) {
        Tensor out = binary("mul", "*", Binary.MUL, 0, a, b);
        return Autograd.record("mul", out, (g, needs) -> new Tensor[] {
            needs[0] ? ReduceOps.reduceToShape(g.mul(b), a.shapeRef()) : null,
            needs[1] ? ReduceOps.reduceToShape(g.mul(a), b.shapeRef()) : null}, a, b);
    }

    static Tensor div(Tensor a, Tensor b) {
        Tensor out = binary("div", "/", Binary.DIV, 0, a, b);
        return Autograd.record("div", out, (g, needs) -> new Tensor[] {
            needs[0] ? ReduceOps.reduceToShape(g.div(b), a.shapeRef()) : null,
            needs[1] ? ReduceOps.reduceToShape(g.mul(out).div(b).neg(), b.shapeRef()) : null}, a, b);
    }

    static Tensor addScalar(Tensor x, double c) {
        Tensor out = unary(Unary.ADD, c, x);
        return Autograd.record("add_scalar", out, (g, needs) -> new Tensor[] {g}, x);
    }

    static Tensor mulScalar(Tensor x, double c) {
        Tensor out = unary(Unary.MUL, c, x);
        return Autograd.record("mul_scalar", out, (g, needs) -> new Tensor[] {g.mul(c)}, x);
    }

    static Tensor exp(Tensor x) {
        Tensor out = unary(Unary.EXP, 0, x);
        return Autograd.record("exp", out, (g, needs) -> new Tensor[] {g.mul(out)}, x);
    }

    static Tensor log(Tensor x) {
        Tensor out = unary(Unary.LOG, 0, x);
        return Autograd.record("log", out, (g, needs) -> new Tensor[] {g.div(x)}, x);
    }

    static Tensor sqrt(Tensor x) {
        Tensor out = unary(Unary.SQRT, 0, x);
        return Autograd.record("sqrt", out, (g, needs) -> new Tensor[] {grad(Binary.HALF_DIV, 0, g, out)}, x);
    }

    static Tensor pow(Tensor x, double p) {
        Tensor out = unary(Unary.POW, p, x);
        return Autograd.record("pow", out, (g, needs) -> new Tensor[] {grad(Binary.POW_GRAD, p, g, x)}, x);
    }

    static Tensor abs(Tensor x) {
        Tensor out = unary(Unary.ABS, 0, x);
        return Autograd.record("abs", out, (g, needs) -> new Tensor[] {grad(Binary.SIGN_MUL, 0, g, x)}, x);
    }

    static Tensor maximumScalar(Tensor x, double c) {
        Tensor out = unary(Unary.MAX, c, x);
        return Autograd.record("maximum_scalar", out, (g, needs) -> new Tensor[] {
            grad(Binary.PASS_IF_ABOVE, c, g, x)}, x);
    }

    static Tensor maximum(Tensor a, Tensor b) {
        Tensor out = binary("maximum", "vs", Binary.MAX, 0, a, b);
        return Autograd.record("maximum", out, (g, needs) -> new Tensor[] {
            needs[0] ? ReduceOps.reduceToShape(g.mul(binary("maximum", "vs", Binary.WIN_SHARE, 0, a, b)), a.shapeRef()) : null,
            needs[1] ? ReduceOps.reduceToShape(g.mul(binary("maximum", "vs", Binary.WIN_SHARE, 0, b, a)), b.shapeRef()) : null},
            a, b);
    }

    /** A mask from a comparison; masks are constants, never part of the graph. */
    static Tensor compare(String name, String symbol, Binary test, Tensor a, Tensor b) {
        return binary(name, symbol, test, 0, a, b);
    }

    static Tensor where(Tensor mask, Tensor a, Tensor b) {
        Shapes.sameDType("where", a, b);
        Shapes.sameDType("where", mask, a);
        int[] shape = Shapes.broadcast("where", "|", Shapes.broadcast("where", "|", mask.shapeRef(), a.shapeRef()), b.shapeRef());
        Tensor m = ShapeOps.broadcastData(mask, shape);
        Tensor fromA = binary("where", "", Binary.KEEP_WHERE_SET, 0, m, a);
        Tensor fromB = binary("where", "", Binary.KEEP_WHERE_CLEAR, 0, m, b);
        Tensor out = binary("where", "", Binary.ADD, 0, fromA, fromB);
        return Autograd.record("where", out, (g, needs) -> new Tensor[] {
            null,
            needs[1] ? ReduceOps.reduceToShape(binary("where", "", Binary.KEEP_WHERE_SET, 0, m, g), a.shapeRef()) : null,
            needs[2] ? ReduceOps.reduceToShape(binary("where", "", Binary.KEEP_WHERE_CLEAR, 0, m, g), b.shapeRef()) : null},
            mask, a, b);
    }

    static Tensor to(Tensor x, DType target) {
        Tensor out = Tensor.empty(target, x.shapeRef());
        if (target == x.dtype()) {
            System.arraycopy(x.storage(), 0, out.storage(), 0, x.numel());
        } else if (target == DType.F64) {
            float[] src = x.floatArray();
            double[] dst = out.doubleArray();
            for (int i = 0; i < src.length; i++) {
                dst[i] = src[i];
            }
        } else {
            double[] src = x.doubleArray();
            float[] dst = out.floatArray();
            for (int i = 0; i < src.length; i++) {
                dst[i] = (float) src[i];
            }
        }
        DType source = x.dtype();
        return Autograd.record("to", out, (g, needs) -> new Tensor[] {g.to(source)}, x);
    }

    static Tensor copy(Tensor x) {
        return Autograd.record("copy", x.copyData(), (g, needs) -> new Tensor[] {g}, x);
    }
}
