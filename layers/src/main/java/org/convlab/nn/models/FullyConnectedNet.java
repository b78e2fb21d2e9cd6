package org.convlab.nn.models;

import java.util.Arrays;

import org.convlab.autograd.Rng;
import org.convlab.autograd.Shapes;
import org.convlab.autograd.Tensor;
import org.convlab.nn.F;
import org.convlab.nn.Init;

/**
 * CS231n's fully-connected network: {affine – [batchnorm] – ReLU – [dropout]} × (L − 1) – affine –
 * softmax. Parameters W1…WL, b1…bL, and with batchnorm gamma1…, beta1… (buffers runningMean1…,
 * runningVar1…). Dropout keeps each unit with probability {@code dropoutKeep} (1 disables it).
 */
public final class FullyConnectedNet extends Model {
    private final int[] hidden;
    private final boolean batchNorm;
    private final double dropoutKeep;
    private final Rng dropoutMasks;

    private FullyConnectedNet(Builder b) {
        super(b.inputShape, b.classes, b.reg);
        if (b.hidden.length == 0) {
            throw new IllegalArgumentException("FullyConnectedNet: at least one hidden layer is required");
        }
        if (!(b.dropoutKeep > 0 && b.dropoutKeep <= 1)) {
            throw new IllegalArgumentException("FullyConnectedNet: dropoutKeep must be in (0, 1], got " + b.dropoutKeep);
        }
        this.hidden = b.hidden.clone();
        this.batchNorm = b.batchNorm;
        this.dropoutKeep = b.dropoutKeep;
        this.dropoutMasks = new Rng(b.seed ^ 0x5DEECE66DL);
        Init init = b.initializer();
        Rng rng = new Rng(b.seed);
        int in = Shapes.numel(inputShape());
        int[] sizes = Arrays.copyOf(hidden, hidden.length + 1);
        sizes[hidden.length] = classes();
        for (int i = 0; i < sizes.length; i++) {
            int layer = i + 1;
            registerParameter("W" + layer, init.weights(b.dtype, rng, in, sizes[i], in, sizes[i]));
            registerParameter("b" + layer, Tensor.zeros(b.dtype, sizes[i]));
            if (batchNorm && i < hidden.length) {
                registerParameter("gamma" + layer, Tensor.ones(b.dtype, sizes[i]));
                registerParameter("beta" + layer, Tensor.zeros(b.dtype, sizes[i]));
                registerBuffer("runningMean" + layer, Tensor.zeros(b.dtype, sizes[i]));
                registerBuffer("runningVar" + layer, Tensor.zeros(b.dtype, sizes[i]));
            }
            in = sizes[i];
        }
    }

    /** A builder; hidden sizes are required. */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public Tensor scores(Tensor x) {
        Tensor h = x;
        for (int layer = 1; layer <= hidden.length; layer++) {
            h = F.affine(h, parameter("W" + layer), parameter("b" + layer));
            if (batchNorm) {
                h = F.batchNorm(h, parameter("gamma" + layer), parameter("beta" + layer), buffer("runningMean" + layer),
                        buffer("runningVar" + layer), isTraining(), 0.9, 1e-5);
            }
            h = F.relu(h);
            if (dropoutKeep < 1) {
                h = F.dropout(h, dropoutKeep, isTraining(), dropoutMasks.nextLong());
            }
        }
        int last = hidden.length + 1;
        return F.affine(h, parameter("W" + last), parameter("b" + last));
    }

    @Override
    protected String extraRepr() {
        return "input=" + Shapes.str(inputShape()) + ", hidden=" + Arrays.toString(hidden) + ", classes=" + classes()
                + (batchNorm ? ", batchnorm" : "") + (dropoutKeep < 1 ? ", dropout keep=" + dropoutKeep : "") + ", reg=" + reg();
    }

    /** Options of a {@link FullyConnectedNet}, with CS231n's defaults. */
    public static final class Builder extends ModelOptions<Builder> {
        private int[] hidden = {};
        private boolean batchNorm;
        private double dropoutKeep = 1;

        private Builder() {
            super(1e-2);
        }

        @Override
        protected Builder self() {
            return this;
        }

        /** Sizes of the hidden layers (required). */
        public Builder hidden(int... sizes) {
            this.hidden = sizes.clone();
            return this;
        }

        /** Adds batch normalisation after each hidden affine layer. */
        public Builder batchNorm(boolean value) {
            this.batchNorm = value;
            return this;
        }

        /** Probability of keeping a hidden unit; 1 (the default) disables dropout. */
        public Builder dropoutKeep(double value) {
            this.dropoutKeep = value;
            return this;
        }

        /** The network. */
        public FullyConnectedNet build() {
            return new FullyConnectedNet(this);
        }
    }
}
