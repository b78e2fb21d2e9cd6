package org.convlab.data.tools;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.convlab.data.Checksums;
import org.convlab.data.FashionMnist;
import org.convlab.data.Idx;
import org.convlab.data.IdxArray;

/**
 * Makes the embedded Fashion-MNIST subset from the full set: the first
 * {@value FashionMnist#SUBSET_TRAIN} training and {@value FashionMnist#SUBSET_TEST} test images and
 * labels, as reproducibly gzipped IDX files with the original names, plus {@code SHA256SUMS}.
 *
 * <pre>
 * java -cp data/target/classes org.convlab.data.tools.MakeFashionMnistSubset \
 *     [full-set folder, default /usr/share/datasets/fashion-mnist] [output folder, default data/fashion-mnist]
 * </pre>
 */
public final class MakeFashionMnistSubset {
    private MakeFashionMnistSubset() {
    }

    /**
     * Runs the tool; arguments: the full-set folder and the output folder, both optional.
     *
     * @throws IOException if the full set cannot be read or the output written
     */
    public static void main(String[] args) throws IOException {
        if (args.length > 2) {
            System.err.println("usage: MakeFashionMnistSubset [full-set folder] [output folder]");
            System.exit(2);
        }
        Path source = args.length > 0 ? Path.of(args[0]) : FashionMnist.SYSTEM_FOLDER;
        Path output = args.length > 1 ? Path.of(args[1]) : Path.of("data", "fashion-mnist");
        Map<String, String> sums = make(source, output);
        System.out.println("Fashion-MNIST subset written to " + output + " from " + source + ":");
        System.out.print(Checksums.formatSums(sums));
    }

    /**
     * Writes the four subset files and {@code SHA256SUMS} into {@code output} (created if needed).
     *
     * @return the SHA-256 of each written data file, by file name
     * @throws org.convlab.data.DataFileException if a full-set file is missing or unusable
     */
    public static Map<String, String> make(Path source, Path output) throws IOException {
        List<Path> inputs = FashionMnist.files(source);
        List<Integer> counts = List.of(FashionMnist.SUBSET_TRAIN, FashionMnist.SUBSET_TRAIN, FashionMnist.SUBSET_TEST,
                FashionMnist.SUBSET_TEST);
        Files.createDirectories(output);
        Map<String, String> sums = new LinkedHashMap<>();
        for (int i = 0; i < inputs.size(); i++) {
            IdxArray full = Idx.read(inputs.get(i));
            String name = FashionMnist.FILE_NAMES.get(i) + ".gz";
            Path written = output.resolve(name);
            Idx.write(written, full.head(counts.get(i)));
            sums.put(name, Checksums.sha256Hex(written));
        }
        Files.writeString(output.resolve(Checksums.FILE_NAME), Checksums.formatSums(sums), StandardCharsets.UTF_8);
        return sums;
    }
}
