package org.convlab.data;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.zip.Deflater;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/** gzip detection by magic bytes, and reproducible gzip output. */
final class Gzip {
    private static final int BUFFER = 1 << 16;
    private static final int MAGIC_FIRST = 0x1f;
    private static final int MAGIC_SECOND = 0x8b;

    private Gzip() {
    }

    /**
     * {@code in}, decompressed when it starts with the gzip magic bytes {@code 1f 8b} (whatever
     * the file is called), buffered either way.
     */
    static InputStream decompressIfGzip(InputStream in) throws IOException {
        BufferedInputStream buffered = new BufferedInputStream(in, BUFFER);
        buffered.mark(2);
        int first = buffered.read();
        int second = buffered.read();
        buffered.reset();
        return first == MAGIC_FIRST && second == MAGIC_SECOND ? new GZIPInputStream(buffered, BUFFER) : buffered;
    }

    /**
     * A gzip stream at maximum compression whose bytes depend only on the data: the JDK (16 and
     * later) writes a header with no file name, a zero modification time and OS byte 255.
     */
    static OutputStream compress(OutputStream out) throws IOException {
        return new ReproducibleGzipStream(out);
    }

    private static final class ReproducibleGzipStream extends GZIPOutputStream {
        ReproducibleGzipStream(OutputStream out) throws IOException {
            super(out, BUFFER);
            def.setLevel(Deflater.BEST_COMPRESSION);
        }
    }
}
