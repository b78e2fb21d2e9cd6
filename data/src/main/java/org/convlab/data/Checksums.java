package org.convlab.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * SHA-256 digests and the {@code SHA256SUMS} file format of coreutils' {@code sha256sum}: one
 * {@code <64 hex digits><two spaces><file name>} line per file, checkable with
 * {@code sha256sum -c SHA256SUMS}.
 */
public final class Checksums {
    /** The conventional name of a checksum file. */
    public static final String FILE_NAME = "SHA256SUMS";

    private Checksums() {
    }

    /** The SHA-256 of everything left in the stream, as lowercase hex. The stream is not closed. */
    public static String sha256Hex(InputStream in) throws IOException {
        MessageDigest digest = newSha256();
        byte[] buffer = new byte[1 << 16];
        for (int n = in.read(buffer); n != -1; n = in.read(buffer)) {
            digest.update(buffer, 0, n);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /** The SHA-256 of a file, as lowercase hex. */
    public static String sha256Hex(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return sha256Hex(in);
        }
    }

    /** {@code SHA256SUMS} text for the given file names and digests, in the map's order. */
    public static String formatSums(Map<String, String> digestsByName) {
        StringBuilder text = new StringBuilder();
        digestsByName.forEach((name, digest) -> text.append(digest).append("  ").append(name).append('\n'));
        return text.toString();
    }

    /**
     * The file names and digests of {@code SHA256SUMS} text, in file order.
     *
     * @throws IllegalArgumentException on a line that is not {@code <64 hex digits>  <name>}
     */
    public static Map<String, String> parseSums(String text) {
        Map<String, String> sums = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            if (!line.matches("[0-9a-f]{64}  \\S.*")) {
                throw new IllegalArgumentException("not a SHA256SUMS line: \"" + line + "\"");
            }
            sums.put(line.substring(66), line.substring(0, 64));
        }
        return sums;
    }

    private static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform must provide SHA-256", e);
        }
    }
}
