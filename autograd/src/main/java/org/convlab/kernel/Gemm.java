package org.convlab.kernel;

import java.util.function.Consumer;
import java.util.function.IntSupplier;

/**
 * Chooses the GEMM micro-kernel for this JVM and describes the choice.
 *
 * <p>The fast kernels use the incubating Vector API ({@code jdk.incubator.vector}). They are chosen when
 * the boot layer contains that module (the JVM was started with
 * {@code --add-modules jdk.incubator.vector}); otherwise convlab prints one warning and uses a scalar
 * kernel, so the library works either way. The vector kernels are loaded reflectively, only after that
 * check. The tile follows the CPU's preferred vector size: five rows by two 256-bit vectors where
 * vectors are 256 bits (AVX2: 16 registers), eight rows by two 512-bit vectors where they are 512 bits
 * (AVX-512: 32 registers).
 *
 * <p>Two system properties, read once, override the choice: {@code convlab.kernel=scalar|vector} and
 * {@code convlab.kernel.shape=256|512}.
 */
public final class Gemm {

    /** The system property that forces the kernel kind: {@code scalar} or {@code vector}. */
    public static final String KERNEL_PROPERTY = "convlab.kernel";
    /** The system property that forces the vector tile shape: {@code 256} or {@code 512}. */
    public static final String SHAPE_PROPERTY = "convlab.kernel.shape";

    static final String VECTOR_MODULE = "jdk.incubator.vector";
    static final String MISSING_MODULE_WARNING = "convlab: jdk.incubator.vector is not enabled; using the scalar GEMM"
            + " kernel (slower). Run the JVM with --add-modules jdk.incubator.vector.";

    /** The kernel families; each names the class suffix of its per-precision implementations. */
    enum Kernel {
        /** Plain Java loops over a 4 × 4 tile. */
        SCALAR("ScalarKernel", "scalar"),
        /** Vector API, five rows by two 256-bit vectors. */
        VECTOR_256("VectorKernel256", "vector 256-bit"),
        /** Vector API, eight rows by two 512-bit vectors. */
        VECTOR_512("VectorKernel512", "vector 512-bit");

        private final String classSuffix;
        private final String label;

        Kernel(String classSuffix, String label) {
            this.classSuffix = classSuffix;
            this.label = label;
        }

        /** Instantiates this family's kernel for a precision ({@code "Float"} or {@code "Double"}). */
        <K> K instantiate(String precision, Class<K> type) {
            String name = Gemm.class.getPackageName() + "." + precision + classSuffix;
            try {
                return type.cast(Class.forName(name).getDeclaredConstructor().newInstance());
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("convlab: cannot load the GEMM kernel " + name, e);
            }
        }

        String label() {
            return label;
        }
    }

    private static final Kernel ACTIVE = choose(System.getProperty(KERNEL_PROPERTY), System.getProperty(SHAPE_PROPERTY),
            vectorApiAvailable(), Gemm::preferredVectorBits, System.err::println);

    private Gemm() {
    }

    /**
     * Describes the active kernels and their cache blocking, for benchmark output, e.g.
     * {@code "vector 256-bit kernel: float 5x16 (MC 125, KC 512, NC 2048), double 5x8 (...)"}.
     *
     * @return a one-line description
     */
    public static String describe() {
        return ACTIVE.label() + " kernel: float " + FloatGemm.describeKernel() + ", double " + DoubleGemm.describeKernel();
    }

    /**
     * Whether the boot layer contains {@code jdk.incubator.vector}, i.e. the JVM was started with
     * {@code --add-modules jdk.incubator.vector}, so classes using the Vector API can be loaded. This is the
     * presence check only: it does not consult {@link #KERNEL_PROPERTY}.
     *
     * @return whether the Vector API module is present
     */
    public static boolean vectorApiAvailable() {
        return ModuleLayer.boot().findModule(VECTOR_MODULE).isPresent();
    }

    /** The kernel family active in this JVM. */
    static Kernel active() {
        return ACTIVE;
    }

    /**
     * Chooses the kernel family.
     *
     * @param forcedKind     the value of {@code convlab.kernel}, or null
     * @param forcedShape    the value of {@code convlab.kernel.shape}, or null
     * @param vectorModule   whether the boot layer has {@code jdk.incubator.vector}
     * @param preferredBits  the CPU's preferred vector size in bits, asked only when the module is present
     * @param warn           receives warnings for the user
     */
    static Kernel choose(String forcedKind, String forcedShape, boolean vectorModule,
                         IntSupplier preferredBits, Consumer<String> warn) {
        if (forcedKind != null && !forcedKind.equals("scalar") && !forcedKind.equals("vector")) {
            warn.accept("convlab: ignoring " + KERNEL_PROPERTY + "='" + forcedKind + "' (expected scalar or vector).");
            forcedKind = null;
        }
        if ("scalar".equals(forcedKind)) {
            return Kernel.SCALAR;
        }
        if (!vectorModule) {
            warn.accept(MISSING_MODULE_WARNING);
            return Kernel.SCALAR;
        }
        if ("256".equals(forcedShape)) {
            return Kernel.VECTOR_256;
        }
        if ("512".equals(forcedShape)) {
            return Kernel.VECTOR_512;
        }
        if (forcedShape != null) {
            warn.accept("convlab: ignoring " + SHAPE_PROPERTY + "='" + forcedShape + "' (expected 256 or 512).");
        }
        int bits = preferredBits.getAsInt();
        if (bits >= 512) {
            return Kernel.VECTOR_512;
        }
        if (bits >= 256 || "vector".equals(forcedKind)) {
            return Kernel.VECTOR_256;
        }
        return Kernel.SCALAR;
    }

    /** Asks the Vector API for the preferred vector size without linking against it. */
    private static int preferredVectorBits() {
        try {
            Class<?> shapeClass = Class.forName("jdk.incubator.vector.VectorShape");
            Object shape = shapeClass.getMethod("preferredShape").invoke(null);
            return (Integer) shapeClass.getMethod("vectorBitSize").invoke(shape);
        } catch (ReflectiveOperationException e) {
            return 0;
        }
    }
}
