/**
 * Fused convolution: {@code conv2d} and the conv – ReLU – max-pool sandwich as single autograd nodes whose
 * forward and backward passes are GEMMs over im2col panels packed straight from the NCHW input. The
 * per-precision kernels are generated from the templates in {@code src/main/templates}
 * ({@code TypeConvolution.java.tmpl} becomes {@code FloatConvolution} and {@code DoubleConvolution}).
 */
package org.convlab.nn.conv;
