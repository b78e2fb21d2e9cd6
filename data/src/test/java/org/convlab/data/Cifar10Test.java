package org.convlab.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

import org.convlab.autograd.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CIFAR-10 binary reader, on files written here byte by byte in the published format: per
 * record a label byte, then 1,024 red, 1,024 green and 1,024 blue values, each plane row-major.
 */
class Cifar10Test {
    private static final int PER_BATCH = 3;
    private static final int TEST_RECORDS = 4;
    private static final int RED_MARK = 250;
    private static final int BLUE_MARK = 251;

    @TempDir
    Path dir;

    /**
     * Record of global image g: label g % 10; red plane g, green 100 + g, blue 200 + g; except red
     * at row 1, column 2 (RED_MARK) and blue at row 31, column 0 (BLUE_MARK).
     */
    private static byte[] record(int g) {
        byte[] record = new byte[Cifar10.RECORD_BYTES];
        record[0] = (byte) (g % 10);
        for (int c = 0; c < 3; c++) {
            Arrays.fill(record, 1 + c * 1024, 1 + (c + 1) * 1024, (byte) (100 * c + g));
        }
        record[1 + 1 * 32 + 2] = (byte) RED_MARK;
        record[1 + 2 * 1024 + 31 * 32] = (byte) BLUE_MARK;
        return record;
    }

    private static byte[] batch(int firstImage, int count) {
        byte[] bytes = new byte[count * Cifar10.RECORD_BYTES];
        for (int i = 0; i < count; i++) {
            System.arraycopy(record(firstImage + i), 0, bytes, i * Cifar10.RECORD_BYTES, Cifar10.RECORD_BYTES);
        }
        return bytes;
    }

    /** Five training batches of PER_BATCH images (global images 0..14) and a test batch (images 50..53). */
    private Path writeCifar(Path folder) throws IOException {
        Files.createDirectories(folder);
        for (int b = 0; b < 5; b++) {
            Files.write(folder.resolve(Cifar10.TRAIN_FILES.get(b)), batch(b * PER_BATCH, PER_BATCH));
        }
        Files.write(folder.resolve(Cifar10.TEST_FILE), batch(50, TEST_RECORDS));
        return folder;
    }

    @Test
    void fiveTrainingBatchesAreJoinedInOrder() throws IOException {
        LabeledImages train = Cifar10.folder(writeCifar(dir)).loadTrain();
        assertEquals(5 * PER_BATCH, train.count());
        assertArrayEquals(new int[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 0, 1, 2, 3, 4}, train.labels());
        for (int g = 0; g < train.count(); g++) {
            assertEquals(g, train.pixel(g, 0, 0, 0), "image " + g + " comes from batch " + g / PER_BATCH);
        }
    }

    @Test
    void recordsAreRedThenGreenThenBluePlanesRowMajor() throws IOException {
        LabeledImages train = Cifar10.folder(writeCifar(dir)).loadTrain();
        int g = 7;
        assertArrayEquals(new int[] {3, 32, 32}, new int[] {train.channels(), train.height(), train.width()});
        assertEquals(g, train.pixel(g, 0, 5, 5), "red plane");
        assertEquals(100 + g, train.pixel(g, 1, 5, 5), "green plane");
        assertEquals(200 + g, train.pixel(g, 2, 5, 5), "blue plane");
        assertEquals(RED_MARK, train.pixel(g, 0, 1, 2), "red at row 1, column 2");
        assertEquals(g, train.pixel(g, 0, 2, 1), "not transposed");
        assertEquals(BLUE_MARK, train.pixel(g, 2, 31, 0), "blue at row 31, column 0");
    }

    @Test
    void testBatchLoadsOnItsOwn() throws IOException {
        LabeledImages test = Cifar10.folder(writeCifar(dir)).loadTest();
        assertEquals(TEST_RECORDS, test.count());
        assertArrayEquals(new int[] {0, 1, 2, 3}, test.labels());
        assertEquals(151, test.pixel(1, 1, 0, 0));
    }

    @Test
    void datasetImagesKeepTheChannelOrderAndRawValues() throws IOException {
        Dataset data = Dataset.builder().source(Cifar10.folder(writeCifar(dir))).validation(5).build();
        Tensor image = data.train().image(3);
        assertEquals(3, image.get(0, 0, 0));
        assertEquals(103, image.get(1, 0, 0));
        assertEquals(203, image.get(2, 0, 0));
        assertEquals(RED_MARK, image.get(0, 1, 2));
        assertEquals(List.of("airplane", "automobile", "bird", "cat", "deer", "dog", "frog", "horse", "ship", "truck"),
                data.classNames());
    }

    @Test
    void truncatedRecordIsReportedWithItsOffset() throws IOException {
        Path file = dir.resolve("data_batch_1.bin");
        byte[] bytes = batch(0, 2);
        Files.write(file, Arrays.copyOf(bytes, bytes.length - 10));
        DataFileException e = assertThrows(DataFileException.class, () -> Cifar10.readBatch(file));
        assertEquals(file + ": truncated record at byte offset 3073 (record 1): the file holds 6136 bytes, not a whole"
                + " number of 3073-byte records (1 label byte + 3072 pixel bytes)", e.getMessage());
    }

    @Test
    void emptyBatchFileIsReported() throws IOException {
        Path file = Files.write(dir.resolve("test_batch.bin"), new byte[0]);
        DataFileException e = assertThrows(DataFileException.class, () -> Cifar10.readBatch(file));
        assertTrue(e.getMessage().startsWith(file + ": empty file"), e.getMessage());
    }

    @Test
    void labelAboveNineIsReportedWithItsIndex() throws IOException {
        byte[] bytes = batch(0, 2);
        bytes[Cifar10.RECORD_BYTES] = 12;
        Path file = Files.write(dir.resolve("data_batch_2.bin"), bytes);
        DataFileException e = assertThrows(DataFileException.class, () -> Cifar10.readBatch(file));
        assertEquals(file + ": label 12 out of range 0..9 at index 1 (byte offset 3073)", e.getMessage());
    }

    @Test
    void missingBatchFileIsReportedWithTheExpectedNames() throws IOException {
        writeCifar(dir);
        Files.delete(dir.resolve("data_batch_4.bin"));
        DataFileException e = assertThrows(DataFileException.class, () -> Cifar10.folder(dir));
        assertTrue(e.getMessage().startsWith(dir + ": missing data_batch_4.bin[.gz]; a CIFAR-10 folder holds"
                + " data_batch_1.bin, data_batch_2.bin, data_batch_3.bin, data_batch_4.bin, data_batch_5.bin,"
                + " test_batch.bin"), e.getMessage());
    }

    @Test
    void folderHoldingTheUnpackedArchiveFolderIsAccepted() throws IOException {
        writeCifar(dir.resolve(Cifar10.ARCHIVE_FOLDER));
        assertEquals(5 * PER_BATCH, Cifar10.folder(dir).loadTrain().count());
    }

    @Test
    void gzippedBatchFilesAreRead() throws IOException {
        writeCifar(dir);
        Path plain = dir.resolve(Cifar10.TEST_FILE);
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(dir.resolve(Cifar10.TEST_FILE + ".gz")))) {
            out.write(Files.readAllBytes(plain));
        }
        Files.delete(plain);
        assertEquals(TEST_RECORDS, Cifar10.folder(dir).loadTest().count());
    }

    @Test
    void withoutPathOrEnvironmentVariableTheMessageSaysHowToProvideTheFiles() {
        DataFileException e = assertThrows(DataFileException.class, () -> Cifar10.locate(null, Map.of()));
        assertTrue(e.getMessage().startsWith("$CONVLAB_CIFAR10: not set and no data path given"), e.getMessage());
        assertTrue(e.getMessage().contains("data_batch_1.bin"), e.getMessage());
    }

    @Test
    void environmentVariableNamesTheFolder() throws IOException {
        writeCifar(dir);
        ImageSource source = Cifar10.locate(null, Map.of(Cifar10.ENV_VARIABLE, dir.toString()));
        assertEquals("CIFAR-10 from " + dir + " (CONVLAB_CIFAR10)", source.description());
    }
}
