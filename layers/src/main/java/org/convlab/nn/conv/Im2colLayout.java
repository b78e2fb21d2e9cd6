package org.convlab.nn.conv;

import java.util.Arrays;

import org.convlab.nn.ConvGeometry;

/**
 * Where the im2col matrix of a convolution reads its input: images are zero-padded to
 * {@code (H + 2·pad) × (W + 2·pad)} first, so that every receptive field lies inside the padded image and
 * row {@code r = (c·HH + i)·WW + j} of the im2col matrix reads, for output pixel (y, x), the padded image at
 * {@code offset(r) + y·stride·paddedW + x·stride}.
 */
final class Im2colLayout {
    private final ConvGeometry geometry;
    private final int paddedH;
    private final int paddedW;
    private final int[] offsets;

    private Im2colLayout(ConvGeometry g) {
        this.geometry = g;
        this.paddedH = g.height() + 2 * g.pad();
        this.paddedW = g.width() + 2 * g.pad();
        this.offsets = new int[g.channels() * g.kernelH() * g.kernelW()];
        int r = 0;
        for (int c = 0; c < g.channels(); c++) {
            for (int i = 0; i < g.kernelH(); i++) {
                for (int j = 0; j < g.kernelW(); j++) {
                    offsets[r++] = (c * paddedH + i) * paddedW + j;
                }
            }
        }
    }

    /** The layout of a convolution. */
    static Im2colLayout of(ConvGeometry g) {
        return new Im2colLayout(g);
    }

    /** The convolution's geometry. */
    ConvGeometry geometry() {
        return geometry;
    }

    /** Height of a padded image. */
    int paddedH() {
        return paddedH;
    }

    /** Width of a padded image: the distance between its rows. */
    int paddedW() {
        return paddedW;
    }

    /** Elements of one padded image, C·(H + 2·pad)·(W + 2·pad). */
    int paddedSize() {
        return geometry.channels() * paddedH * paddedW;
    }

    /** C·HH·WW, the im2col rows that read the input (the row of ones follows them). */
    int taps() {
        return offsets.length;
    }

    /**
     * Where each row of the bias-augmented im2col matrix starts within a padded image followed by a run of
     * ones: the taps' offsets, then {@code onesStart} for the row of ones that multiplies the bias.
     */
    int[] rowStartsWithOnes(int onesStart) {
        int[] starts = Arrays.copyOf(offsets, offsets.length + 1);
        starts[offsets.length] = onesStart;
        return starts;
    }

    /** Offset of im2col row {@code r}'s first tap (output pixel (0, 0)) within a padded image. */
    int offset(int r) {
        return offsets[r];
    }

    /** {@link #pixelOffset} of every output pixel, in order. */
    int[] pixelOffsets() {
        int[] offsets = new int[geometry.outH() * geometry.outW()];
        for (int p = 0; p < offsets.length; p++) {
            offsets[p] = pixelOffset(p);
        }
        return offsets;
    }

    /**
     * The length of the run of ones that follows a padded image for the row of ones of the bias-augmented
     * im2col matrix: one past the last pixel's offset.
     */
    int onesLength() {
        return pixelOffset(geometry.outH() * geometry.outW() - 1) + 1;
    }

    /** Offset of output pixel p's receptive field within a padded image, relative to {@link #offset}. */
    int pixelOffset(int p) {
        int y = p / geometry.outW();
        int x = p - y * geometry.outW();
        return (y * paddedW + x) * geometry.stride();
    }
}
