package org.convlab.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The library in a JVM started without {@code --add-modules jdk.incubator.vector}. */
class WithoutVectorModuleTest {

    /** Runs one small GEMM and prints the kernel description and the result. */
    public static void main(String[] args) {
        float[] c = new float[4];
        FloatGemm.gemm(false, false, 2, 2, 2, 1, new float[] {1, 2, 3, 4}, 0, 2, new float[] {5, 6, 7, 8}, 0, 2, 0, c,
                0, 2);
        System.out.println(Gemm.describe());
        System.out.println(c[0] + " " + c[1] + " " + c[2] + " " + c[3]);
    }

    @Test
    void fallsBackToTheScalarKernelWithOneWarning() throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"),
                WithoutVectorModuleTest.class.getName())).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, process.waitFor(), err);
        assertTrue(out.startsWith("scalar kernel: float 4x4"), out);
        assertTrue(out.contains("19.0 22.0 43.0 50.0"), out);
        int first = err.indexOf(Gemm.MISSING_MODULE_WARNING);
        assertTrue(first >= 0 && first == err.lastIndexOf(Gemm.MISSING_MODULE_WARNING), err);
    }
}
