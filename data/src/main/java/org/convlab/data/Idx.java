package org.convlab.data;

import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reader and writer of IDX files, the format of MNIST and Fashion-MNIST: a big-endian magic number
 * {@code 0x0000 TT RR} (TT the data type, RR the number of dimensions), RR big-endian 32-bit
 * dimensions, then the values in row-major order. Only unsigned bytes (TT = {@code 0x08}) are
 * supported, which covers the whole MNIST family: images files have magic {@link #IMAGES_MAGIC},
 * labels files {@link #LABELS_MAGIC}.
 *
 * <p>Files may be gzipped; compression is recognised by the gzip magic bytes, not by the file
 * name. Every problem with a file throws a {@link DataFileException} naming the file.
 */
public final class Idx {
    /** The IDX type byte of unsigned 8-bit values. */
    public static final int UNSIGNED_BYTE = 0x08;
    /** Magic number of a labels file: unsigned bytes, one dimension (the count). */
    public static final int LABELS_MAGIC = 0x00000801;
    /** Magic number of an images file: unsigned bytes, three dimensions (count, rows, columns). */
    public static final int IMAGES_MAGIC = 0x00000803;

    private static final int MAX_VALUES = Integer.MAX_VALUE - 8;

    private Idx() {
    }

    /**
     * Reads an IDX file, gzipped or not.
     *
     * @throws DataFileException if the file is missing, truncated, corrupt, has a bad magic number
     *     or holds more data than its header announces
     */
    public static IdxArray read(Path file) throws IOException {
        try (InputStream in = open(file)) {
            return read(in, file.toString());
        }
    }

    /**
     * Reads an IDX array from a stream (gzipped or not) to its end; {@code name} identifies the
     * source in error messages. The stream is not closed.
     *
     * @throws DataFileException if the data is truncated, corrupt, has a bad magic number or goes on
     *     after the values its header announces
     */
    public static IdxArray read(InputStream in, String name) throws IOException {
        InputStream source = Gzip.decompressIfGzip(in);
        String holds = source instanceof GZIPInputStream ? "decompresses to" : "holds";
        DataInputStream data = new DataInputStream(source);
        try {
            int magic = readHeaderInt(data, name, "magic number");
            checkMagic(magic, name);
            int rank = magic & 0xff;
            int[] dims = new int[rank];
            long count = 1;
            for (int i = 0; i < rank; i++) {
                dims[i] = readHeaderInt(data, name, "dimension " + i);
                if (dims[i] < 0) {
                    throw new DataFileException(name, "dimension " + i + " is negative (" + dims[i] + ")");
                }
                count *= dims[i];
                if (count > MAX_VALUES) {
                    throw new DataFileException(name, "the header announces more than " + MAX_VALUES
                            + " values, too many for one array (corrupt header?)");
                }
            }
            int headerBytes = 4 + 4 * rank;
            byte[] values = data.readNBytes((int) count);
            if (values.length < count) {
                throw new DataFileException(name, "truncated: the header announces " + describe(magic, dims) + " ("
                        + (headerBytes + count) + " bytes with the " + headerBytes + "-byte header) but the file "
                        + holds + " " + (headerBytes + values.length) + " bytes");
            }
            if (data.read() != -1) {
                throw new DataFileException(name, "the file " + holds + " more than the " + (headerBytes + count)
                        + " bytes its header announces (" + describe(magic, dims) + ")");
            }
            return new IdxArray(dims, values);
        } catch (ZipException | EOFException e) {
            throw new DataFileException(name, "corrupt or truncated gzip data (" + e.getMessage() + ")", e);
        }
    }

    /**
     * Reads an images file and its labels file into labelled images of one channel, checking the
     * magic numbers, that the counts match and that every label is below {@code numClasses}.
     *
     * @throws DataFileException if either file is missing or unusable, or they disagree
     */
    public static LabeledImages readLabeledImages(Path images, Path labels, int numClasses) throws IOException {
        return labeledImages(read(images), images.toString(), read(labels), labels.toString(), numClasses);
    }

    /**
     * Pairs an images array with a labels array read from the named sources, with the checks of
     * {@link #readLabeledImages}. The images' data is shared, not copied.
     *
     * @throws DataFileException naming the source at fault
     */
    public static LabeledImages labeledImages(IdxArray images, String imagesName, IdxArray labels, String labelsName,
            int numClasses) throws DataFileException {
        expectMagic(images, imagesName, IMAGES_MAGIC, "images: count, rows, columns");
        expectMagic(labels, labelsName, LABELS_MAGIC, "labels: count");
        int count = images.dim(0);
        if (labels.dim(0) != count) {
            throw new DataFileException(labelsName, "holds " + labels.dim(0) + " labels but " + imagesName + " holds "
                    + count + " images");
        }
        int[] classes = new int[count];
        for (int i = 0; i < count; i++) {
            classes[i] = labels.get(i);
            if (classes[i] >= numClasses) {
                throw new DataFileException(labelsName, "label " + classes[i] + " out of range 0.." + (numClasses - 1)
                        + " at index " + i);
            }
        }
        return new LabeledImages(images.dataRef(), classes, 1, images.dim(1), images.dim(2),
                imagesName + " + " + labelsName);
    }

    /**
     * Writes an IDX file, gzipped (reproducibly: no name, no timestamp) when the file name ends in
     * {@code .gz}.
     */
    public static void write(Path file, IdxArray array) throws IOException {
        boolean gzip = file.getFileName().toString().endsWith(".gz");
        try (OutputStream raw = Files.newOutputStream(file);
                OutputStream out = gzip ? Gzip.compress(raw) : new BufferedOutputStream(raw)) {
            write(out, array);
        }
    }

    /** Writes an IDX array, uncompressed, to a stream; the stream is flushed, not closed. */
    public static void write(OutputStream out, IdxArray array) throws IOException {
        DataOutputStream data = new DataOutputStream(out);
        data.writeInt(array.magic());
        for (int d : array.dims()) {
            data.writeInt(d);
        }
        data.write(array.dataRef());
        data.flush();
    }

    /** Opens a file for reading, turning a missing file into a {@link DataFileException}. */
    static InputStream open(Path file) throws IOException {
        if (Files.isDirectory(file)) {
            throw new DataFileException(file.toString(), "is a folder, expected a file");
        }
        try {
            return Files.newInputStream(file);
        } catch (NoSuchFileException e) {
            throw new DataFileException(file.toString(), "missing file", e);
        }
    }

    private static int readHeaderInt(DataInputStream data, String name, String what) throws IOException {
        byte[] bytes = data.readNBytes(4);
        if (bytes.length < 4) {
            throw new DataFileException(name, "truncated header: the file ends inside the " + what);
        }
        return (bytes[0] & 0xff) << 24 | (bytes[1] & 0xff) << 16 | (bytes[2] & 0xff) << 8 | bytes[3] & 0xff;
    }

    private static void checkMagic(int magic, String name) throws DataFileException {
        if (magic >>> 16 != 0 || (magic & 0xff) == 0) {
            throw new DataFileException(name, "bad magic " + hex(magic) + ": an IDX file starts with 0x0000, a type"
                    + " byte and a non-zero number of dimensions (images 0x00000803, labels 0x00000801)");
        }
        int type = magic >>> 8 & 0xff;
        if (type != UNSIGNED_BYTE) {
            throw new DataFileException(name, "bad magic " + hex(magic) + ": IDX data type 0x"
                    + String.format("%02X", type) + " (" + typeName(type) + ") is not supported, only 0x08 (unsigned"
                    + " byte)");
        }
    }

    private static void expectMagic(IdxArray array, String name, int magic, String meaning) throws DataFileException {
        if (array.magic() != magic) {
            throw new DataFileException(name, "bad magic " + hex(array.magic()) + ", expected " + hex(magic) + " ("
                    + meaning + ")");
        }
    }

    private static String describe(int magic, int[] dims) {
        if (magic == IMAGES_MAGIC) {
            return dims[0] + " images of " + dims[1] + "×" + dims[2];
        }
        if (magic == LABELS_MAGIC) {
            return dims[0] + " labels";
        }
        return Dims.text(dims) + " values";
    }

    private static String typeName(int type) {
        return switch (type) {
            case 0x09 -> "signed byte";
            case 0x0B -> "short";
            case 0x0C -> "int";
            case 0x0D -> "float";
            case 0x0E -> "double";
            default -> "unknown type";
        };
    }

    static String hex(int value) {
        return String.format("0x%08X", value);
    }
}
