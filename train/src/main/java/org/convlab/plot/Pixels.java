package org.convlab.plot;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.List;

/**
 * Pictures of tensor values: a (C, H, W) block of a row-major array as a grayscale (C = 1) or RGB (C = 3)
 * image, each value mapped linearly from a {@link Range} to 0..255 and drawn as a square of
 * {@code scale × scale} pixels (nearest neighbour, so that filters stay crisp).
 */
final class Pixels {
    /** Tiles are scaled to about this many pixels on their longer side. */
    static final int TILE_PIXELS = 64;

    private Pixels() {
    }

    /**
     * A range of values mapped to black .. white; a range of one value maps it to mid-grey.
     *
     * @param low  the value drawn black
     * @param high the value drawn white
     */
    record Range(double low, double high) {
        /** The finite minimum and maximum of {@code values[from, to)}; (0, 0) if none is finite. */
        static Range of(double[] values, int from, int to) {
            double low = Double.POSITIVE_INFINITY;
            double high = Double.NEGATIVE_INFINITY;
            for (int i = from; i < to; i++) {
                if (Double.isFinite(values[i])) {
                    low = Math.min(low, values[i]);
                    high = Math.max(high, values[i]);
                }
            }
            return low > high ? new Range(0, 0) : new Range(low, high);
        }

        /** The level 0..255 of a value; non-finite values are black. */
        int level(double value) {
            if (!Double.isFinite(value)) {
                return 0;
            }
            if (high == low) {
                return 128;
            }
            double t = (value - low) / (high - low);
            return (int) Math.round(255 * Math.max(0, Math.min(1, t)));
        }
    }

    /** The scale that brings a side of {@code size} values to about {@link #TILE_PIXELS} pixels. */
    static int scaleFor(int size) {
        return Math.max(1, Math.round((float) TILE_PIXELS / size));
    }

    /**
     * The image of {@code values[offset ..]} read as (channels, height, width).
     *
     * @param channels 1 (grayscale) or 3 (RGB)
     */
    static BufferedImage image(double[] values, int offset, int channels, int height, int width, Range range, int scale) {
        if (channels != 1 && channels != 3) {
            throw new IllegalArgumentException("Pixels: an image has 1 or 3 channels, got " + channels);
        }
        BufferedImage image = new BufferedImage(width * scale, height * scale, BufferedImage.TYPE_INT_RGB);
        int plane = height * width;
        for (int r = 0; r < height; r++) {
            for (int c = 0; c < width; c++) {
                int at = offset + r * width + c;
                int red = range.level(values[at]);
                int green = channels == 3 ? range.level(values[at + plane]) : red;
                int blue = channels == 3 ? range.level(values[at + 2 * plane]) : red;
                int rgb = (red << 16) | (green << 8) | blue;
                for (int dy = 0; dy < scale; dy++) {
                    for (int dx = 0; dx < scale; dx++) {
                        image.setRGB(c * scale + dx, r * scale + dy, rgb);
                    }
                }
            }
        }
        return image;
    }

    /** Images side by side, one pixel of light grey between them. */
    static BufferedImage strip(List<BufferedImage> parts) {
        int width = parts.stream().mapToInt(BufferedImage::getWidth).sum() + parts.size() - 1;
        int height = parts.stream().mapToInt(BufferedImage::getHeight).max().orElse(1);
        BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            g.setColor(Color.LIGHT_GRAY);
            g.fillRect(0, 0, width, height);
            int x = 0;
            for (BufferedImage part : parts) {
                g.drawImage(part, x, 0, null);
                x += part.getWidth() + 1;
            }
        } finally {
            g.dispose();
        }
        return out;
    }
}
