package dev.stepwise.postgres.embedded;

import dev.stepwise.StepwiseException;

import java.nio.file.Path;

/**
 * The embedded PostgreSQL server could not be prepared, started or stopped; the message carries
 * what the server or its tools said, and {@link #log()} names the server log to read for more.
 */
public final class EmbeddedServerFailed extends StepwiseException {

    private final Path log;

    public EmbeddedServerFailed(String message) {
        this(message, (Path) null);
    }

    public EmbeddedServerFailed(String message, Path log) {
        super(Category.FAILED, log == null ? message : message + " (server log: " + log + ")");
        this.log = log;
    }

    public EmbeddedServerFailed(String message, Throwable cause) {
        super(Category.FAILED, message + ": " + cause.getMessage(), cause);
        this.log = null;
    }

    /** The server log with the details, or null when the failure happened before the server ran. */
    public Path log() {
        return log;
    }
}
