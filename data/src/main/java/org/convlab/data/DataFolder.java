package org.convlab.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Finds a dataset's files in a folder, each gzipped ({@code name.gz}) or not. */
final class DataFolder {
    private static final int LISTING_LIMIT = 20;

    private DataFolder() {
    }

    /**
     * The path of each expected file, in order: {@code folder/name} if it exists, else
     * {@code folder/name.gz}.
     *
     * @param dataset what the folder should hold, e.g. "a Fashion-MNIST folder"
     * @throws DataFileException if the folder or any file is missing; the message lists the
     *     missing and the expected names and what the folder holds
     */
    static List<Path> resolve(Path folder, List<String> names, String dataset) throws DataFileException {
        String expected = dataset + " holds " + String.join(", ", names) + " (each gzipped as name.gz or not)";
        if (!Files.isDirectory(folder)) {
            throw new DataFileException(folder.toString(), (Files.exists(folder) ? "not a folder" : "missing folder")
                    + "; " + expected);
        }
        List<Path> found = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (String name : names) {
            Path file = find(folder, name);
            if (file != null) {
                found.add(file);
            } else {
                missing.add(name + "[.gz]");
            }
        }
        if (!missing.isEmpty()) {
            throw new DataFileException(folder.toString(), "missing " + String.join(", ", missing) + "; " + expected
                    + "; this folder holds: " + listing(folder));
        }
        return found;
    }

    /** True if the folder holds every expected file. */
    static boolean holdsAll(Path folder, List<String> names) {
        return names.stream().allMatch(name -> find(folder, name) != null);
    }

    /** {@code folder/name} if it is a file, else {@code folder/name.gz} if that is, else null. */
    private static Path find(Path folder, String name) {
        Path plain = folder.resolve(name);
        if (Files.isRegularFile(plain)) {
            return plain;
        }
        Path gzipped = folder.resolve(name + ".gz");
        return Files.isRegularFile(gzipped) ? gzipped : null;
    }

    private static String listing(Path folder) {
        try (Stream<Path> entries = Files.list(folder)) {
            List<String> names = entries.map(p -> p.getFileName().toString()).sorted().collect(Collectors.toList());
            if (names.isEmpty()) {
                return "nothing";
            }
            if (names.size() > LISTING_LIMIT) {
                int more = names.size() - LISTING_LIMIT;
                return String.join(", ", names.subList(0, LISTING_LIMIT)) + " and " + more + " more";
            }
            return String.join(", ", names);
        } catch (IOException e) {
            return "(cannot list it: " + e.getMessage() + ")";
        }
    }
}
