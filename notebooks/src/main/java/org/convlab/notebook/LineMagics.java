package org.convlab.notebook;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.Supplier;

import io.github.spencerpark.jupyter.kernel.util.GlobFinder;

/**
 * The kernel's line magics, IJava's names and meaning:
 * <ul>
 *   <li>{@code %jars glob...} adds the jars matching each glob (e.g. {@code lib/*.jar}) to the class path;</li>
 *   <li>{@code %classpath path...} adds jars or class directories; each argument may hold several paths separated
 *       by {@value File#pathSeparator} and may use globs;</li>
 *   <li>{@code %maven groupId:artifactId:version...} resolves artifacts and their runtime dependencies from Maven
 *       Central into {@code ~/.m2/repository} and adds them.</li>
 * </ul>
 * Relative paths are resolved against the kernel's working directory, which is the notebook's directory.
 */
final class LineMagics implements AutoCloseable {
    /** The line magics' names, without the {@code %}. */
    static final List<String> NAMES = List.of("jars", "classpath", "maven");

    private static final String USAGE = "line magics: %jars <glob>..., %classpath <path>..., %maven <coordinates>...";

    private final JShellSession session;
    private final Supplier<MavenResolver> resolverFactory;
    private MavenResolver resolver;

    /**
     * @param session         the session whose class path the magics extend
     * @param resolverFactory makes the resolver behind {@code %maven}, when it is first used
     */
    LineMagics(JShellSession session, Supplier<MavenResolver> resolverFactory) {
        this.session = session;
        this.resolverFactory = resolverFactory;
    }

    /** Runs one magic; reports what it added on standard output. */
    void run(CellSource.Magic magic) throws CellException {
        if (magic.args().isEmpty() && NAMES.contains(magic.name())) {
            throw usageError("%" + magic.name() + " needs at least one argument; " + USAGE);
        }
        List<Path> added = new ArrayList<>();
        switch (magic.name()) {
            case "jars" -> {
                for (String glob : magic.args()) {
                    addAll(glob, expand(glob, p -> Files.isRegularFile(p) && p.toString().endsWith(".jar")), added);
                }
            }
            case "classpath" -> {
                for (String arg : magic.args()) {
                    for (String path : arg.split(File.pathSeparator)) {
                        addAll(path, expand(path, Files::exists), added);
                    }
                }
            }
            case "maven" -> {
                for (String coordinates : magic.args()) {
                    addAll(coordinates, resolve(coordinates), added);
                }
            }
            default -> throw usageError("unknown line magic %" + magic.name() + "; " + USAGE);
        }
        System.out.println("%" + magic.name() + ": added " + added.size() + (added.size() == 1 ? " entry" : " entries")
                + " to the class path" + (added.isEmpty() ? " (all were on it already)" : ""));
    }

    @Override
    public synchronized void close() {
        if (resolver != null) {
            resolver.close();
        }
    }

    private void addAll(String argument, List<Path> paths, List<Path> added) throws CellException {
        if (paths.isEmpty()) {
            throw usageError("nothing matches " + argument);
        }
        for (Path path : paths) {
            if (session.addToClasspath(path)) {
                added.add(path);
            }
        }
    }

    private static List<Path> expand(String glob, Predicate<Path> accept) throws CellException {
        List<Path> paths = new ArrayList<>();
        try {
            for (Path path : new GlobFinder(glob).computeMatchingPaths()) {
                if (accept.test(path)) {
                    paths.add(path);
                }
            }
        } catch (NoSuchFileException e) {
            return List.of();
        } catch (IOException e) {
            throw Tracebacks.simple(e.getClass().getName(), "cannot read " + glob + ": " + e.getMessage(), List.of());
        }
        return paths;
    }

    private List<Path> resolve(String coordinates) throws CellException {
        try {
            return resolver().resolve(coordinates);
        } catch (IllegalArgumentException e) {
            throw usageError("bad Maven coordinates '" + coordinates + "': expected groupId:artifactId:version");
        } catch (Exception e) {
            throw Tracebacks.simple(e.getClass().getName(), e.getMessage(), List.of());
        }
    }

    private synchronized MavenResolver resolver() {
        if (resolver == null) {
            resolver = resolverFactory.get();
        }
        return resolver;
    }

    private static CellException usageError(String message) {
        return Tracebacks.simple("UsageError", message, List.of());
    }
}
