package org.convlab.notebook.display;

import io.github.spencerpark.jupyter.kernel.display.RenderContext;
import io.github.spencerpark.jupyter.kernel.display.mime.MIMEType;

import java.awt.image.RenderedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.List;

import javax.imageio.ImageIO;

/** {@link RenderedImage}s (e.g. {@code BufferedImage}) in a notebook: {@code image/png} and their size as text. */
public final class ImageRendering {
    private ImageRendering() {
    }

    /**
     * The image as PNG bytes.
     *
     * @param image any image
     * @return the PNG file's bytes
     */
    public static byte[] png(RenderedImage image) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static void register() {
        Renderers.register(RenderedImage.class, List.of(MIMEType.IMAGE_PNG), List.of(), ImageRendering::render);
    }

    private static void render(RenderedImage image, RenderContext context) {
        context.renderIfRequested(MIMEType.TEXT_PLAIN,
                () -> image.getClass().getSimpleName() + " " + image.getWidth() + "×" + image.getHeight());
        context.renderIfRequested(MIMEType.IMAGE_PNG, () -> Base64.getEncoder().encodeToString(png(image)));
    }
}
