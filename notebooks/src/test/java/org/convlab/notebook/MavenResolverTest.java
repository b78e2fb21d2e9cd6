package org.convlab.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

import org.eclipse.aether.resolution.DependencyResolutionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Resolution against a repository on disk (a {@code file:} URL), so that no network is needed. */
class MavenResolverTest {
    @TempDir
    Path temp;

    /** Publishes {@code org.example:name:version} with a jar and a pom declaring {@code dependencies}. */
    private void publish(Path repository, String name, String version, String dependencies) throws IOException {
        Path dir = repository.resolve("org/example/" + name + "/" + version);
        Files.createDirectories(dir);
        try (OutputStream file = Files.newOutputStream(dir.resolve(name + "-" + version + ".jar"));
             JarOutputStream jar = new JarOutputStream(file)) {
            jar.putNextEntry(new JarEntry("org/example/" + name + ".txt"));
            jar.write(name.getBytes());
            jar.closeEntry();
        }
        Files.writeString(dir.resolve(name + "-" + version + ".pom"), """
                <project xmlns="http://maven.apache.org/POM/4.0.0">
                  <modelVersion>4.0.0</modelVersion>
                  <groupId>org.example</groupId>
                  <artifactId>%s</artifactId>
                  <version>%s</version>
                  <dependencies>%s</dependencies>
                </project>
                """.formatted(name, version, dependencies));
    }

    private MavenResolver resolver(Path remote) {
        return new MavenResolver(temp.resolve("local"), List.of(remote.toUri()));
    }

    @Test
    void anArtifactResolvesWithItsRuntimeDependenciesIntoTheLocalRepository() throws Exception {
        Path remote = temp.resolve("remote");
        publish(remote, "lib", "1.0", """
                <dependency><groupId>org.example</groupId><artifactId>dep</artifactId><version>2.0</version></dependency>
                <dependency><groupId>org.example</groupId><artifactId>testing</artifactId><version>3.0</version>
                  <scope>test</scope></dependency>""");
        publish(remote, "dep", "2.0", "");
        try (MavenResolver resolver = resolver(remote)) {
            List<Path> files = resolver.resolve("org.example:lib:1.0");
            assertEquals(List.of("lib-1.0.jar", "dep-2.0.jar"), files.stream().map(p -> p.getFileName().toString()).toList());
            files.forEach(f -> assertTrue(f.startsWith(temp.resolve("local")), f + " is in the local repository"));
        }
    }

    @Test
    void aMissingArtifactFailsWithTheResolversError() {
        try (MavenResolver resolver = resolver(temp.resolve("empty"))) {
            DependencyResolutionException e = assertThrows(DependencyResolutionException.class,
                    () -> resolver.resolve("org.example:nothing:1.0"));
            assertTrue(e.getMessage().contains("org.example:nothing:jar:1.0"), e.getMessage());
        }
    }

    @Test
    void malformedCoordinatesAreRejected() {
        try (MavenResolver resolver = resolver(temp.resolve("empty"))) {
            assertThrows(IllegalArgumentException.class, () -> resolver.resolve("just-a-name"));
        }
    }
}
