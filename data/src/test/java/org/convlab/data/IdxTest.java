package org.convlab.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The IDX reader and writer: round trips, compression, and the errors of broken files. */
class IdxTest {
    @TempDir
    Path dir;

    private static byte[] header(int magic, int... dims) {
        ByteBuffer buffer = ByteBuffer.allocate(4 + 4 * dims.length).putInt(magic);
        for (int d : dims) {
            buffer.putInt(d);
        }
        return buffer.array();
    }

    private static byte[] join(byte[] a, byte[] b) {
        byte[] joined = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, joined, a.length, b.length);
        return joined;
    }

    private Path writeRaw(String name, byte[] bytes) throws IOException {
        return Files.write(dir.resolve(name), bytes);
    }

    private static DataFileException readFails(Path file) {
        return assertThrows(DataFileException.class, () -> Idx.read(file));
    }

    @Test
    void plainFileRoundTripKeepsDimensionsAndBytes() throws IOException {
        IdxArray images = TestImages.idxImages(5, 7);
        Path file = dir.resolve("images-idx3-ubyte");
        Idx.write(file, images);
        IdxArray read = Idx.read(file);
        assertArrayEquals(new int[] {5, 28, 28}, read.dims());
        assertArrayEquals(images.data(), read.data());
        assertEquals(16 + 5 * 784, Files.size(file), "uncompressed: header plus one byte per value");
    }

    @Test
    void gzipFileRoundTripKeepsDimensionsAndBytes() throws IOException {
        IdxArray labels = TestImages.idxLabels(100);
        Path file = dir.resolve("labels-idx1-ubyte.gz");
        Idx.write(file, labels);
        byte[] written = Files.readAllBytes(file);
        assertEquals(0x1f, written[0] & 0xff);
        assertEquals(0x8b, written[1] & 0xff);
        IdxArray read = Idx.read(file);
        assertEquals(Idx.LABELS_MAGIC, read.magic());
        assertArrayEquals(labels.data(), read.data());
    }

    @Test
    void gzipIsRecognisedByItsMagicBytesNotItsName() throws IOException {
        Path gz = dir.resolve("labels.gz");
        Idx.write(gz, TestImages.idxLabels(10));
        Path misnamed = Files.move(gz, dir.resolve("labels-idx1-ubyte"));
        assertArrayEquals(TestImages.idxLabels(10).data(), Idx.read(misnamed).data());
    }

    @Test
    void gzipOutputHasNoTimestampAndIsReproducible() throws IOException {
        Path first = dir.resolve("a.gz");
        Path second = dir.resolve("b.gz");
        Idx.write(first, TestImages.idxImages(3, 1));
        Idx.write(second, TestImages.idxImages(3, 1));
        byte[] bytes = Files.readAllBytes(first);
        assertArrayEquals(new byte[4], Arrays.copyOfRange(bytes, 4, 8), "MTIME must be zero");
        assertEquals(0, bytes[3], "no FNAME or other flags");
        assertArrayEquals(bytes, Files.readAllBytes(second));
    }

    @Test
    void badMagicIsReportedInHexWithTheFileName() throws IOException {
        Path file = writeRaw("bad", join(header(0x08030000, 1), new byte[1]));
        DataFileException e = readFails(file);
        assertTrue(e.getMessage().startsWith(file.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("bad magic 0x08030000"), e.getMessage());
    }

    @Test
    void unsupportedDataTypeIsNamed() throws IOException {
        DataFileException e = readFails(writeRaw("floats", join(header(0x00000D01, 1), new byte[4])));
        assertTrue(e.getMessage().contains("0x0D (float) is not supported"), e.getMessage());
    }

    @Test
    void truncatedImagesFileReportsExpectedAndActualSize() throws IOException {
        Path file = writeRaw("short", join(header(Idx.IMAGES_MAGIC, 3, 28, 28), new byte[2 * 784 + 5]));
        DataFileException e = readFails(file);
        assertTrue(e.getMessage().contains("truncated: the header announces 3 images of 28×28 (2368 bytes with the"
                + " 16-byte header) but the file holds 1589 bytes"), e.getMessage());
    }

    @Test
    void truncatedHeaderIsReported() throws IOException {
        DataFileException e = readFails(writeRaw("header", Arrays.copyOf(header(Idx.IMAGES_MAGIC, 3, 28, 28), 10)));
        assertTrue(e.getMessage().contains("truncated header: the file ends inside the dimension 1"), e.getMessage());
    }

    @Test
    void dataBeyondWhatTheHeaderAnnouncesIsRejected() throws IOException {
        DataFileException e = readFails(writeRaw("long", join(header(Idx.LABELS_MAGIC, 4), new byte[5])));
        assertTrue(e.getMessage().contains("more than the 12 bytes its header announces (4 labels)"), e.getMessage());
    }

    @Test
    void truncatedGzipIsReportedAsCorrupt() throws IOException {
        Path whole = dir.resolve("whole.gz");
        Idx.write(whole, TestImages.idxImages(20, 2));
        byte[] bytes = Files.readAllBytes(whole);
        Path cut = writeRaw("cut.gz", Arrays.copyOf(bytes, bytes.length / 2));
        DataFileException e = readFails(cut);
        assertTrue(e.getMessage().startsWith(cut + ": corrupt or truncated gzip data"), e.getMessage());
    }

    @Test
    void missingFileIsReportedAsMissing() {
        Path absent = dir.resolve("absent-idx1-ubyte");
        assertEquals(absent + ": missing file", readFails(absent).getMessage());
    }

    @Test
    void imageAndLabelCountsMustMatch() throws IOException {
        Path images = dir.resolve("images");
        Path labels = dir.resolve("labels");
        Idx.write(images, TestImages.idxImages(10, 1));
        Idx.write(labels, TestImages.idxLabels(9));
        DataFileException e = assertThrows(DataFileException.class, () -> Idx.readLabeledImages(images, labels, 10));
        assertEquals(labels + ": holds 9 labels but " + images + " holds 10 images", e.getMessage());
    }

    @Test
    void labelOutOfRangeIsReportedWithItsIndex() throws IOException {
        Path images = dir.resolve("images");
        Path labels = dir.resolve("labels");
        Idx.write(images, TestImages.idxImages(3, 1));
        Idx.write(labels, new IdxArray(new int[] {3}, new byte[] {1, 12, 3}));
        DataFileException e = assertThrows(DataFileException.class, () -> Idx.readLabeledImages(images, labels, 10));
        assertEquals(labels + ": label 12 out of range 0..9 at index 1", e.getMessage());
    }

    @Test
    void labelsFileInPlaceOfImagesHasTheWrongMagic() throws IOException {
        Path labels = dir.resolve("labels");
        Idx.write(labels, TestImages.idxLabels(3));
        DataFileException e = assertThrows(DataFileException.class, () -> Idx.readLabeledImages(labels, labels, 10));
        assertTrue(e.getMessage().contains("bad magic 0x00000801, expected 0x00000803"), e.getMessage());
    }

    @Test
    void streamsAreReadWithTheGivenNameInMessages() {
        ByteArrayInputStream in = new ByteArrayInputStream(header(0x12345678));
        DataFileException e = assertThrows(DataFileException.class, () -> Idx.read(in, "classpath:x"));
        assertEquals("classpath:x", e.file());
    }

    @Test
    void headKeepsTheFirstItems() {
        IdxArray images = TestImages.idxImages(4, 9);
        IdxArray head = images.head(2);
        assertArrayEquals(new int[] {2, 28, 28}, head.dims());
        assertArrayEquals(Arrays.copyOf(images.data(), 2 * 784), head.data());
    }
}
