/**
 * The convlab Jupyter kernel: {@link org.convlab.notebook.ConvlabKernel} (JShell in the kernel's JVM, on
 * jupyter-jvm-basekernel), the cell helpers in {@link org.convlab.notebook.Display}, the live views of training
 * and sweeps ({@link org.convlab.notebook.LiveTraining}, {@link org.convlab.notebook.LiveSweep}), the kernelspec
 * ({@link org.convlab.notebook.KernelSpec}) and Maven resolution for {@code %maven}
 * ({@link org.convlab.notebook.MavenResolver}).
 */
package org.convlab.notebook;
