package org.convlab.train;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.convlab.autograd.DType;
import org.convlab.autograd.Shapes;
import org.convlab.autograd.Tensor;

/**
 * NumPy's NPY format, version 1.0: the magic {@code \x93NUMPY}, the version bytes, a little-endian
 * header length, and an ASCII header dict
 * {@code {'descr': '<f4', 'fortran_order': False, 'shape': (2, 3), }} padded with spaces and a newline
 * so that the data starts at a multiple of 64 bytes; then the data, little-endian, C order.
 *
 * <p>Written: float32 ({@code <f4}) and float64 ({@code <f8}) tensors, and strings as 0-d unicode
 * arrays ({@code <U n}, UTF-32LE). Read: the same, from versions 1.0, 2.0 and 3.0 of the format.
 */
final class Npy {
    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final int ALIGNMENT = 64;
    private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([^']*)'");
    private static final Pattern FORTRAN = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
    private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");
    private static final Pattern UNICODE = Pattern.compile("<U(\\d+)");

    private Npy() {
    }

    /** An array read from an NPY file: a tensor, or a string held in a unicode array. */
    record Array(Tensor tensor, String string) {
    }

    /** The NPY bytes of a float32 or float64 tensor. */
    static byte[] encode(Tensor t) {
        String descr = t.dtype() == DType.F32 ? "<f4" : "<f8";
        byte[] header = header(descr, t.shape());
        ByteBuffer out = ByteBuffer.allocate(header.length + t.numel() * t.dtype().bytes()).order(ByteOrder.LITTLE_ENDIAN);
        out.put(header);
        if (t.dtype() == DType.F32) {
            out.asFloatBuffer().put(t.floatArray());
        } else {
            out.asDoubleBuffer().put(t.doubleArray());
        }
        return out.array();
    }

    /** The NPY bytes of a string as a 0-d unicode array, which numpy reads back with {@code str(array)}. */
    static byte[] encode(String s) {
        int[] codePoints = s.codePoints().toArray();
        byte[] header = header("<U" + Math.max(1, codePoints.length), new int[0]);
        ByteBuffer out = ByteBuffer.allocate(header.length + 4 * Math.max(1, codePoints.length)).order(ByteOrder.LITTLE_ENDIAN);
        out.put(header);
        out.asIntBuffer().put(codePoints);
        return out.array();
    }

    private static byte[] header(String descr, int[] shape) {
        String tuple = shape.length == 1 ? "(" + shape[0] + ",)"
                : Arrays.stream(shape).mapToObj(Integer::toString).collect(Collectors.joining(", ", "(", ")"));
        String dict = "{'descr': '" + descr + "', 'fortran_order': False, 'shape': " + tuple + ", }";
        int unpadded = MAGIC.length + 2 + 2 + dict.length() + 1;
        int total = (unpadded + ALIGNMENT - 1) / ALIGNMENT * ALIGNMENT;
        String padded = dict + " ".repeat(total - unpadded) + "\n";
        ByteBuffer out = ByteBuffer.allocate(total).order(ByteOrder.LITTLE_ENDIAN);
        out.put(MAGIC).put((byte) 1).put((byte) 0).putShort((short) padded.length());
        out.put(padded.getBytes(StandardCharsets.US_ASCII));
        return out.array();
    }

    /**
     * Decodes the bytes of one NPY file.
     *
     * @throws IllegalArgumentException saying what is wrong: bad magic, unsupported version or dtype,
     *     Fortran order, a malformed header, or data shorter or longer than the shape needs
     */
    static Array decode(byte[] bytes) {
        ByteBuffer in = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        if (bytes.length < MAGIC.length + 4 || !Arrays.equals(Arrays.copyOf(bytes, MAGIC.length), MAGIC)) {
            throw new IllegalArgumentException("not an NPY array (no \\x93NUMPY magic)");
        }
        in.position(MAGIC.length);
        int major = in.get();
        int minor = in.get();
        long headerLength;
        if (major == 1) {
            headerLength = Short.toUnsignedInt(in.getShort());
        } else if (major == 2 || major == 3) {
            headerLength = in.remaining() >= 4 ? Integer.toUnsignedLong(in.getInt()) : Long.MAX_VALUE;
        } else {
            throw new IllegalArgumentException("unsupported NPY version " + major + "." + minor);
        }
        if (headerLength > in.remaining()) {
            throw new IllegalArgumentException("truncated NPY header");
        }
        byte[] headerBytes = new byte[(int) headerLength];
        in.get(headerBytes);
        String header = new String(headerBytes, major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
        String descr = field(DESCR, header, "descr");
        if ("True".equals(field(FORTRAN, header, "fortran_order"))) {
            throw new IllegalArgumentException("Fortran-ordered arrays are not supported");
        }
        int[] shape = shape(field(SHAPE, header, "shape"));
        ByteBuffer data = in.slice().order(ByteOrder.LITTLE_ENDIAN);
        Matcher unicode = UNICODE.matcher(descr);
        if (unicode.matches()) {
            return new Array(null, string(data, shape, Integer.parseInt(unicode.group(1))));
        }
        return switch (descr) {
            case "<f4" -> new Array(floats(data, shape), null);
            case "<f8" -> new Array(doubles(data, shape), null);
            default -> throw new IllegalArgumentException("unsupported dtype '" + descr
                    + "' (convlab reads float32 '<f4', float64 '<f8' and unicode '<U')");
        };
    }

    private static String field(Pattern pattern, String header, String name) {
        Matcher m = pattern.matcher(header);
        if (!m.find()) {
            throw new IllegalArgumentException("malformed NPY header, no '" + name + "': " + header.strip());
        }
        return m.group(1);
    }

    private static int[] shape(String tuple) {
        String[] parts = Arrays.stream(tuple.split(",")).map(String::strip).filter(p -> !p.isEmpty()).toArray(String[]::new);
        int[] shape = new int[parts.length];
        for (int i = 0; i < parts.length; i++) {
            try {
                shape[i] = Integer.parseInt(parts[i].replace("L", ""));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("malformed NPY shape (" + tuple + ")", e);
            }
            if (shape[i] <= 0) {
                throw new IllegalArgumentException("empty or negative NPY shape (" + tuple + ") is not supported");
            }
        }
        Shapes.numel(shape);
        return shape;
    }

    private static void checkLength(ByteBuffer data, long expected) {
        if (data.remaining() != expected) {
            throw new IllegalArgumentException((data.remaining() < expected ? "truncated" : "oversized") + " NPY data: "
                    + data.remaining() + " bytes, expected " + expected);
        }
    }

    private static Tensor floats(ByteBuffer data, int[] shape) {
        int n = Shapes.numel(shape);
        checkLength(data, 4L * n);
        float[] values = new float[n];
        data.asFloatBuffer().get(values);
        return Tensor.of(values, shape);
    }

    private static Tensor doubles(ByteBuffer data, int[] shape) {
        int n = Shapes.numel(shape);
        checkLength(data, 8L * n);
        double[] values = new double[n];
        data.asDoubleBuffer().get(values);
        return Tensor.of(values, shape);
    }

    private static String string(ByteBuffer data, int[] shape, int length) {
        if (shape.length != 0) {
            throw new IllegalArgumentException("unicode arrays must be 0-d strings, got shape " + Shapes.str(shape));
        }
        checkLength(data, 4L * length);
        int[] codePoints = new int[length];
        data.asIntBuffer().get(codePoints);
        int end = length;
        while (end > 0 && codePoints[end - 1] == 0) {
            end--;
        }
        return new String(codePoints, 0, end);
    }
}
