package org.convlab.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Fashion-MNIST (Zalando SE, MIT licence): 28×28 grayscale images of clothing in 10 classes,
 * 60,000 for training and 10,000 for testing, stored as IDX files.
 *
 * <p>Two sources exist. The <em>full set</em> is read from a folder holding the four files
 * ({@link #FILE_NAMES}, gzipped or not), such as {@link #SYSTEM_FOLDER}, where Debian's package
 * {@code dataset-fashion-mnist} installs it. The <em>embedded subset</em>, the first
 * {@value #SUBSET_TRAIN} training and {@value #SUBSET_TEST} test images of the full set, ships in
 * this jar under {@value #SUBSET_RESOURCES} and always works. {@link #locate()} picks one, and the
 * chosen source's {@link ImageSource#description()} says which.
 */
public final class FashionMnist {
    /** The class names, indexed by label. */
    public static final List<String> CLASS_NAMES = List.of("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
            "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot");
    /** Where Debian's {@code dataset-fashion-mnist} package installs the full set. */
    public static final Path SYSTEM_FOLDER = Path.of("/usr/share/datasets/fashion-mnist");
    /** Environment variable naming a folder that holds the four files. */
    public static final String ENV_VARIABLE = "CONVLAB_FASHION_MNIST";
    /** The training images file. */
    public static final String TRAIN_IMAGES = "train-images-idx3-ubyte";
    /** The training labels file. */
    public static final String TRAIN_LABELS = "train-labels-idx1-ubyte";
    /** The test images file. */
    public static final String TEST_IMAGES = "t10k-images-idx3-ubyte";
    /** The test labels file. */
    public static final String TEST_LABELS = "t10k-labels-idx1-ubyte";
    /** The four files of a Fashion-MNIST folder, each present as {@code name} or {@code name.gz}. */
    public static final List<String> FILE_NAMES = List.of(TRAIN_IMAGES, TRAIN_LABELS, TEST_IMAGES, TEST_LABELS);
    /** The classpath folder of the embedded subset (gzipped files, SHA256SUMS, LICENSE, README.md). */
    public static final String SUBSET_RESOURCES = "org/convlab/data/fashion-mnist";
    /** Training images in the embedded subset: the first of the full set's. */
    public static final int SUBSET_TRAIN = 10_000;
    /** Test images in the embedded subset: the first of the full set's. */
    public static final int SUBSET_TEST = 2_000;

    private FashionMnist() {
    }

    /**
     * The default source: as {@link #locate(Path)} with no path.
     *
     * @throws DataFileException if {@value #ENV_VARIABLE} names a folder without the four files
     */
    public static ImageSource locate() throws DataFileException {
        return locate(null);
    }

    /**
     * Chooses the source, first match wins: {@code dataPath} if not null (e.g. the CLI's
     * {@code --data-path}); the folder in the environment variable {@value #ENV_VARIABLE} if set;
     * {@link #SYSTEM_FOLDER} if it holds the four files; otherwise the embedded subset.
     *
     * @throws DataFileException if an explicitly given folder (path or environment variable) lacks
     *     any of the four files: an explicit choice never falls back silently
     */
    public static ImageSource locate(Path dataPath) throws DataFileException {
        return locate(dataPath, System.getenv(), SYSTEM_FOLDER);
    }

    /** {@link #locate(Path)} with the environment and the system folder given, for tests. */
    static ImageSource locate(Path dataPath, Map<String, String> env, Path systemFolder) throws DataFileException {
        if (dataPath != null) {
            return folder(dataPath);
        }
        String fromEnv = env.get(ENV_VARIABLE);
        if (fromEnv != null && !fromEnv.isBlank()) {
            return folder(Path.of(fromEnv), "Fashion-MNIST from " + fromEnv + " (" + ENV_VARIABLE + ")");
        }
        if (DataFolder.holdsAll(systemFolder, FILE_NAMES)) {
            return folder(systemFolder, "Fashion-MNIST full set from " + systemFolder);
        }
        return subset();
    }

    /**
     * The full set, explicitly: from the folder in {@value #ENV_VARIABLE} if set, else from
     * {@link #SYSTEM_FOLDER}.
     *
     * @throws DataFileException if that folder lacks any of the four files (the message says how to
     *     install them)
     */
    public static ImageSource full() throws DataFileException {
        String fromEnv = System.getenv(ENV_VARIABLE);
        Path folder = fromEnv != null && !fromEnv.isBlank() ? Path.of(fromEnv) : SYSTEM_FOLDER;
        return folder(folder, "Fashion-MNIST full set from " + folder);
    }

    /**
     * Fashion-MNIST (or any MNIST-family set with the same file names) from a folder holding the
     * four files, gzipped or not.
     *
     * @throws DataFileException if the folder or any file is missing; the message lists the
     *     expected names and what the folder holds
     */
    public static ImageSource folder(Path folder) throws DataFileException {
        return folder(folder, "Fashion-MNIST from " + folder);
    }

    /**
     * The paths of the four files in a Fashion-MNIST folder, in {@link #FILE_NAMES} order, each
     * {@code folder/name} if present, else {@code folder/name.gz}.
     *
     * @throws DataFileException if the folder or any file is missing; the message lists the
     *     expected names and what the folder holds
     */
    public static List<Path> files(Path folder) throws DataFileException {
        return DataFolder.resolve(folder, FILE_NAMES,
                "a Fashion-MNIST folder (full set: apt-get install dataset-fashion-mnist)");
    }

    private static ImageSource folder(Path folder, String description) throws DataFileException {
        List<Path> files = files(folder);
        Map<String, Path> paths = new HashMap<>();
        for (int i = 0; i < FILE_NAMES.size(); i++) {
            paths.put(FILE_NAMES.get(i), files.get(i));
        }
        return idxSource(description, new FileOpener() {
            @Override
            public InputStream open(String file) throws IOException {
                return Idx.open(paths.get(file));
            }

            @Override
            public String name(String file) {
                return paths.get(file).toString();
            }
        });
    }

    /** The embedded subset: the first 10,000 training and 2,000 test images, from the classpath. */
    public static ImageSource subset() {
        return idxSource("Fashion-MNIST embedded subset (classpath " + SUBSET_RESOURCES + ")", new FileOpener() {
            @Override
            public InputStream open(String file) throws IOException {
                return openResource(file + ".gz");
            }

            @Override
            public String name(String file) {
                return resourceName(file + ".gz");
            }
        });
    }

    /**
     * Checks every embedded file listed in the embedded {@code SHA256SUMS} against its digest.
     *
     * @throws DataFileException naming the first resource that is missing or differs
     */
    public static void verifySubset() throws IOException {
        Map<String, String> sums;
        try (InputStream in = openResource(Checksums.FILE_NAME)) {
            sums = Checksums.parseSums(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        for (String file : FILE_NAMES) {
            if (!sums.containsKey(file + ".gz")) {
                throw new DataFileException(resourceName(Checksums.FILE_NAME), "has no line for " + file + ".gz");
            }
        }
        for (Map.Entry<String, String> sum : sums.entrySet()) {
            String actual;
            try (InputStream in = openResource(sum.getKey())) {
                actual = Checksums.sha256Hex(in);
            }
            if (!actual.equals(sum.getValue())) {
                throw new DataFileException(resourceName(sum.getKey()), "SHA-256 is " + actual + " but "
                        + Checksums.FILE_NAME + " says " + sum.getValue());
            }
        }
    }

    private static InputStream openResource(String file) throws DataFileException {
        InputStream in = FashionMnist.class.getClassLoader().getResourceAsStream(SUBSET_RESOURCES + "/" + file);
        if (in == null) {
            throw new DataFileException(resourceName(file), "missing resource: put the convlab-data jar (or"
                    + " data/target/classes, built by Maven with the module's resources) on the class path");
        }
        return in;
    }

    private static String resourceName(String file) {
        return "classpath:" + SUBSET_RESOURCES + "/" + file;
    }

    /** Opens one of the {@link #FILE_NAMES} wherever the source keeps it. */
    private interface FileOpener {
        InputStream open(String file) throws IOException;

        /** The file's path or resource name, for messages. */
        String name(String file);
    }

    /** Fashion-MNIST read from four IDX files. */
    private static ImageSource idxSource(String description, FileOpener files) {
        return ImageSource.lazy(description, CLASS_NAMES,
                () -> load(files, TRAIN_IMAGES, TRAIN_LABELS), () -> load(files, TEST_IMAGES, TEST_LABELS));
    }

    private static LabeledImages load(FileOpener files, String images, String labels) throws IOException {
        return Idx.labeledImages(read(files, images), files.name(images), read(files, labels), files.name(labels),
                CLASS_NAMES.size());
    }

    private static IdxArray read(FileOpener files, String file) throws IOException {
        try (InputStream in = files.open(file)) {
            return Idx.read(in, files.name(file));
        }
    }
}
