package dev.stepwise.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The project's {@code .stepwise/} directory: local state only (the embedded server's data, the
 * parsed-migrations cache), never committed, so it carries a {@code .gitignore} of its own.
 */
public final class StateDirectory {

    private StateDirectory() {
    }

    /** Creates the directory and its {@code .gitignore} when missing; returns the directory. */
    public static Path ensure(Path directory) throws IOException {
        Files.createDirectories(directory);
        Path ignore = directory.resolve(".gitignore");
        if (!Files.exists(ignore)) {
            Files.writeString(ignore, "# Stepwise's local state: the embedded server, caches. Never committed.\n*\n");
        }
        return directory;
    }
}
