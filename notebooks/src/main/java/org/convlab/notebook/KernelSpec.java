package org.convlab.notebook;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.google.gson.GsonBuilder;

/**
 * The Jupyter kernelspec of the convlab kernel: a {@code kernel.json} that starts {@link ConvlabKernel} with a
 * given Java, JVM flags and class path, named {@value #NAME}, shown as {@value #DISPLAY_NAME}, language
 * {@code java}, interrupted by message (a signal would end the JVM).
 *
 * <p>The launcher installs it with this class's {@link #main}; tests install one into a temporary
 * {@code JUPYTER_PATH}.
 *
 * @param argv the command Jupyter runs, ending with {@code {connection_file}}
 * @param env  environment variables for the kernel
 */
public record KernelSpec(List<String> argv, Map<String, String> env) {
    /** The kernel's name: the directory under {@code kernels/}. */
    public static final String NAME = "convlab";
    /** The name front ends show. */
    public static final String DISPLAY_NAME = "Java (convlab)";

    /** Copies the arguments. */
    public KernelSpec {
        argv = List.copyOf(argv);
        env = Map.copyOf(env);
    }

    /**
     * The kernelspec that runs the kernel with {@code java}.
     *
     * @param java      the {@code java} executable
     * @param jvmFlags  flags before the class path, e.g. {@code --add-modules jdk.incubator.vector}
     * @param classpath the class path holding the kernel and every library cells may use
     * @param env       environment variables for the kernel
     */
    public static KernelSpec of(Path java, List<String> jvmFlags, String classpath, Map<String, String> env) {
        List<String> argv = new ArrayList<>();
        argv.add(java.toString());
        argv.addAll(jvmFlags);
        argv.addAll(List.of("-cp", classpath, ConvlabKernel.class.getName(), "{connection_file}"));
        return new KernelSpec(argv, env);
    }

    /**
     * The kernelspec that runs the kernel with this running JVM: its {@code java} and its class path.
     *
     * @param jvmFlags flags before the class path, e.g. {@code --add-modules jdk.incubator.vector}
     * @param env      environment variables for the kernel
     */
    public static KernelSpec forThisJvm(List<String> jvmFlags, Map<String, String> env) {
        return of(Path.of(System.getProperty("java.home"), "bin", "java"), jvmFlags, System.getProperty("java.class.path"),
                env);
    }

    /** The {@code kernel.json} text. */
    public String toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("argv", argv);
        json.put("display_name", DISPLAY_NAME);
        json.put("language", "java");
        json.put("interrupt_mode", "message");
        if (!env.isEmpty()) {
            json.put("env", env);
        }
        return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(json) + "\n";
    }

    /**
     * Writes {@code kernel.json} into {@code kernelsDirectory/convlab/}, creating the directories.
     *
     * @param kernelsDirectory a {@code kernels} directory of a Jupyter data directory
     * @return the kernel's directory
     */
    public Path installInto(Path kernelsDirectory) throws IOException {
        Path dir = kernelsDirectory.resolve(NAME);
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("kernel.json"), toJson());
        return dir;
    }

    /**
     * Installs the kernelspec for the running JVM: its {@code java}, its class path, the given JVM flags, and
     * {@code CONVLAB_HOME} if set.
     *
     * @param args the {@code kernels} directory, then the kernel's JVM flags
     */
    public static void main(String[] args) throws IOException {
        if (args.length < 1) {
            System.err.println("usage: java -cp <classpath> " + KernelSpec.class.getName()
                    + " <kernels-directory> [jvm-flag...]");
            System.exit(2);
        }
        Map<String, String> env = System.getenv("CONVLAB_HOME") == null ? Map.of()
                : Map.of("CONVLAB_HOME", System.getenv("CONVLAB_HOME"));
        KernelSpec spec = forThisJvm(Arrays.asList(args).subList(1, args.length), env);
        System.out.println("Installed kernelspec '" + NAME + "' in " + spec.installInto(Path.of(args[0])));
    }
}
