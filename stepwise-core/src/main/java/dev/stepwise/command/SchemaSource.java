package dev.stepwise.command;

import dev.stepwise.StepwiseException;
import dev.stepwise.config.Secrets;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One side of {@code diff --from X --to Y}: a live database ({@code jdbc:postgresql://...} or
 * {@code postgresql://...}), a directory of SQL files (a desired schema, like {@code schema/}),
 * or a directory of Stepwise migrations at a revision ({@code migrations@head},
 * {@code migrations@3a9d0c}, {@code migrations@base}: the migrations up to it, replayed). A
 * relative path is read against the project directory.
 */
public sealed interface SchemaSource {

    /** A database, read live. */
    record Live(String url) implements SchemaSource {
        @Override
        public String toString() {
            return Secrets.redactUrl(url);
        }
    }

    /** SQL files applied to a fresh database. */
    record SqlDirectory(Path directory, String shownAs) implements SchemaSource {
        @Override
        public String toString() {
            return shownAs;
        }
    }

    /** A directory of migrations, replayed up to a revision ({@code head}, {@code base}, an id or prefix). */
    record MigrationsAt(Path directory, String revision, String shownAs) implements SchemaSource {
        @Override
        public String toString() {
            return shownAs;
        }
    }

    /**
     * @throws StepwiseException (bad input) when the text is no URL and names no directory
     */
    static SchemaSource parse(String text, Path projectDirectory) {
        if (text.startsWith("jdbc:") || text.matches("^[A-Za-z][A-Za-z0-9+.-]*://.*")) {
            return new Live(text);
        }
        int at = text.lastIndexOf('@');
        if (at > 0 && at < text.length() - 1) {
            Path dir = projectDirectory.resolve(text.substring(0, at)).normalize();
            if (Files.isDirectory(dir)) {
                return new MigrationsAt(dir, text.substring(at + 1), text);
            }
        }
        Path dir = projectDirectory.resolve(text).normalize();
        if (!Files.isDirectory(dir)) {
            throw new StepwiseException(StepwiseException.Category.BAD_INPUT, text + " is no database URL and no"
                    + " directory: give jdbc:postgresql://... or postgresql://..., a directory of .sql files, or a"
                    + " migrations directory at a revision (migrations@head, migrations@REV, migrations@base)");
        }
        return new SqlDirectory(dir, text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
    }
}
