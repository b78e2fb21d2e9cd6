package org.convlab.train;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import org.convlab.autograd.Tensor;

/**
 * NumPy's {@code .npz} archives: a zip of NPY arrays, entry {@code name.npy} holding array
 * {@code name}, as written by {@code numpy.savez} and read by {@code numpy.load}.
 *
 * <p>convlab stores float32 and float64 tensors, and strings as 0-d unicode arrays (so
 * {@code str(np.load(f)['metadata'])} gives the string back). Entries are stored uncompressed, like
 * {@code numpy.savez}. Files are written {@linkplain AtomicFiles atomically}; reading decodes and checks
 * every entry (and its CRC) before returning anything.
 */
public final class Npz {
    private static final String SUFFIX = ".npy";

    private Npz() {
    }

    /**
     * The arrays of an archive, by name (without {@code .npy}), in archive order.
     *
     * @param tensors the numeric arrays
     * @param strings the unicode arrays
     */
    public record Contents(Map<String, Tensor> tensors, Map<String, String> strings) {
        /** Wraps the maps unmodifiably. */
        public Contents {
            tensors = Collections.unmodifiableMap(tensors);
            strings = Collections.unmodifiableMap(strings);
        }
    }

    /**
     * Writes tensors and strings to {@code file} atomically, tensors first, each under its name plus
     * {@code .npy}.
     *
     * @throws IllegalArgumentException if a name is used twice
     */
    public static void write(Path file, Map<String, Tensor> tensors, Map<String, String> strings) throws IOException {
        for (String name : strings.keySet()) {
            if (tensors.containsKey(name)) {
                throw new IllegalArgumentException("Npz.write: '" + name + "' is both a tensor and a string");
            }
        }
        AtomicFiles.write(file, out -> {
            ZipOutputStream zip = new ZipOutputStream(out);
            for (Map.Entry<String, Tensor> e : tensors.entrySet()) {
                putStored(zip, e.getKey() + SUFFIX, Npy.encode(e.getValue()));
            }
            for (Map.Entry<String, String> e : strings.entrySet()) {
                putStored(zip, e.getKey() + SUFFIX, Npy.encode(e.getValue()));
            }
            zip.finish();
        });
    }

    private static void putStored(ZipOutputStream zip, String name, byte[] bytes) throws IOException {
        ZipEntry entry = new ZipEntry(name);
        CRC32 crc = new CRC32();
        crc.update(bytes);
        entry.setMethod(ZipEntry.STORED);
        entry.setSize(bytes.length);
        entry.setCompressedSize(bytes.length);
        entry.setCrc(crc.getValue());
        zip.putNextEntry(entry);
        zip.write(bytes);
        zip.closeEntry();
    }

    /**
     * Reads every array of an archive.
     *
     * @throws CheckpointException naming the file (and the entry) if it is missing, truncated, not a
     *     zip, holds something other than NPY arrays, or an array convlab cannot read
     */
    public static Contents read(Path file) throws CheckpointException {
        String where = file.toString();
        Map<String, Tensor> tensors = new LinkedHashMap<>();
        Map<String, String> strings = new LinkedHashMap<>();
        if (!Files.isRegularFile(file)) {
            throw new CheckpointException(where, Files.exists(file) ? "not a regular file" : "no such file");
        }
        try (ZipFile zip = new ZipFile(file.toFile())) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                String entryName = entry.getName();
                if (!entryName.endsWith(SUFFIX)) {
                    throw new CheckpointException(where, "entry '" + entryName + "' is not an .npy array; not an .npz archive");
                }
                byte[] bytes;
                try (var in = zip.getInputStream(entry)) {
                    bytes = in.readAllBytes();
                }
                CRC32 crc = new CRC32();
                crc.update(bytes);
                if (entry.getCrc() != -1 && crc.getValue() != entry.getCrc()) {
                    throw new CheckpointException(where, "entry '" + entryName + "' is corrupt (CRC mismatch)");
                }
                Npy.Array array;
                try {
                    array = Npy.decode(bytes);
                } catch (IllegalArgumentException e) {
                    throw new CheckpointException(where, "entry '" + entryName + "': " + e.getMessage(), e);
                }
                String name = entryName.substring(0, entryName.length() - SUFFIX.length());
                if (array.tensor() != null) {
                    tensors.put(name, array.tensor());
                } else {
                    strings.put(name, array.string());
                }
            }
        } catch (NoSuchFileException e) {
            throw new CheckpointException(where, "no such file", e);
        } catch (ZipException e) {
            throw new CheckpointException(where, "not a complete .npz (zip) archive: the file is truncated or is not a "
                    + "checkpoint (" + e.getMessage() + ")", e);
        } catch (CheckpointException e) {
            throw e;
        } catch (IOException e) {
            throw new CheckpointException(where, "cannot read: " + e.getMessage(), e);
        }
        return new Contents(tensors, strings);
    }
}
