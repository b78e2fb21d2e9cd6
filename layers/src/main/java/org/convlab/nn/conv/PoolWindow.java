package org.convlab.nn.conv;

/**
 * A max-pooling window over a convolution's output: {@code height × width}, moved by {@code stride},
 * giving {@code outH × outW} outputs per map (1 + (H' − height)/stride, rounded down, as in
 * {@code F.maxPool2d}).
 *
 * @param height the window's height
 * @param width  the window's width
 * @param stride the step between windows
 * @param outH   pooled height
 * @param outW   pooled width
 */
record PoolWindow(int height, int width, int stride, int outH, int outW) {
}
