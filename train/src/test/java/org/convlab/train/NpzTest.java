package org.convlab.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.convlab.autograd.DType;
import org.convlab.autograd.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NpzTest {
    @TempDir
    Path folder;

    @Test
    void npyHeadersFollowVersionOnePaddedToSixtyFourBytes() {
        byte[] bytes = Npy.encode(Tensor.zeros(DType.F32, 2, 3));
        assertArrayEquals(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0}, Arrays.copyOf(bytes, 8));
        int headerLength = (bytes[8] & 0xff) | (bytes[9] & 0xff) << 8;
        assertEquals(0, (10 + headerLength) % 64);
        String header = new String(bytes, 10, headerLength, StandardCharsets.US_ASCII);
        assertTrue(header.startsWith("{'descr': '<f4', 'fortran_order': False, 'shape': (2, 3), }"), header);
        assertTrue(header.endsWith(" \n"), header);
        assertEquals(10 + headerLength + 6 * 4, bytes.length);
        assertTrue(new String(Npy.encode(Tensor.zeros(DType.F64, 5)), StandardCharsets.US_ASCII).contains("'shape': (5,)"));
        assertTrue(new String(Npy.encode(Tensor.scalar(DType.F64, 1)), StandardCharsets.US_ASCII).contains("'shape': ()"));
    }

    @Test
    void archivesRoundTripFloat32Float64ScalarsAndStrings() throws IOException {
        Map<String, Tensor> tensors = new LinkedHashMap<>();
        tensors.put("W1", Tensor.randn(DType.F32, 1, 4, 1, 3, 3));
        tensors.put("b1", Tensor.of(new double[] {1.5, -2.25, Double.MIN_VALUE, 1e300}, 4));
        tensors.put("t", Tensor.scalar(DType.F64, 42));
        String text = "{\"note\": \"Ünïcödé ✓ 𝛃\"}";
        Path file = folder.resolve("a.npz");
        Npz.write(file, tensors, Map.of("metadata", text));

        Npz.Contents back = Npz.read(file);
        assertEquals(List.of("W1", "b1", "t"), List.copyOf(back.tensors().keySet()));
        tensors.forEach((name, t) -> {
            Tensor r = back.tensors().get(name);
            assertEquals(t.dtype(), r.dtype(), name);
            assertArrayEquals(t.shape(), r.shape(), name);
            assertArrayEquals(t.toDoubleArray(), r.toDoubleArray(), name);
        });
        assertEquals(text, back.strings().get("metadata"));
    }

    @Test
    void aTruncatedArchiveIsReportedWithItsFileName() throws IOException {
        Path file = folder.resolve("cut.npz");
        Npz.write(file, Map.of("w", Tensor.zeros(DType.F32, 100)), Map.of());
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, Arrays.copyOf(bytes, bytes.length / 2));
        CheckpointException e = assertThrows(CheckpointException.class, () -> Npz.read(file));
        assertTrue(e.getMessage().startsWith(file + ": not a complete .npz (zip) archive"), e.getMessage());
    }

    @Test
    void aMissingFileIsReportedWithItsName() {
        Path file = folder.resolve("absent.npz");
        CheckpointException e = assertThrows(CheckpointException.class, () -> Npz.read(file));
        assertEquals(file + ": no such file", e.getMessage());
    }

    @Test
    void unsupportedArraysAreReportedWithTheEntryName() {
        byte[] int64 = npy("{'descr': '<i8', 'fortran_order': False, 'shape': (2,), }", 16);
        byte[] fortran = npy("{'descr': '<f8', 'fortran_order': True, 'shape': (2, 2), }", 32);
        byte[] shortData = npy("{'descr': '<f4', 'fortran_order': False, 'shape': (4,), }", 8);
        assertTrue(decodeError(int64).contains("unsupported dtype '<i8'"));
        assertTrue(decodeError(fortran).contains("Fortran"));
        assertTrue(decodeError(shortData).contains("truncated NPY data: 8 bytes, expected 16"));
        assertTrue(decodeError("not numpy".getBytes(StandardCharsets.US_ASCII)).contains("magic"));
    }

    private static String decodeError(byte[] bytes) {
        return assertThrows(IllegalArgumentException.class, () -> Npy.decode(bytes)).getMessage();
    }

    /** An NPY v1.0 file with the given header dict and {@code dataBytes} zero bytes of data. */
    private static byte[] npy(String dict, int dataBytes) {
        byte[] header = (dict + "\n").getBytes(StandardCharsets.US_ASCII);
        byte[] out = new byte[10 + header.length + dataBytes];
        System.arraycopy(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0, (byte) header.length, 0}, 0, out, 0, 10);
        System.arraycopy(header, 0, out, 10, header.length);
        return out;
    }
}
