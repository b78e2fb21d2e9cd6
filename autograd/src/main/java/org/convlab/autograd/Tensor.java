package org.convlab.autograd;

import java.util.Arrays;

/**
 * An n-dimensional array of {@code float} ({@link DType#F32}) or {@code double} ({@link DType#F64})
 * in contiguous row-major storage, and a node of the reverse-mode autograd graph.
 *
 * <p>Operations build the graph as they run (define-by-run): when any input
 * {@linkplain #requiresGrad() requires grad} and grad mode is on (see {@link NoGrad}), the result
 * remembers the op that made it. {@link #backward()} then walks the graph once in reverse
 * topological order and <em>accumulates</em> gradients into the {@link #grad()} of every leaf that
 * requires grad: calling backward twice adds the gradients up, as in PyTorch; clear them with
 * {@link #zeroGrad()}.
 *
 * <p>Binary elementwise ops broadcast like numpy. Shapes and dtypes are checked, and a mismatch
 * throws an {@link IllegalArgumentException} naming the op, both shapes and the rule broken.
 * {@link #reshape}, {@link #flatten()} and {@link #detach()} share storage with their source, like
 * PyTorch views; every other op returns fresh storage.
 */
public final class Tensor {
    private final DType dtype;
    private final int[] shape;
    private final float[] floats;
    private final double[] doubles;

    private boolean requiresGrad;
    private Tensor grad;
    private Node gradFn;
    private boolean retainsGrad;
    private String name;

    Tensor(DType dtype, int[] shape, Object storage) {
        this.dtype = dtype;
        this.shape = shape;
        this.floats = dtype == DType.F32 ? (float[]) storage : null;
        this.doubles = dtype == DType.F64 ? (double[]) storage : null;
    }

    /** A zero-filled tensor; the shape is trusted (callers have checked it). */
    static Tensor empty(DType dtype, int... shape) {
        int n = Shapes.numel(shape);
        return new Tensor(dtype, shape, dtype == DType.F32 ? new float[n] : new double[n]);
    }

    // ------------------------------------------------------------------ factories

    /** A float32 tensor of zeros. */
    public static Tensor zeros(int... shape) {
        return zeros(DType.F32, shape);
    }

    /** A tensor of zeros. */
    public static Tensor zeros(DType dtype, int... shape) {
        return empty(dtype, Shapes.checkShape("zeros", shape));
    }

    /** A float32 tensor of ones. */
    public static Tensor ones(int... shape) {
        return full(DType.F32, 1.0, shape);
    }

    /** A tensor of ones. */
    public static Tensor ones(DType dtype, int... shape) {
        return full(dtype, 1.0, shape);
    }

    /** A tensor filled with {@code value}. */
    public static Tensor full(DType dtype, double value, int... shape) {
        Tensor t = empty(dtype, Shapes.checkShape("full", shape));
        t.fill(value);
        return t;
    }

    /** A float32 tensor holding a copy of {@code values} in row-major order. */
    public static Tensor of(float[] values, int... shape) {
        int[] s = checkData("of", values.length, shape);
        return new Tensor(DType.F32, s, values.clone());
    }

    /** A float64 tensor holding a copy of {@code values} in row-major order. */
    public static Tensor of(double[] values, int... shape) {
        int[] s = checkData("of", values.length, shape);
        return new Tensor(DType.F64, s, values.clone());
    }

    /** A tensor of the given dtype holding {@code values} (converted) in row-major order. */
    public static Tensor of(DType dtype, double[] values, int... shape) {
        return of(values, shape).to(dtype);
    }

    /** A 1-D tensor with the given values; float64 to keep them exact. */
    public static Tensor vector(double... values) {
        return of(values, values.length);
    }

    /** A 0-dimensional (scalar) tensor. */
    public static Tensor scalar(DType dtype, double value) {
        Tensor t = empty(dtype);
        t.fill(value);
        return t;
    }

    private static int[] checkData(String op, int length, int[] shape) {
        int[] s = shape.length == 0 && length != 1 ? new int[] {length} : Shapes.checkShape(op, shape);
        if (Shapes.numel(s) != length) {
            throw Shapes.error(op, "data length does not match the shape",
                    length + " values for shape " + Shapes.str(s) + " (" + Shapes.numel(s) + " elements)");
        }
        return s;
    }

    /** Values {@code start, start+step, ...} below {@code stop} (numpy's arange), as a 1-D tensor. */
    public static Tensor arange(DType dtype, double start, double stop, double step) {
        if (step == 0 || Double.isNaN(step)) {
            throw Shapes.error("arange", "step must be non-zero", "got " + step);
        }
        int n = (int) Math.ceil((stop - start) / step);
        if (n <= 0) {
            throw Shapes.error("arange", "the range is empty", "start " + start + ", stop " + stop + ", step " + step);
        }
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = start + i * step;
        }
        return of(dtype, v, n);
    }

    /** {@code 0, 1, ..., n-1} as a float32 1-D tensor. */
    public static Tensor arange(int n) {
        return arange(DType.F32, 0, n, 1);
    }

    /**
     * {@code n} evenly spaced values from {@code start} to {@code stop} inclusive, with numpy's
     * semantics: element i is {@code start + i·(stop−start)/(n−1)} and the last is exactly stop.
     */
    public static Tensor linspace(DType dtype, double start, double stop, int n) {
        if (n <= 0) {
            throw Shapes.error("linspace", "the number of points must be positive", "got " + n);
        }
        double[] v = new double[n];
        double step = n > 1 ? (stop - start) / (n - 1) : 0;
        for (int i = 0; i < n; i++) {
            v[i] = start + i * step;
        }
        if (n > 1) {
            v[n - 1] = stop;
        }
        return of(dtype, v, n);
    }

    /** The n×n identity matrix. */
    public static Tensor eye(DType dtype, int n) {
        Tensor t = zeros(dtype, n, n);
        for (int i = 0; i < n; i++) {
            t.setFlat(i * n + i, 1.0);
        }
        return t;
    }

    /** Uniform samples in [0, 1) from the given seed. */
    public static Tensor rand(DType dtype, long seed, int... shape) {
        return uniform(dtype, new Rng(seed), 0, 1, shape);
    }

    /** Uniform samples in [low, high) drawn from {@code rng}. */
    public static Tensor uniform(DType dtype, Rng rng, double low, double high, int... shape) {
        Tensor t = zeros(dtype, shape);
        for (int i = 0; i < t.numel(); i++) {
            t.setFlat(i, rng.uniform(low, high));
        }
        return t;
    }

    /** Standard normal samples from the given seed. */
    public static Tensor randn(DType dtype, long seed, int... shape) {
        return randn(dtype, new Rng(seed), shape);
    }

    /** Standard normal samples drawn from {@code rng}. */
    public static Tensor randn(DType dtype, Rng rng, int... shape) {
        Tensor t = zeros(dtype, shape);
        for (int i = 0; i < t.numel(); i++) {
            t.setFlat(i, rng.nextGaussian());
        }
        return t;
    }

    // ------------------------------------------------------------------ metadata and data access

    /** The element type. */
    public DType dtype() {
        return dtype;
    }

    /** A copy of the shape. */
    public int[] shape() {
        return shape.clone();
    }

    int[] shapeRef() {
        return shape;
    }

    /** The number of dimensions (0 for a scalar). */
    public int dim() {
        return shape.length;
    }

    /** The length of one axis; negative axes count from the end. */
    public int size(int axis) {
        return shape[Shapes.axis("size", axis, shape.length)];
    }

    /** The number of elements. */
    public int numel() {
        return floats != null ? floats.length : doubles.length;
    }

    /**
     * The live float32 storage, row-major. Writing to it changes this tensor (and every tensor that
     * shares its storage) without the autograd graph knowing: do it only inside {@link NoGrad}.
     */
    public float[] floatArray() {
        if (floats == null) {
            throw Shapes.error("floatArray", "tensor is not F32", "it is " + dtype + "; use doubleArray() or to(DType.F32)");
        }
        return floats;
    }

    /** The live float64 storage, row-major; see {@link #floatArray()}. */
    public double[] doubleArray() {
        if (doubles == null) {
            throw Shapes.error("doubleArray", "tensor is not F64", "it is " + dtype + "; use floatArray() or to(DType.F64)");
        }
        return doubles;
    }

    Object storage() {
        return floats != null ? floats : doubles;
    }

    /** A copy of the values as floats. */
    public float[] toFloatArray() {
        if (floats != null) {
            return floats.clone();
        }
        float[] r = new float[doubles.length];
        for (int i = 0; i < r.length; i++) {
            r[i] = (float) doubles[i];
        }
        return r;
    }

    /** A copy of the values as doubles. */
    public double[] toDoubleArray() {
        if (doubles != null) {
            return doubles.clone();
        }
        double[] r = new double[floats.length];
        for (int i = 0; i < r.length; i++) {
            r[i] = floats[i];
        }
        return r;
    }

    /** The values rounded to ints, e.g. the class indices returned by {@link #argmax}. */
    public int[] toIntArray() {
        int[] r = new int[numel()];
        for (int i = 0; i < r.length; i++) {
            r[i] = (int) Math.round(getFlat(i));
        }
        return r;
    }

    /** The value at a multi-index (negative indices count from the end). */
    public double get(int... index) {
        return getFlat(flatIndex("get", index));
    }

    /** Sets the value at a multi-index; only outside grad mode or on tensors that do not require grad. */
    public void set(double value, int... index) {
        checkInPlace("set");
        setFlat(flatIndex("set", index), value);
    }

    /** The value at a row-major position. */
    public double getFlat(int i) {
        return floats != null ? floats[i] : doubles[i];
    }

    void setFlat(int i, double v) {
        if (floats != null) {
            floats[i] = (float) v;
        } else {
            doubles[i] = v;
        }
    }

    int flatIndex(String op, int[] index) {
        if (index.length != shape.length) {
            throw Shapes.error(op, "wrong number of indices",
                    index.length + " indices for shape " + Shapes.str(shape));
        }
        int flat = 0;
        for (int i = 0; i < shape.length; i++) {
            int ix = index[i] < 0 ? index[i] + shape[i] : index[i];
            if (ix < 0 || ix >= shape[i]) {
                throw Shapes.error(op, "index out of range",
                        "index " + Arrays.toString(index) + " for shape " + Shapes.str(shape));
            }
            flat = flat * shape[i] + ix;
        }
        return flat;
    }

    /** The single value of a one-element tensor. */
    public double item() {
        if (numel() != 1) {
            throw Shapes.error("item", "tensor must have exactly one element", "shape " + Shapes.str(shape));
        }
        return getFlat(0);
    }

    /** An optional name shown in graph dumps and gradient-check reports. */
    public String name() {
        return name;
    }

    /** Sets the name shown in graph dumps and reports; returns this tensor. */
    public Tensor named(String newName) {
        this.name = newName;
        return this;
    }

    // ------------------------------------------------------------------ autograd

    /** Whether gradients flow to or through this tensor. */
    public boolean requiresGrad() {
        return requiresGrad;
    }

    /**
     * Marks a leaf tensor as a variable whose gradient {@link #backward()} should compute; returns
     * this tensor.
     */
    public Tensor requiresGrad(boolean flag) {
        if (gradFn != null && !flag) {
            throw Shapes.error("requiresGrad", "cannot turn off requiresGrad of a non-leaf tensor",
                    "it was made by " + gradFn.op() + "; use detach()");
        }
        this.requiresGrad = flag;
        return this;
    }

    /** The accumulated gradient, or null before any backward pass reached this tensor. */
    public Tensor grad() {
        return grad;
    }

    /** Replaces the gradient (e.g. to restore optimizer or checkpoint state). */
    public void setGrad(Tensor g) {
        if (g != null) {
            Shapes.same("setGrad", "gradient", shape, g.shape);
            Shapes.sameDType("setGrad", this, g);
        }
        this.grad = g;
    }

    /** Clears the accumulated gradient. */
    public void zeroGrad() {
        this.grad = null;
    }

    /** The node of the op that produced this tensor, or null for a leaf. */
    public Node gradFn() {
        return gradFn;
    }

    /** True for tensors not produced by a recorded op (inputs, parameters, constants). */
    public boolean isLeaf() {
        return gradFn == null;
    }

    /** Asks backward to also store this intermediate tensor's gradient in {@link #grad()}; returns this. */
    public Tensor retainGrad() {
        this.retainsGrad = true;
        return this;
    }

    boolean retainsGrad() {
        return retainsGrad;
    }

    void attach(Node node) {
        this.gradFn = node;
        this.requiresGrad = true;
    }

    void accumulateGrad(Tensor g) {
        if (grad == null) {
            grad = g.dtype == dtype ? g.copyData() : g.to(dtype);
        } else {
            dtype.loops().axpy(1.0, g, grad);
        }
    }

    /** Backpropagates from this scalar: fills the grad of every leaf that requires grad. */
    public void backward() {
        Autograd.backward(this, null);
    }

    /** Backpropagates {@code upstream} (same shape as this tensor) through the graph. */
    public void backward(Tensor upstream) {
        Autograd.backward(this, upstream);
    }

    /** A tensor sharing this one's storage, cut off from the graph. */
    public Tensor detach() {
        return new Tensor(dtype, shape, storage());
    }

    // ------------------------------------------------------------------ in-place updates

    private void checkInPlace(String op) {
        if (requiresGrad && Autograd.isGradEnabled()) {
            throw Shapes.error(op, "in-place change of a tensor that requires grad",
                    "shape " + Shapes.str(shape) + "; do it inside NoGrad (optimizer steps do)");
        }
    }

    /** Sets every element to {@code value}; returns this tensor. */
    public Tensor fill(double value) {
        checkInPlace("fill");
        dtype.loops().fill(this, value);
        return this;
    }

    /** Copies the values of a same-shaped tensor into this one; returns this tensor. */
    public Tensor copyFrom(Tensor src) {
        checkInPlace("copyFrom");
        Shapes.same("copyFrom", "source", shape, src.shape);
        if (src.dtype == dtype) {
            System.arraycopy(src.storage(), 0, storage(), 0, numel());
        } else {
            System.arraycopy(src.to(dtype).storage(), 0, storage(), 0, numel());
        }
        return this;
    }

    /** {@code this += alpha·other} for a same-shaped tensor; returns this tensor. */
    public Tensor addInPlace(double alpha, Tensor other) {
        checkInPlace("addInPlace");
        Shapes.same("addInPlace", "operand", shape, other.shape);
        Shapes.sameDType("addInPlace", this, other);
        dtype.loops().axpy(alpha, other, this);
        return this;
    }

    /** {@code this *= factor}; returns this tensor. */
    public Tensor mulInPlace(double factor) {
        checkInPlace("mulInPlace");
        dtype.loops().unary(Loops.Unary.MUL, factor, this, this);
        return this;
    }

    // ------------------------------------------------------------------ elementwise primitives

    /** Elementwise sum with broadcasting. */
    public Tensor add(Tensor other) {
        return PointwiseOps.add(this, other);
    }

    /** Adds a scalar. */
    public Tensor add(double value) {
        return PointwiseOps.addScalar(this, value);
    }

    /** Elementwise difference with broadcasting. */
    public Tensor sub(Tensor other) {
        return PointwiseOps.sub(this, other);
    }

    /** Subtracts a scalar. */
    public Tensor sub(double value) {
        return PointwiseOps.addScalar(this, -value);
    }

    /** Elementwise product with broadcasting. */
    public Tensor mul(Tensor other) {
        return PointwiseOps.mul(this, other);
    }

    /** Multiplies by a scalar. */
    public Tensor mul(double value) {
        return PointwiseOps.mulScalar(this, value);
    }

    /** Elementwise quotient with broadcasting. */
    public Tensor div(Tensor other) {
        return PointwiseOps.div(this, other);
    }

    /** Divides by a scalar. */
    public Tensor div(double value) {
        return PointwiseOps.mulScalar(this, 1.0 / value);
    }

    /** {@code -x}. */
    public Tensor neg() {
        return PointwiseOps.mulScalar(this, -1.0);
    }

    /** {@code e^x}. */
    public Tensor exp() {
        return PointwiseOps.exp(this);
    }

    /** Natural logarithm. */
    public Tensor log() {
        return PointwiseOps.log(this);
    }

    /** Square root. */
    public Tensor sqrt() {
        return PointwiseOps.sqrt(this);
    }

    /** {@code x^exponent} for a scalar exponent. */
    public Tensor pow(double exponent) {
        return PointwiseOps.pow(this, exponent);
    }

    /** Absolute value (gradient 0 at 0). */
    public Tensor abs() {
        return PointwiseOps.abs(this);
    }

    /** {@code max(x, value)}: ReLU is {@code maximum(0)}; the gradient flows where {@code x > value}. */
    public Tensor maximum(double value) {
        return PointwiseOps.maximumScalar(this, value);
    }

    /** Elementwise maximum with broadcasting; ties split the gradient evenly. */
    public Tensor maximum(Tensor other) {
        return PointwiseOps.maximum(this, other);
    }

    /** Mask of {@code x > other} (1 where true, 0 elsewhere); not differentiable. */
    public Tensor gt(Tensor other) {
        return PointwiseOps.compare("gt", ">", Loops.Binary.GT, this, other);
    }

    /** Mask of {@code x > value}. */
    public Tensor gt(double value) {
        return gt(Tensor.scalar(dtype, value));
    }

    /** Mask of {@code x >= other}. */
    public Tensor ge(Tensor other) {
        return PointwiseOps.compare("ge", ">=", Loops.Binary.GE, this, other);
    }

    /** Mask of {@code x >= value}. */
    public Tensor ge(double value) {
        return ge(Tensor.scalar(dtype, value));
    }

    /** Mask of {@code x < other}. */
    public Tensor lt(Tensor other) {
        return PointwiseOps.compare("lt", "<", Loops.Binary.LT, this, other);
    }

    /** Mask of {@code x < value}. */
    public Tensor lt(double value) {
        return lt(Tensor.scalar(dtype, value));
    }

    /** Mask of {@code x <= other}. */
    public Tensor le(Tensor other) {
        return PointwiseOps.compare("le", "<=", Loops.Binary.LE, this, other);
    }

    /** Mask of {@code x <= value}. */
    public Tensor le(double value) {
        return le(Tensor.scalar(dtype, value));
    }

    /** Mask of {@code x == other}. */
    public Tensor eq(Tensor other) {
        return PointwiseOps.compare("eq", "==", Loops.Binary.EQ, this, other);
    }

    /** Mask of {@code x == value}. */
    public Tensor eq(double value) {
        return eq(Tensor.scalar(dtype, value));
    }

    /** Picks {@code a} where {@code mask} is non-zero and {@code b} elsewhere, with broadcasting. */
    public static Tensor where(Tensor mask, Tensor a, Tensor b) {
        return PointwiseOps.where(mask, a, b);
    }

    /** A copy with the given dtype (differentiable; the gradient is converted back). */
    public Tensor to(DType target) {
        return PointwiseOps.to(this, target);
    }

    /** A differentiable copy with its own storage. */
    public Tensor copy() {
        return PointwiseOps.copy(this);
    }

    /** Same storage under another shape of equal size, without recording; the shape is trusted. */
    Tensor reshapeData(int[] newShape) {
        return new Tensor(dtype, newShape, storage());
    }

    Tensor copyData() {
        Tensor t = empty(dtype, shape);
        System.arraycopy(storage(), 0, t.storage(), 0, numel());
        return t;
    }

    // ------------------------------------------------------------------ reductions

    /** Sum of all elements, as a scalar tensor. */
    public Tensor sum() {
        return ReduceOps.sum(this, allAxes(), false);
    }

    /** Sum over one axis. */
    public Tensor sum(int axis, boolean keepdim) {
        return ReduceOps.sum(this, new int[] {axis}, keepdim);
    }

    /** Sum over several axes. */
    public Tensor sum(int[] axes, boolean keepdim) {
        return ReduceOps.sum(this, axes, keepdim);
    }

    /** Mean of all elements. */
    public Tensor mean() {
        return ReduceOps.mean(this, allAxes(), false);
    }

    /** Mean over one axis. */
    public Tensor mean(int axis, boolean keepdim) {
        return ReduceOps.mean(this, new int[] {axis}, keepdim);
    }

    /** Mean over several axes. */
    public Tensor mean(int[] axes, boolean keepdim) {
        return ReduceOps.mean(this, axes, keepdim);
    }

    /** Maximum of all elements; the gradient goes to the first maximum. */
    public Tensor max() {
        return ReduceOps.max(reshape(-1), 0, false);
    }

    /** Maximum over an axis; the gradient goes to the first maximum of each slice. */
    public Tensor max(int axis, boolean keepdim) {
        return ReduceOps.max(this, axis, keepdim);
    }

    /** Index of the first maximum along an axis, as exact integer values of this dtype. */
    public Tensor argmax(int axis, boolean keepdim) {
        return ReduceOps.argmax(this, axis, keepdim);
    }

    /** {@code log(sum(exp(x)))} over an axis, computed stably by subtracting the maximum first. */
    public Tensor logSumExp(int axis, boolean keepdim) {
        return ReduceOps.logSumExp(this, axis, keepdim);
    }

    private int[] allAxes() {
        int[] axes = new int[shape.length];
        for (int i = 0; i < axes.length; i++) {
            axes[i] = i;
        }
        return axes;
    }

    // ------------------------------------------------------------------ linear algebra

    /**
     * Matrix product: (m, k) @ (k, n), or batched (..., m, k) @ (..., k, n) with numpy broadcasting
     * of the batch axes.
     */
    public Tensor matmul(Tensor other) {
        return MatmulOp.matmul(this, other);
    }

    // ------------------------------------------------------------------ shape primitives

    /** Same data, new shape; one dimension may be -1 and is inferred. Shares storage. */
    public Tensor reshape(int... newShape) {
        return ShapeOps.reshape(this, newShape);
    }

    /** A 1-D view of all elements. */
    public Tensor flatten() {
        return reshape(-1);
    }

    /** Keeps axis 0 and flattens the rest row-major: (N, d1, ..., dk) becomes (N, d1·...·dk). */
    public Tensor flattenFrom1() {
        return reshape(shape[0], -1);
    }

    /** Inserts an axis of length 1. */
    public Tensor unsqueeze(int axis) {
        int a = axis < 0 ? axis + shape.length + 1 : axis;
        if (a < 0 || a > shape.length) {
            throw Shapes.error("unsqueeze", "axis out of range", "axis " + axis + " for shape " + Shapes.str(shape));
        }
        int[] s = new int[shape.length + 1];
        for (int i = 0, j = 0; i < s.length; i++) {
            s[i] = i == a ? 1 : shape[j++];
        }
        return reshape(s);
    }

    /** Removes an axis of length 1. */
    public Tensor squeeze(int axis) {
        int a = Shapes.axis("squeeze", axis, shape.length);
        if (shape[a] != 1) {
            throw Shapes.error("squeeze", "axis does not have length 1", "axis " + axis + " of " + Shapes.str(shape));
        }
        int[] s = new int[shape.length - 1];
        for (int i = 0, j = 0; i < shape.length; i++) {
            if (i != a) {
                s[j++] = shape[i];
            }
        }
        return reshape(s);
    }

    /** Reorders the axes: output axis i is input axis {@code order[i]}. */
    public Tensor permute(int... order) {
        return ShapeOps.permute(this, order);
    }

    /** Swaps two axes. */
    public Tensor transpose(int axisA, int axisB) {
        int a = Shapes.axis("transpose", axisA, shape.length);
        int b = Shapes.axis("transpose", axisB, shape.length);
        int[] order = allAxes();
        order[a] = b;
        order[b] = a;
        return permute(order);
    }

    /** The transpose of a matrix. */
    public Tensor transpose() {
        Shapes.rank("transpose", "input", this, 2);
        return permute(1, 0);
    }

    /** Elements {@code start} (inclusive) to {@code end} (exclusive) along an axis; negatives count from the end. */
    public Tensor slice(int axis, int start, int end) {
        return ShapeOps.slice(this, axis, start, end);
    }

    /**
     * Pads with a constant: {@code pads} holds (before, after) pairs for the trailing axes, the last
     * axis first, as in PyTorch's {@code F.pad}: {@code pad(0, 1, 1, 2, 2)} pads W by 1 and H by 2.
     */
    public Tensor pad(double value, int... pads) {
        return ShapeOps.pad(this, value, pads);
    }

    /** Joins tensors of equal shape except along {@code axis}. */
    public static Tensor concat(int axis, Tensor... tensors) {
        return ShapeOps.concat(axis, tensors);
    }

    // ------------------------------------------------------------------ indexing

    /** For a 2-D tensor (N, C): element {@code [i, indices[i]]} of every row, shape (N). */
    public Tensor pick(int... indices) {
        return IndexOps.pick(this, indices);
    }

    /** The slices at {@code indices} along an axis, in that order (repeats allowed). */
    public Tensor indexSelect(int axis, int... indices) {
        return IndexOps.indexSelect(this, axis, indices);
    }

    // ------------------------------------------------------------------ windows (im2col / col2im)

    /**
     * im2col: from (N, C, H, W) to (N, C·kh·kw, OH·OW), each column a receptive field in (c, i, j)
     * order, with zero padding; OH = 1 + (H + 2·pad − kh)/stride.
     */
    public Tensor unfold(int kh, int kw, int stride, int pad) {
        return WindowOps.unfold(this, kh, kw, stride, pad);
    }

    /** col2im, the adjoint of {@link #unfold}: sums the columns back into (N, C, H, W). */
    public Tensor fold(int channels, int height, int width, int kh, int kw, int stride, int pad) {
        return WindowOps.fold(this, channels, height, width, kh, kw, stride, pad);
    }

    // ------------------------------------------------------------------ comparison

    /** numpy's allclose: {@code |x − y| ≤ atol + rtol·|y|} everywhere, shapes equal. */
    public boolean allClose(Tensor other, double rtol, double atol) {
        if (!Arrays.equals(shape, other.shape)) {
            return false;
        }
        for (int i = 0; i < numel(); i++) {
            double x = getFlat(i);
            double y = other.getFlat(i);
            if (!(Math.abs(x - y) <= atol + rtol * Math.abs(y)) && !(x == y)) {
                return false;
            }
        }
        return true;
    }

    /** CS231n's relative error: {@code max(|x − y| / max(1e-8, |x| + |y|))}. */
    public double maxRelError(Tensor other) {
        Shapes.same("maxRelError", "other", shape, other.shape);
        double worst = 0;
        for (int i = 0; i < numel(); i++) {
            worst = Math.max(worst, relError(getFlat(i), other.getFlat(i)));
        }
        return worst;
    }

    /** CS231n's relative error of two numbers: {@code |x − y| / max(1e-8, |x| + |y|)}. */
    public static double relError(double x, double y) {
        double e = Math.abs(x - y) / Math.max(1e-8, Math.abs(x) + Math.abs(y));
        return Double.isNaN(e) ? Double.POSITIVE_INFINITY : e;
    }

    /** The shape as text, e.g. {@code [64, 3, 32, 32]}. */
    public String shapeString() {
        return Shapes.str(shape);
    }

    /** numpy-like text: values (summarised when large), dtype, and the grad function if any. */
    @Override
    public String toString() {
        return TensorFormat.format(this);
    }
}
