package org.convlab.notebook;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Assumptions;

/**
 * What the tests that drive the kernel through Jupyter share: Debian's Python with the Jupyter modules they need,
 * and a kernelspec that starts the kernel on this test JVM's Java and class path, installed into a temporary
 * {@code JUPYTER_PATH} entry.
 */
final class JupyterTools {
    /** Debian's Python, which the Jupyter packages belong to (a pyenv python3 may come first on PATH). */
    static final Path PYTHON = Path.of("/usr/bin/python3");

    private JupyterTools() {
    }

    /**
     * Skips the calling tests (or, on CI, where {@code CI=true}, fails them) unless {@link #PYTHON} imports every
     * module.
     *
     * @param packages the Debian packages that provide the modules, named in the message
     * @param modules  Python modules, e.g. {@code jupyter_client}
     */
    static void require(String packages, String... modules) throws IOException, InterruptedException {
        String problem = null;
        if (!Files.isExecutable(PYTHON)) {
            problem = PYTHON + " is missing";
        } else {
            Process probe = new ProcessBuilder(PYTHON.toString(), "-c", "import " + String.join(", ", modules))
                    .redirectErrorStream(true).start();
            String output = new String(probe.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (probe.waitFor() != 0) {
                problem = output.strip();
            }
        }
        if (problem != null) {
            String message = "these tests need Debian's Jupyter tools (sudo apt-get install " + packages + "): " + problem;
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail(message);
            }
            Assumptions.abort(message);
        }
    }

    /**
     * Installs the convlab kernelspec for this JVM (its {@code java}, the Vector API flag, its class path) into
     * {@code jupyterPath/kernels/convlab}.
     *
     * @param jupyterPath a directory to put on {@code JUPYTER_PATH}
     * @return {@code jupyterPath}
     */
    static Path installKernel(Path jupyterPath) throws IOException {
        KernelSpec.forThisJvm(List.of("--add-modules", "jdk.incubator.vector"), Map.of())
                .installInto(jupyterPath.resolve("kernels"));
        return jupyterPath;
    }
}
