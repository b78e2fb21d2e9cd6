package org.convlab.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.Gson;
import com.google.gson.reflect.TypeToken;

class KernelSpecTest {
    private static Map<String, Object> parse(String json) {
        return new Gson().fromJson(json, new TypeToken<Map<String, Object>>() {
        }.getType());
    }

    @Test
    void theKernelJsonStartsTheKernelWithTheGivenJavaFlagsAndClassPath() {
        KernelSpec spec = KernelSpec.of(Path.of("/jdk/bin/java"), List.of("--add-modules", "jdk.incubator.vector"),
                "/a.jar:/b dir/c.jar", Map.of("CONVLAB_HOME", "/work/main"));
        Map<String, Object> json = parse(spec.toJson());
        assertEquals(List.of("/jdk/bin/java", "--add-modules", "jdk.incubator.vector", "-cp", "/a.jar:/b dir/c.jar",
                "org.convlab.notebook.ConvlabKernel", "{connection_file}"), json.get("argv"));
        assertEquals("Java (convlab)", json.get("display_name"));
        assertEquals("java", json.get("language"));
        assertEquals("message", json.get("interrupt_mode"));
        assertEquals(Map.of("CONVLAB_HOME", "/work/main"), json.get("env"));
    }

    @Test
    void anEmptyEnvironmentIsLeftOut() {
        String json = KernelSpec.of(Path.of("java"), List.of(), "cp", Map.of()).toJson();
        assertFalse(parse(json).containsKey("env"));
    }

    @Test
    void installingWritesKernelJsonUnderTheKernelsName(@TempDir Path kernels) throws Exception {
        KernelSpec spec = KernelSpec.of(Path.of("java"), List.of(), "cp", Map.of());
        Path dir = spec.installInto(kernels);
        assertEquals(kernels.resolve("convlab"), dir);
        assertEquals(spec.toJson(), Files.readString(dir.resolve("kernel.json")));
    }
}
