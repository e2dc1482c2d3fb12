package dev.stepwise.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * A Stepwise project in a test's temporary directory: a {@code migrations/} directory that tests
 * write migration files into, named the way {@code stepwise revision} names them, in the order
 * they are written.
 */
public final class Project {

    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("uuuuMMddHHmmss")
            .withZone(ZoneOffset.UTC);
    private static final Instant FIRST = Instant.parse("2026-01-01T00:00:00Z");

    private final Path root;
    private int written;

    private Project(Path root) {
        this.root = root;
    }

    /** An empty project with an empty {@code migrations/} directory. */
    public static Project in(Path directory) {
        try {
            Files.createDirectories(directory.resolve("migrations"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Project(directory);
    }

    public Path root() {
        return root;
    }

    /** Writes a migration file; returns it. Files sort in the order they were added. */
    public Path add(MigrationText migration) {
        return write(migration.revision(), migration.toString());
    }

    /** Writes a file of the given text under the name a migration of {@code revision} would have. */
    public Path write(String revision, String text) {
        String name = TIMESTAMP.format(FIRST.plusSeconds(written++)) + "_" + revision + ".sql";
        Path file = root.resolve("migrations").resolve(name);
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    /** Replaces text in a file, as a developer editing it would; fails when the text is not there. */
    public static void edit(Path file, String from, String to) {
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            if (!text.contains(from)) {
                throw new IllegalArgumentException(file + " does not contain " + from);
            }
            Files.writeString(file, text.replace(from, to), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes {@code stepwise.toml}. */
    public void config(String toml) {
        try {
            Files.writeString(root.resolve("stepwise.toml"), toml, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
