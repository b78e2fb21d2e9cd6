package org.convlab.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How the GEMM kernel is chosen from the JVM's modules, the CPU's vector size and the properties. */
class KernelSelectionTest {

    private final List<String> warnings = new ArrayList<>();

    private Gemm.Kernel choose(String kind, String shape, boolean module, int bits) {
        return Gemm.choose(kind, shape, module, () -> bits, warnings::add);
    }

    @Test
    void picksTheVectorTileThatMatchesThePreferredVectorSize() {
        assertEquals(Gemm.Kernel.VECTOR_256, choose(null, null, true, 256));
        assertEquals(Gemm.Kernel.VECTOR_512, choose(null, null, true, 512));
        assertEquals(List.of(), warnings);
    }

    @Test
    void fallsBackToScalarWithOneWarningWithoutTheVectorModule() {
        assertEquals(Gemm.Kernel.SCALAR, choose(null, null, false, 0));
        assertEquals(List.of("convlab: jdk.incubator.vector is not enabled; using the scalar GEMM kernel (slower)."
                + " Run the JVM with --add-modules jdk.incubator.vector."), warnings);
    }

    @Test
    void usesScalarSilentlyWhenVectorsAreNarrowerThan256Bits() {
        assertEquals(Gemm.Kernel.SCALAR, choose(null, null, true, 128));
        assertEquals(List.of(), warnings);
    }

    @Test
    void honoursForcedKindsAndShapes() {
        assertEquals(Gemm.Kernel.SCALAR, choose("scalar", null, true, 512));
        assertEquals(Gemm.Kernel.VECTOR_256, choose("vector", null, true, 128));
        assertEquals(Gemm.Kernel.VECTOR_512, choose("vector", "512", true, 256));
        assertEquals(Gemm.Kernel.VECTOR_256, choose(null, "256", true, 512));
        assertEquals(List.of(), warnings);
    }

    @Test
    void warnsAboutUnknownPropertyValuesAndIgnoresThem() {
        assertEquals(Gemm.Kernel.VECTOR_256, choose("fast", "1024", true, 256));
        assertEquals(2, warnings.size());
        assertTrue(warnings.get(0).contains("convlab.kernel='fast'"), warnings.get(0));
        assertTrue(warnings.get(1).contains("convlab.kernel.shape='1024'"), warnings.get(1));
    }

    @Test
    void describesTheActiveKernelAndBothTiles() {
        String description = Gemm.describe();
        assertTrue(description.startsWith(Gemm.active().label()), description);
        assertTrue(description.contains("float " + FloatGemm.kernel().mr() + "x" + FloatGemm.kernel().nr()), description);
        assertTrue(description.contains("double " + DoubleGemm.kernel().mr() + "x" + DoubleGemm.kernel().nr()),
                description);
    }

    @Test
    void everyKernelFamilyLoadsWithItsTileInBothPrecisions() {
        assertTile("4x4", "4x4", Gemm.Kernel.SCALAR);
        assertTile("5x16", "5x8", Gemm.Kernel.VECTOR_256);
        assertTile("8x32", "8x16", Gemm.Kernel.VECTOR_512);
    }

    private static void assertTile(String floatTile, String doubleTile, Gemm.Kernel kernel) {
        FloatMicroKernel f = kernel.instantiate("Float", FloatMicroKernel.class);
        DoubleMicroKernel d = kernel.instantiate("Double", DoubleMicroKernel.class);
        assertEquals(floatTile, f.mr() + "x" + f.nr(), kernel + " float");
        assertEquals(doubleTile, d.mr() + "x" + d.nr(), kernel + " double");
    }
}
