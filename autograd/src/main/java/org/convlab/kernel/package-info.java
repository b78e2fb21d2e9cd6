/**
 * Compute kernels shared by every convlab operation: the persistent thread pool {@link
 * org.convlab.kernel.Parallel} and the packed, register-tiled GEMM ({@link org.convlab.kernel.FloatGemm},
 * {@link org.convlab.kernel.DoubleGemm}) with its operand packing contract ({@link
 * org.convlab.kernel.FloatOperand}, {@link org.convlab.kernel.DoubleOperand}).
 *
 * <p>Classes that exist once per precision are generated from the templates in
 * {@code src/main/templates}: {@code TypeGemm.java.tmpl} becomes {@code FloatGemm} and {@code DoubleGemm},
 * and so on.
 */
package org.convlab.kernel;
