package org.convlab.notebook;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.maven.repository.internal.MavenRepositorySystemUtils;
import org.eclipse.aether.DefaultRepositorySystemSession;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.collection.CollectRequest;
import org.eclipse.aether.graph.Dependency;
import org.eclipse.aether.repository.LocalRepository;
import org.eclipse.aether.repository.RemoteRepository;
import org.eclipse.aether.resolution.ArtifactResult;
import org.eclipse.aether.resolution.DependencyRequest;
import org.eclipse.aether.resolution.DependencyResolutionException;
import org.eclipse.aether.supplier.RepositorySystemSupplier;
import org.eclipse.aether.util.artifact.JavaScopes;
import org.eclipse.aether.util.filter.DependencyFilterUtils;

/**
 * Resolves Maven coordinates, with their runtime dependencies, through Maven Resolver: downloads into a local
 * repository (by default {@code ~/.m2/repository}, or {@code -Dmaven.repo.local}) from remote repositories (by
 * default Maven Central). Behind the kernel's {@code %maven} magic.
 */
public final class MavenResolver implements AutoCloseable {
    /** Maven Central's URL. */
    public static final URI CENTRAL = URI.create("https://repo.maven.apache.org/maven2/");

    private final RepositorySystem system;
    private final DefaultRepositorySystemSession session;
    private final List<RemoteRepository> repositories = new ArrayList<>();

    /**
     * @param localRepository where artifacts are stored, created if missing
     * @param remotes         the repositories to download from, in order
     */
    public MavenResolver(Path localRepository, List<URI> remotes) {
        system = new RepositorySystemSupplier().get();
        session = MavenRepositorySystemUtils.newSession();
        session.setSystemProperties(System.getProperties());
        session.setLocalRepositoryManager(system.newLocalRepositoryManager(session,
                new LocalRepository(localRepository.toFile())));
        for (int i = 0; i < remotes.size(); i++) {
            String id = remotes.get(i).equals(CENTRAL) ? "central" : "repository-" + (i + 1);
            repositories.add(new RemoteRepository.Builder(id, "default", remotes.get(i).toString()).build());
        }
    }

    /** A resolver from Maven Central into the user's local repository ({@code maven.repo.local} if set). */
    public static MavenResolver central() {
        String local = System.getProperty("maven.repo.local");
        Path repository = local != null ? Path.of(local)
                : Path.of(System.getProperty("user.home"), ".m2", "repository");
        return new MavenResolver(repository, List.of(CENTRAL));
    }

    /**
     * Resolves an artifact and its runtime dependencies.
     *
     * @param coordinates {@code groupId:artifactId[:extension[:classifier]]:version}
     * @return the files, the artifact's own first
     * @throws DependencyResolutionException if an artifact cannot be found or downloaded
     * @throws IllegalArgumentException      if the coordinates are malformed
     */
    public List<Path> resolve(String coordinates) throws DependencyResolutionException {
        Dependency root = new Dependency(new DefaultArtifact(coordinates), JavaScopes.RUNTIME);
        DependencyRequest request = new DependencyRequest(new CollectRequest(root, repositories),
                DependencyFilterUtils.classpathFilter(JavaScopes.RUNTIME));
        return system.resolveDependencies(session, request).getArtifactResults().stream()
                .map(ArtifactResult::getArtifact)
                .map(artifact -> artifact.getFile().toPath())
                .toList();
    }

    @Override
    public void close() {
        system.shutdown();
    }
}
