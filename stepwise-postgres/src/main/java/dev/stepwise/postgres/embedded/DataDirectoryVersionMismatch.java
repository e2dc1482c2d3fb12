package dev.stepwise.postgres.embedded;

import dev.stepwise.StepwiseException;

import java.nio.file.Path;

/**
 * The embedded server's data directory was written by another PostgreSQL major version than
 * the bundled binaries, which cannot open it.
 */
public final class DataDirectoryVersionMismatch extends StepwiseException {

    private final Path directory;
    private final String dataVersion;
    private final String binariesVersion;

    public DataDirectoryVersionMismatch(Path directory, String dataVersion, String binariesVersion) {
        super(Category.BAD_INPUT, directory + " holds a PostgreSQL " + dataVersion
                + " data directory, but the embedded server is PostgreSQL " + binariesVersion
                + ": move or delete " + directory + " (its data is lost unless you dump it with PostgreSQL "
                + dataVersion + " first), or configure a database URL");
        this.directory = directory;
        this.dataVersion = dataVersion;
        this.binariesVersion = binariesVersion;
    }

    public Path directory() {
        return directory;
    }

    /** The major version recorded in the directory's {@code PG_VERSION}, e.g. {@code 16}. */
    public String dataVersion() {
        return dataVersion;
    }

    /** The version of the bundled binaries, e.g. {@code 17.7}. */
    public String binariesVersion() {
        return binariesVersion;
    }
}
