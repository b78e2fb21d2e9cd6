package org.convlab.data;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipException;

/**
 * CIFAR-10 in its binary format ({@code cifar-10-binary.tar.gz}): 32×32 RGB images in 10 classes,
 * five training batches {@code data_batch_1.bin} to {@code data_batch_5.bin} and
 * {@code test_batch.bin}, 10,000 images each. Every record is one label byte followed by 3,072
 * pixel bytes: the 1,024 red values, then the green, then the blue, each plane row-major, which is
 * exactly one image in CHW order.
 *
 * <p>convlab cannot download CIFAR-10; point {@link #locate(Path)} at a folder that holds the files
 * (or the {@value #ARCHIVE_FOLDER} folder unpacked from the archive), or set {@value #ENV_VARIABLE}.
 */
public final class Cifar10 {
    /** The class names, indexed by label. */
    public static final List<String> CLASS_NAMES = List.of("airplane", "automobile", "bird", "cat", "deer", "dog",
            "frog", "horse", "ship", "truck");
    /** Environment variable naming the folder that holds the batch files. */
    public static final String ENV_VARIABLE = "CONVLAB_CIFAR10";
    /** The folder that {@code cifar-10-binary.tar.gz} unpacks to. */
    public static final String ARCHIVE_FOLDER = "cifar-10-batches-bin";
    /** The five training batch files, in order. */
    public static final List<String> TRAIN_FILES = List.of("data_batch_1.bin", "data_batch_2.bin", "data_batch_3.bin",
            "data_batch_4.bin", "data_batch_5.bin");
    /** The test batch file. */
    public static final String TEST_FILE = "test_batch.bin";
    /** Channels per image (red, green, blue). */
    public static final int CHANNELS = 3;
    /** Rows and columns per image. */
    public static final int SIZE = 32;
    /** Pixel bytes per image: 3·32·32. */
    public static final int IMAGE_BYTES = CHANNELS * SIZE * SIZE;
    /** Bytes per record: the label, then the pixels. */
    public static final int RECORD_BYTES = 1 + IMAGE_BYTES;

    private static final List<String> ALL_FILES = Stream.concat(TRAIN_FILES.stream(), Stream.of(TEST_FILE)).toList();

    private Cifar10() {
    }

    /**
     * The CIFAR-10 source: {@code dataPath} if not null, else the folder in the environment
     * variable {@value #ENV_VARIABLE}.
     *
     * @throws DataFileException if neither is given, or the folder lacks any of the six files
     */
    public static ImageSource locate(Path dataPath) throws DataFileException {
        return locate(dataPath, System.getenv());
    }

    /** {@link #locate(Path)} with the environment given, for tests. */
    static ImageSource locate(Path dataPath, Map<String, String> env) throws DataFileException {
        if (dataPath != null) {
            return folder(dataPath);
        }
        String fromEnv = env.get(ENV_VARIABLE);
        if (fromEnv == null || fromEnv.isBlank()) {
            throw new DataFileException("$" + ENV_VARIABLE, "not set and no data path given; CIFAR-10 cannot be"
                    + " downloaded here: pass, or set " + ENV_VARIABLE + " to, the folder holding "
                    + String.join(", ", ALL_FILES) + " (unpacked from cifar-10-binary.tar.gz)");
        }
        return folder(Path.of(fromEnv), "CIFAR-10 from " + fromEnv + " (" + ENV_VARIABLE + ")");
    }

    /**
     * CIFAR-10 from a folder holding the six batch files (each gzipped or not), or holding the
     * {@value #ARCHIVE_FOLDER} folder that does.
     *
     * @throws DataFileException if a file is missing; the message lists the expected names and
     *     what the folder holds
     */
    public static ImageSource folder(Path folder) throws DataFileException {
        return folder(folder, "CIFAR-10 from " + folder);
    }

    private static ImageSource folder(Path folder, String description) throws DataFileException {
        Path archiveFolder = folder.resolve(ARCHIVE_FOLDER);
        Path holder = !DataFolder.holdsAll(folder, ALL_FILES) && Files.isDirectory(archiveFolder) ? archiveFolder
                : folder;
        List<Path> files = DataFolder.resolve(holder, ALL_FILES, "a CIFAR-10 folder");
        List<Path> trainFiles = files.subList(0, TRAIN_FILES.size());
        Path testFile = files.get(TRAIN_FILES.size());
        return ImageSource.lazy(description, CLASS_NAMES, () -> {
            List<LabeledImages> batches = new ArrayList<>();
            for (Path file : trainFiles) {
                batches.add(readBatch(file));
            }
            return LabeledImages.concat(batches, holder.resolve("data_batch_{1..5}.bin").toString());
        }, () -> readBatch(testFile));
    }

    /**
     * Reads one batch file (gzipped or not) of any number of records.
     *
     * @throws DataFileException if the file is missing, empty, ends inside a record, or holds a
     *     label above 9
     */
    public static LabeledImages readBatch(Path file) throws IOException {
        String name = file.toString();
        byte[] bytes;
        try (InputStream raw = Idx.open(file); InputStream in = Gzip.decompressIfGzip(raw)) {
            bytes = in.readAllBytes();
        } catch (ZipException | EOFException e) {
            throw new DataFileException(name, "corrupt or truncated gzip data (" + e.getMessage() + ")", e);
        }
        if (bytes.length == 0) {
            throw new DataFileException(name, "empty file; a CIFAR-10 batch holds records of " + RECORD_BYTES
                    + " bytes");
        }
        int count = bytes.length / RECORD_BYTES;
        if (bytes.length % RECORD_BYTES != 0) {
            throw new DataFileException(name, "truncated record at byte offset " + (long) count * RECORD_BYTES
                    + " (record " + count + "): the file holds " + bytes.length + " bytes, not a whole number of "
                    + RECORD_BYTES + "-byte records (1 label byte + " + IMAGE_BYTES + " pixel bytes)");
        }
        byte[] pixels = new byte[count * IMAGE_BYTES];
        int[] labels = new int[count];
        for (int i = 0; i < count; i++) {
            int record = i * RECORD_BYTES;
            labels[i] = Byte.toUnsignedInt(bytes[record]);
            if (labels[i] >= CLASS_NAMES.size()) {
                throw new DataFileException(name, "label " + labels[i] + " out of range 0.." + (CLASS_NAMES.size() - 1)
                        + " at index " + i + " (byte offset " + record + ")");
            }
            System.arraycopy(bytes, record + 1, pixels, i * IMAGE_BYTES, IMAGE_BYTES);
        }
        return new LabeledImages(pixels, labels, CHANNELS, SIZE, SIZE, name);
    }
}
