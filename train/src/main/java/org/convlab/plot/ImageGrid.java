package org.convlab.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.List;

import org.knowm.xchart.style.XYStyler;

/**
 * Lays out tiles (small images, each with optional caption lines and an optional coloured frame) in rows
 * under a title, on white, in the fonts of the charts: the common form of the image grids of {@link Plots}.
 */
final class ImageGrid {
    private static final XYStyler STYLE = new XYStyler();
    private static final Font TITLE_FONT = STYLE.getChartTitleFont();
    private static final Font CAPTION_FONT = STYLE.getBaseFont().deriveFont(Font.PLAIN, 11f);
    private static final Color TEXT = STYLE.getChartFontColor();
    private static final int MARGIN = 12;
    private static final int GAP = 8;
    private static final int FRAME = 3;

    /**
     * One tile.
     *
     * @param image   the picture
     * @param caption lines under it (may be empty)
     * @param accent  colour of its frame and caption, or {@code null} for no frame and the text colour
     */
    record Tile(BufferedImage image, List<String> caption, Color accent) {
        Tile {
            caption = List.copyOf(caption);
        }

        /** A tile without caption or frame. */
        static Tile of(BufferedImage image) {
            return new Tile(image, List.of(), null);
        }
    }

    private ImageGrid() {
    }

    /**
     * The tiles in rows of {@code columns}, each in a cell as wide as the widest tile or caption, under
     * {@code title}.
     *
     * @throws IllegalArgumentException if there are no tiles or columns is not positive
     */
    static BufferedImage compose(String title, List<Tile> tiles, int columns) {
        if (tiles.isEmpty() || columns < 1) {
            throw new IllegalArgumentException("ImageGrid: needs tiles and a positive column count, got " + tiles.size()
                    + " tiles in " + columns + " columns");
        }
        FontMetrics captionMetrics = metrics(CAPTION_FONT);
        FontMetrics titleMetrics = metrics(TITLE_FONT);
        int lines = tiles.stream().mapToInt(t -> t.caption().size()).max().orElse(0);
        int cellWidth = 0;
        int imageHeight = 0;
        for (Tile tile : tiles) {
            cellWidth = Math.max(cellWidth, tile.image().getWidth() + 2 * FRAME);
            imageHeight = Math.max(imageHeight, tile.image().getHeight() + 2 * FRAME);
            for (String line : tile.caption()) {
                cellWidth = Math.max(cellWidth, captionMetrics.stringWidth(line));
            }
        }
        int captionHeight = lines * captionMetrics.getHeight();
        int cellHeight = imageHeight + captionHeight;
        int cols = Math.min(columns, tiles.size());
        int rows = (tiles.size() + cols - 1) / cols;
        int titleHeight = title.isEmpty() ? 0 : titleMetrics.getHeight() + GAP;
        int width = Math.max(2 * MARGIN + cols * cellWidth + (cols - 1) * GAP, 2 * MARGIN + titleMetrics.stringWidth(title));
        int height = 2 * MARGIN + titleHeight + rows * cellHeight + (rows - 1) * GAP;

        BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            g.setColor(TEXT);
            g.setFont(TITLE_FONT);
            g.drawString(title, (width - titleMetrics.stringWidth(title)) / 2, MARGIN + titleMetrics.getAscent());
            g.setFont(CAPTION_FONT);
            for (int i = 0; i < tiles.size(); i++) {
                Tile tile = tiles.get(i);
                int x = MARGIN + (i % cols) * (cellWidth + GAP);
                int y = MARGIN + titleHeight + (i / cols) * (cellHeight + GAP);
                int imageX = x + (cellWidth - tile.image().getWidth()) / 2;
                g.drawImage(tile.image(), imageX, y + FRAME, null);
                if (tile.accent() != null) {
                    g.setColor(tile.accent());
                    g.setStroke(new BasicStroke(FRAME));
                    g.drawRect(imageX - FRAME / 2 - 1, y + FRAME / 2, tile.image().getWidth() + FRAME, tile.image().getHeight() + FRAME);
                }
                g.setColor(tile.accent() != null ? tile.accent() : TEXT);
                int lineY = y + imageHeight + captionMetrics.getAscent();
                for (String line : tile.caption()) {
                    g.drawString(line, x + (cellWidth - captionMetrics.stringWidth(line)) / 2, lineY);
                    lineY += captionMetrics.getHeight();
                }
            }
        } finally {
            g.dispose();
        }
        return out;
    }

    /** A roughly square number of columns for {@code n} tiles. */
    static int squareColumns(int n) {
        return Math.max(1, (int) Math.ceil(Math.sqrt(n)));
    }

    private static FontMetrics metrics(Font font) {
        BufferedImage scratch = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = scratch.createGraphics();
        try {
            return g.getFontMetrics(font);
        } finally {
            g.dispose();
        }
    }
}
