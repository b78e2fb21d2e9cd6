package org.convlab.nn;

import org.convlab.autograd.Shapes;

/**
 * A max-pooling window over (N, C, H, W) maps: {@code height × width}, moved by {@code stride}, giving
 * {@code outH × outW} outputs per map (1 + (H − height)/stride, rounded down, like CS231n's). Shared by
 * {@link F#maxPool2d}, the fused {@link F#convReluPool} and {@link MaxPool2d} so all pool to the same size.
 *
 * @param height the window's height
 * @param width  the window's width
 * @param stride the step between windows
 * @param outH   pooled height
 * @param outW   pooled width
 */
public record PoolWindow(int height, int width, int stride, int outH, int outW) {

    /**
     * Checks that the window is positive and fits the maps, and computes the pooled size.
     *
     * @param op     the operation named in the error
     * @param rule   the rule the error states when the window does not fit
     * @param shape  the pooled maps' shape (N, C, H, W)
     * @param poolH  the window's height
     * @param poolW  the window's width
     * @param stride the step between windows
     * @return the window over those maps
     * @throws IllegalArgumentException naming op, rule, window and shape, if a size is not positive or the
     *                                  window is larger than the maps
     */
    public static PoolWindow of(String op, String rule, int[] shape, int poolH, int poolW, int stride) {
        if (poolH <= 0 || poolW <= 0 || stride <= 0 || poolH > shape[2] || poolW > shape[3]) {
            throw Shapes.error(op, rule,
                    "pool " + poolH + "×" + poolW + ", stride " + stride + " on " + Shapes.str(shape));
        }
        return new PoolWindow(poolH, poolW, stride, pooledSize(shape[2], poolH, stride),
                pooledSize(shape[3], poolW, stride));
    }

    /**
     * The number of windows along one axis: 1 + (length − window)/stride, rounded down.
     *
     * @param length the axis' length, at least {@code window}
     * @param window the window's extent along the axis
     * @param stride the step between windows, positive
     * @return the pooled length
     */
    public static int pooledSize(int length, int window, int stride) {
        return 1 + (length - window) / stride;
    }
}
