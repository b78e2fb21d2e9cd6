package org.convlab.nn.conv;

import org.convlab.autograd.DType;
import org.convlab.autograd.Tensor;
import org.convlab.nn.ConvGeometry;
import org.convlab.nn.PoolWindow;

/**
 * The fused convolution kernels of one precision, generated from {@code TypeConvolution.java.tmpl}:
 * they read and write the tensors' live storage and record nothing in the graph.
 */
interface ConvKernels {

    /** The kernels for tensors of {@code dtype}. */
    static ConvKernels of(DType dtype) {
        return dtype == DType.F32 ? FloatConvolution.INSTANCE : DoubleConvolution.INSTANCE;
    }

    /** Writes the convolution of x with filters w and bias b into out (N, F, H', W'). */
    void forward(ConvGeometry g, Tensor x, Tensor w, Tensor b, Tensor out);

    /**
     * Writes max-pool(ReLU(conv)) into out (N, F, pooled H, pooled W) and, for every output, the position
     * of the input that receives its gradient within the image's (F, H', W') convolution output, or -1 when
     * the ReLU blocks it.
     */
    void forwardReluPool(ConvGeometry g, PoolWindow pool, Tensor x, Tensor w, Tensor b, Tensor out, int[] argmax);

    /**
     * The gradients {dx, dW, db} of the convolution for the output gradient; an entry is null when
     * {@code needs} says the input needs none, and then nothing is computed for it.
     */
    Tensor[] backward(ConvGeometry g, Tensor x, Tensor w, Tensor gradOut, boolean[] needs);

    /** The gradients {dx, dW, db} of max-pool(ReLU(conv)), given the positions recorded by the forward pass. */
    Tensor[] backwardReluPool(ConvGeometry g, PoolWindow pool, Tensor x, Tensor w, Tensor gradOut, int[] argmax,
                              boolean[] needs);
}
