package org.convlab.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.convlab.data.tools.MakeFashionMnistSubset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded subset, the full set when installed, and the choice between sources. */
class FashionMnistTest {
    private static final Map<String, String> NO_ENV = Map.of();

    @TempDir
    Path dir;

    private static boolean fullSetInstalled() {
        return Files.isDirectory(FashionMnist.SYSTEM_FOLDER);
    }

    @Test
    void embeddedSubsetHoldsTenThousandTrainingAndTwoThousandTestImagesOf28x28() throws IOException {
        ImageSource subset = FashionMnist.subset();
        LabeledImages train = subset.loadTrain();
        LabeledImages test = subset.loadTest();
        assertEquals(10_000, train.count());
        assertEquals(2_000, test.count());
        assertArrayEquals(new int[] {1, 28, 28}, new int[] {train.channels(), train.height(), train.width()});
        assertArrayEquals(new int[] {1, 28, 28}, new int[] {test.channels(), test.height(), test.width()});
    }

    @Test
    void embeddedSubsetStartsWithTheFullSetsFirstLabels() throws IOException {
        ImageSource subset = FashionMnist.subset();
        assertArrayEquals(new int[] {9, 0, 0, 3, 0, 2, 7, 2, 5, 5}, Arrays.copyOf(subset.loadTrain().labels(), 10));
        assertArrayEquals(new int[] {9, 2, 1, 1, 6, 1, 4, 6, 5, 7}, Arrays.copyOf(subset.loadTest().labels(), 10));
    }

    @Test
    void embeddedTrainingLabelsCoverEveryClassAboutEqually() throws IOException {
        int[] perClass = new int[10];
        for (int label : FashionMnist.subset().loadTrain().labels()) {
            perClass[label]++;
        }
        assertArrayEquals(new int[] {942, 1027, 1016, 1019, 974, 989, 1021, 1022, 990, 1000}, perClass);
    }

    @Test
    void embeddedFilesMatchTheirSha256Sums() throws IOException {
        FashionMnist.verifySubset();
        try (InputStream sums = FashionMnist.class.getClassLoader()
                .getResourceAsStream(FashionMnist.SUBSET_RESOURCES + "/" + Checksums.FILE_NAME)) {
            Map<String, String> parsed = Checksums.parseSums(new String(sums.readAllBytes(), StandardCharsets.UTF_8));
            assertEquals(4, parsed.size());
        }
    }

    @Test
    void embeddedLicenceNamesZalando() throws IOException {
        try (InputStream licence = FashionMnist.class.getClassLoader()
                .getResourceAsStream(FashionMnist.SUBSET_RESOURCES + "/LICENSE")) {
            String text = new String(licence.readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(text.contains("Copyright: 2017, Zalando SE"), text);
            assertTrue(text.contains("Permission is hereby granted, free of charge"), text);
        }
    }

    @Test
    void fullSetLoadsWhenInstalled() throws IOException {
        assumeTrue(fullSetInstalled(), "the full set is not installed (apt-get install dataset-fashion-mnist)");
        ImageSource full = FashionMnist.locate(null, NO_ENV, FashionMnist.SYSTEM_FOLDER);
        assertEquals("Fashion-MNIST full set from " + FashionMnist.SYSTEM_FOLDER, full.description());
        assertEquals(60_000, full.loadTrain().count());
        assertEquals(10_000, full.loadTest().count());
    }

    @Test
    void fullSetBeginsWithExactlyTheEmbeddedSubset() throws IOException {
        assumeTrue(fullSetInstalled(), "the full set is not installed");
        ImageSource full = FashionMnist.folder(FashionMnist.SYSTEM_FOLDER);
        ImageSource subset = FashionMnist.subset();
        assertIsPrefix(subset.loadTrain(), full.loadTrain());
        assertIsPrefix(subset.loadTest(), full.loadTest());
    }

    private static void assertIsPrefix(LabeledImages prefix, LabeledImages whole) {
        int n = prefix.count();
        assertArrayEquals(prefix.labels(), Arrays.copyOf(whole.labels(), n));
        assertArrayEquals(prefix.pixelsRef(), Arrays.copyOf(whole.pixelsRef(), n * whole.imageSize()));
    }

    @Test
    void subsetToolRegeneratesTheEmbeddedFilesByteForByte() throws IOException {
        assumeTrue(fullSetInstalled(), "the full set is not installed");
        Map<String, String> made = MakeFashionMnistSubset.make(FashionMnist.SYSTEM_FOLDER, dir);
        try (InputStream sums = FashionMnist.class.getClassLoader()
                .getResourceAsStream(FashionMnist.SUBSET_RESOURCES + "/" + Checksums.FILE_NAME)) {
            assertEquals(new String(sums.readAllBytes(), StandardCharsets.UTF_8),
                    Files.readString(dir.resolve(Checksums.FILE_NAME)));
        }
        assertEquals(4, made.size());
    }

    @Test
    void explicitPathWinsOverEnvironmentAndSystemFolder() throws IOException {
        Path given = TestImages.fashionFolder(dir.resolve("given"), 30, 10);
        Path fromEnv = TestImages.fashionFolder(dir.resolve("env"), 20, 10);
        ImageSource source = FashionMnist.locate(given, Map.of(FashionMnist.ENV_VARIABLE, fromEnv.toString()),
                FashionMnist.SYSTEM_FOLDER);
        assertEquals("Fashion-MNIST from " + given, source.description());
        assertEquals(30, source.loadTrain().count());
    }

    @Test
    void environmentVariableWinsOverSystemFolder() throws IOException {
        Path fromEnv = TestImages.fashionFolder(dir.resolve("env"), 20, 10);
        Path system = TestImages.fashionFolder(dir.resolve("system"), 40, 10);
        ImageSource source = FashionMnist.locate(null, Map.of(FashionMnist.ENV_VARIABLE, fromEnv.toString()), system);
        assertEquals("Fashion-MNIST from " + fromEnv + " (CONVLAB_FASHION_MNIST)", source.description());
        assertEquals(20, source.loadTrain().count());
    }

    @Test
    void completeSystemFolderIsTheFullSet() throws IOException {
        Path system = TestImages.fashionFolder(dir.resolve("system"), 40, 10);
        ImageSource source = FashionMnist.locate(null, NO_ENV, system);
        assertEquals("Fashion-MNIST full set from " + system, source.description());
    }

    @Test
    void embeddedSubsetIsTheFallbackWhenNothingElseIsThere() throws IOException {
        ImageSource source = FashionMnist.locate(null, NO_ENV, dir.resolve("not-installed"));
        assertEquals("Fashion-MNIST embedded subset (classpath org/convlab/data/fashion-mnist)", source.description());
    }

    @Test
    void incompleteSystemFolderFallsBackToTheSubset() throws IOException {
        Path system = TestImages.fashionFolder(dir.resolve("system"), 40, 10);
        Files.delete(system.resolve(FashionMnist.TEST_LABELS + ".gz"));
        assertTrue(FashionMnist.locate(null, NO_ENV, system).description().contains("embedded subset"));
    }

    @Test
    void explicitFolderWithoutTheFilesFailsListingExpectedAndPresentNames() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("wrong"));
        Files.writeString(folder.resolve("notes.txt"), "not a dataset");
        Idx.write(folder.resolve(FashionMnist.TRAIN_IMAGES), TestImages.idxImages(2, 1));
        DataFileException e = assertThrows(DataFileException.class,
                () -> FashionMnist.locate(folder, NO_ENV, FashionMnist.SYSTEM_FOLDER));
        String message = e.getMessage();
        assertTrue(message.startsWith(folder + ": missing train-labels-idx1-ubyte[.gz], t10k-images-idx3-ubyte[.gz],"
                + " t10k-labels-idx1-ubyte[.gz]"), message);
        assertTrue(message.contains("holds train-images-idx3-ubyte, train-labels-idx1-ubyte, t10k-images-idx3-ubyte,"
                + " t10k-labels-idx1-ubyte"), message);
        assertTrue(message.endsWith("this folder holds: notes.txt, train-images-idx3-ubyte"), message);
    }

    @Test
    void environmentVariableNamingAMissingFolderFailsInsteadOfFallingBack() {
        Path absent = dir.resolve("absent");
        DataFileException e = assertThrows(DataFileException.class,
                () -> FashionMnist.locate(null, Map.of(FashionMnist.ENV_VARIABLE, absent.toString()), dir));
        assertTrue(e.getMessage().startsWith(absent + ": missing folder"), e.getMessage());
    }

    @Test
    void folderMayHoldUncompressedFiles() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("plain"));
        Idx.write(folder.resolve(FashionMnist.TRAIN_IMAGES), TestImages.idxImages(12, 1));
        Idx.write(folder.resolve(FashionMnist.TRAIN_LABELS), TestImages.idxLabels(12));
        Idx.write(folder.resolve(FashionMnist.TEST_IMAGES), TestImages.idxImages(6, 2));
        Idx.write(folder.resolve(FashionMnist.TEST_LABELS), TestImages.idxLabels(6));
        LabeledImages train = FashionMnist.folder(folder).loadTrain();
        assertEquals(12, train.count());
        assertArrayEquals(TestImages.idxImages(12, 1).data(), train.pixelsRef());
    }

    @Test
    void classNamesAreTheTenFashionMnistClasses() {
        assertEquals(List.of("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt",
                "Sneaker", "Bag", "Ankle boot"), FashionMnist.CLASS_NAMES);
    }
}
