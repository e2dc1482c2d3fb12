package dev.stepwise.source;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertThrows;

/** Writes migration files into a test's directory and reads them back. */
final class MigrationFiles {

    /** A header every valid example starts with (lines 1-2). */
    static final String HEADER = "-- revision: abc123\n-- down_revision: none\n";

    private final Path directory;

    MigrationFiles(Path directory) {
        this.directory = directory;
    }

    /** Writes {@code text} as the file of revision {@code abc123}. */
    Path write(String text) {
        return write("20240501093000_abc123_example.sql", text);
    }

    Path write(String fileName, String text) {
        return writeBytes(fileName, text.getBytes(StandardCharsets.UTF_8));
    }

    Path writeBytes(String fileName, byte[] bytes) {
        try {
            Path file = directory.resolve(fileName);
            Files.createDirectories(file.getParent());
            Files.write(file, bytes);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    SqlMigration parse(String text) {
        return new MigrationFileParser().parse(write(text));
    }

    /** The error a file with this text is rejected with. */
    MigrationFileException rejected(String text) {
        Path file = write(text);
        return assertThrows(MigrationFileException.class, () -> new MigrationFileParser().parse(file));
    }
}
