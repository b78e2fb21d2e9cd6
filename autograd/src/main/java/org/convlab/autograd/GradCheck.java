package org.convlab.autograd;

import java.util.ArrayList;
import java.util.List;

/**
 * Gradient checking: compares autograd's gradients with centred finite differences
 * {@code (f(x + h) − f(x − h)) / 2h}, coordinate by coordinate, for every input that requires grad.
 *
 * <pre>{@code
 * GradCheckReport r = GradCheck.check(in -> in[0].matmul(in[1]).maximum(0).sum(), x, w);
 * System.out.println(r);   // per input: max relative error, worst coordinate, verdict
 * }</pre>
 *
 * <p>Errors use CS231n's measure {@code |a − n| / max(1e-8, |a| + |n|)} and its rules of thumb:
 * below 1e-7 good; up to 1e-4 fine for functions with kinks (ReLU, max); above 1e-2 wrong. A
 * coordinate where the one-sided differences disagree has a kink inside {@code [x − h, x + h]}:
 * it is counted as a kink and left out of the verdict, since no finite difference is meaningful
 * there; so is a coordinate whose disagreement is below the finite difference's resolution (the
 * rounding error of f divided by h), which would otherwise fail tiny gradients of large functions.
 * The report still shows the raw maximum over all coordinates. Float32 is refused unless
 * explicitly allowed: its rounding error swamps the differences.
 */
public final class GradCheck {
    /** A function of the inputs that returns a scalar tensor. */
    @FunctionalInterface
    public interface ScalarFunction {
        /** Evaluates the function; must return a tensor with one element. */
        Tensor apply(Tensor... inputs);
    }

    /** A function of one tensor, for {@link #numericalGradient}. */
    @FunctionalInterface
    public interface TensorFunction {
        /** Evaluates the function. */
        Tensor apply(Tensor x);
    }

    /** CS231n's default step. */
    public static final double DEFAULT_H = 1e-5;

    private final double h;
    private final int samples;
    private final long seed;
    private final boolean allowFloat32;
    private final double tolerance;

    private GradCheck(Builder b) {
        this.h = b.h;
        this.samples = b.samples;
        this.seed = b.seed;
        this.allowFloat32 = b.allowFloat32;
        this.tolerance = b.tolerance;
    }

    /** A builder for non-default settings (step, sampling, float32, tolerance). */
    public static Builder builder() {
        return new Builder();
    }

    /** Checks every coordinate of every input that requires grad, with the default settings. */
    public static GradCheckReport check(ScalarFunction f, Tensor... inputs) {
        return builder().build().run(f, inputs);
    }

    /** Runs this configured check. */
    public GradCheckReport run(ScalarFunction f, Tensor... inputs) {
        List<Integer> checked = new ArrayList<>();
        for (int i = 0; i < inputs.length; i++) {
            Tensor x = inputs[i];
            if (x.dtype() == DType.F32 && !allowFloat32) {
                throw Shapes.error("GradCheck", "input " + label(x, i) + " is float32",
                        "finite differences in float32 are dominated by rounding error; convert with to(DType.F64), "
                                + "or use GradCheck.builder().allowFloat32(true) to check anyway");
            }
            if (x.requiresGrad()) {
                if (!x.isLeaf()) {
                    throw Shapes.error("GradCheck", "input " + label(x, i) + " is not a leaf",
                            "pass tensors created with requiresGrad(true), not results of ops");
                }
                checked.add(i);
            }
        }
        if (checked.isEmpty()) {
            throw Shapes.error("GradCheck", "no input requires grad", "mark the inputs to check with requiresGrad(true)");
        }
        Tensor out = f.apply(inputs);
        requireScalar(out);
        Tensor[] wrt = new Tensor[checked.size()];
        for (int j = 0; j < wrt.length; j++) {
            wrt[j] = inputs[checked.get(j)];
        }
        Tensor[] analytic = Autograd.grad(out, null, wrt);
        double f0 = out.item();
        List<GradCheckReport.Entry> entries = new ArrayList<>();
        for (int j = 0; j < wrt.length; j++) {
            entries.add(checkInput(f, inputs, checked.get(j), analytic[j], f0));
        }
        return new GradCheckReport(wrt[0].dtype(), h, entries);
    }

    private GradCheckReport.Entry checkInput(ScalarFunction f, Tensor[] inputs, int which, Tensor analytic, double f0) {
        Tensor x = inputs[which];
        int[] coords = coordinates(x.numel(), which);
        double worst = -1;
        double worstJudged = 0;
        int worstAt = coords[0];
        double worstAnalytic = 0;
        double worstNumeric = 0;
        int kinks = 0;
        try (NoGrad off = NoGrad.begin()) {
            for (int c : coords) {
                double old = x.getFlat(c);
                x.setFlat(c, old + h);
                double plus = f.apply(inputs).item();
                x.setFlat(c, old - h);
                double minus = f.apply(inputs).item();
                x.setFlat(c, old);
                double numeric = (plus - minus) / (2 * h);
                double a = analytic.getFlat(c);
                double err = Tensor.relError(a, numeric);
                boolean kink = isKink((f0 - minus) / h, (plus - f0) / h, f0);
                if (kink) {
                    kinks++;
                } else if (Math.abs(a - numeric) > resolution(plus, minus)) {
                    worstJudged = Math.max(worstJudged, err);
                }
                if (err > worst) {
                    worst = err;
                    worstAt = c;
                    worstAnalytic = a;
                    worstNumeric = numeric;
                }
            }
        }
        double limit = Double.isNaN(tolerance) ? (kinks > 0 ? GradCheckReport.Verdict.OK_WITH_KINKS.limit()
                : GradCheckReport.Verdict.GOOD.limit()) : tolerance;
        return new GradCheckReport.Entry(label(x, which), x.shape(), coords.length, x.numel(), worst,
                unravel(worstAt, x.shapeRef()), worstAnalytic, worstNumeric, kinks, worstJudged, limit);
    }

    /**
     * The smallest difference a centred difference can resolve: the rounding error of f(x ± h),
     * a few units in the last place, divided by the step. Smaller disagreements carry no evidence.
     */
    private double resolution(double plus, double minus) {
        return 8 * Math.ulp(Math.max(Math.abs(plus), Math.abs(minus))) / (2 * h);
    }

    /** One-sided differences that disagree beyond curvature and rounding mean a kink was crossed. */
    private static boolean isKink(double left, double right, double f0) {
        double gap = Math.abs(right - left);
        return gap > 1e-2 * Math.max(Math.abs(left), Math.abs(right)) && gap > 1e-8 * Math.max(1, Math.abs(f0));
    }

    private int[] coordinates(int n, int which) {
        if (samples <= 0 || samples >= n) {
            int[] all = new int[n];
            for (int i = 0; i < n; i++) {
                all[i] = i;
            }
            return all;
        }
        Rng rng = new Rng(seed + 31L * which);
        int[] perm = rng.permutation(n);
        int[] picked = java.util.Arrays.copyOf(perm, samples);
        java.util.Arrays.sort(picked);
        return picked;
    }

    private static int[] unravel(int flat, int[] shape) {
        int[] idx = new int[shape.length];
        for (int d = shape.length - 1; d >= 0; d--) {
            idx[d] = flat % shape[d];
            flat /= shape[d];
        }
        return idx;
    }

    private static String label(Tensor x, int index) {
        return x.name() != null ? x.name() : "#" + index;
    }

    private static void requireScalar(Tensor out) {
        if (out.numel() != 1) {
            throw Shapes.error("GradCheck", "the function must return a scalar",
                    "got shape " + out.shapeString() + "; reduce it, e.g. out.mul(randomWeights).sum()");
        }
    }

    /**
     * The numerical gradient of a scalar function at x by centred differences with step h, in C
     * order, like CS231n's {@code eval_numerical_gradient}. x is perturbed in place and restored.
     */
    public static Tensor numericalGradient(TensorFunction f, Tensor x) {
        return numericalGradient(f, x, null, DEFAULT_H);
    }

    /**
     * The numerical gradient of {@code sum(f(x) * upstream)} at x, like CS231n's
     * {@code eval_numerical_gradient_array(f, x, df)}; upstream may be null when f returns a scalar.
     */
    public static Tensor numericalGradient(TensorFunction f, Tensor x, Tensor upstream, double h) {
        Tensor grad = Tensor.zeros(x.dtype(), x.shapeRef());
        try (NoGrad off = NoGrad.begin()) {
            for (int c = 0; c < x.numel(); c++) {
                double old = x.getFlat(c);
                x.setFlat(c, old + h);
                double plus = project(f.apply(x), upstream);
                x.setFlat(c, old - h);
                double minus = project(f.apply(x), upstream);
                x.setFlat(c, old);
                grad.setFlat(c, (plus - minus) / (2 * h));
            }
        }
        return grad;
    }

    private static double project(Tensor out, Tensor upstream) {
        if (upstream == null) {
            requireScalar(out);
            return out.item();
        }
        Shapes.same("numericalGradient", "upstream gradient", out.shapeRef(), upstream.shapeRef());
        double s = 0;
        for (int i = 0; i < out.numel(); i++) {
            s += out.getFlat(i) * upstream.getFlat(i);
        }
        return s;
    }

    /** Settings for a {@link GradCheck}. */
    public static final class Builder {
        private double h = DEFAULT_H;
        private int samples;
        private long seed = 231;
        private boolean allowFloat32;
        private double tolerance = Double.NaN;

        private Builder() {
        }

        /** The finite-difference step (default 1e-5). */
        public Builder h(double step) {
            if (!(step > 0)) {
                throw new IllegalArgumentException("GradCheck: h must be positive, got " + step);
            }
            this.h = step;
            return this;
        }

        /** Checks only {@code k} coordinates of each input, chosen from {@code seed} (sampled mode for big tensors). */
        public Builder sampled(int k, long sampleSeed) {
            if (k <= 0) {
                throw new IllegalArgumentException("GradCheck: the number of sampled coordinates must be positive, got " + k);
            }
            this.samples = k;
            this.seed = sampleSeed;
            return this;
        }

        /** Allows float32 inputs (expect errors around 1e-2 from rounding alone). */
        public Builder allowFloat32(boolean allow) {
            this.allowFloat32 = allow;
            return this;
        }

        /**
         * The largest relative error that passes; by default 1e-7, or 1e-4 for an input where kinks
         * were crossed (the CS231n rules of thumb).
         */
        public Builder tolerance(double maxRelError) {
            this.tolerance = maxRelError;
            return this;
        }

        /** The configured check. */
        public GradCheck build() {
            return new GradCheck(this);
        }
    }
}
