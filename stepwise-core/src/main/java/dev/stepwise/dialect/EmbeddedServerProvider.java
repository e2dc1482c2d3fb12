package dev.stepwise.dialect;

import java.nio.file.Path;

/**
 * Starts or joins a database server kept under a project's state directory; found through
 * {@link java.util.ServiceLoader} when no database URL is configured anywhere.
 */
public interface EmbeddedServerProvider {

    /** The dialect whose server this provides, e.g. {@code postgresql}. */
    String dialectName();

    /**
     * Starts the server kept under {@code stateDirectory} (e.g. a project's {@code .stepwise/}),
     * or joins it when another process already runs it, and holds a reference to it until the
     * returned server is closed.
     */
    EmbeddedServer open(Path stateDirectory);

    /**
     * Like {@link #open(Path)}, but a server of major version {@code wantedMajor} when binaries
     * for it are at hand, else of the nearest newer major that is, else the newest there is (the
     * caller compares the server's version and says so). The default has only the bundled one.
     */
    default EmbeddedServer open(Path stateDirectory, int wantedMajor) {
        return open(stateDirectory);
    }
}
