package dev.stepwise.autogen;

import dev.stepwise.StepwiseException;
import dev.stepwise.sql.ScriptItem;
import dev.stepwise.sql.SqlScriptException;
import dev.stepwise.sql.StatementSplitter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A desired schema written as plain SQL: every {@code .sql} file under a directory and its
 * subdirectories, in the order of their paths relative to it (compared as text with {@code /}
 * between names, so {@code 01_types.sql} comes before {@code tables/orders.sql}), split into
 * statements the way migration files are. Applying them is the caller's job: what the schema is,
 * is what the database makes of them.
 */
public final class SchemaFiles {

    /**
     * One statement of a schema file.
     *
     * @param shown the file as messages name it ({@code schema/tables/orders.sql})
     * @param line  1-based line of its first token
     */
    public record Statement(Path file, String shown, int line, String sql) {

        /** {@code schema/tables/orders.sql:12}, for messages. */
        public String where() {
            return shown + ":" + line;
        }
    }

    private SchemaFiles() {
    }

    /**
     * The statements of every file, in order.
     *
     * @param directory the directory of SQL files
     * @param shownAs   how messages name the directory ({@code schema})
     * @throws StepwiseException (bad input) when the directory is missing, holds no SQL file, or a
     *                           file cannot be split (naming file and line)
     */
    public static List<Statement> read(Path directory, String shownAs) {
        List<Statement> statements = new ArrayList<>();
        for (Path file : find(directory, shownAs)) {
            String shown = shownAs + "/" + relative(directory, file);
            String text;
            try {
                text = Files.readString(file, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new StepwiseException(StepwiseException.Category.BAD_INPUT, shown + ": cannot be read: "
                        + e.getMessage());
            }
            try {
                for (ScriptItem.Statement s : StatementSplitter.statements(text)) {
                    statements.add(new Statement(file, shown, s.line(), s.sql()));
                }
            } catch (SqlScriptException e) {
                throw new StepwiseException(StepwiseException.Category.BAD_INPUT, shown + ":" + e.line() + ": "
                        + e.problem());
            }
        }
        return statements;
    }

    /** The SQL files under the directory, in the order they are applied. */
    public static List<Path> find(Path directory, String shownAs) {
        if (!Files.isDirectory(directory)) {
            throw new StepwiseException(StepwiseException.Category.BAD_INPUT, shownAs + "/ does not exist: the"
                    + " desired schema is read from .sql files there (CREATE TABLE ... as you want the tables to be)");
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(directory)) {
            files = walk.filter(Files::isRegularFile).filter(p -> p.getFileName().toString().endsWith(".sql"))
                    .sorted(Comparator.comparing(p -> relative(directory, p))).toList();
        } catch (IOException | UncheckedIOException e) {
            throw new StepwiseException(StepwiseException.Category.BAD_INPUT, shownAs + "/ cannot be read: "
                    + e.getMessage());
        }
        if (files.isEmpty()) {
            throw new StepwiseException(StepwiseException.Category.BAD_INPUT, shownAs + "/ holds no .sql file: the"
                    + " desired schema is read from .sql files there");
        }
        return files;
    }

    private static String relative(Path directory, Path file) {
        List<String> names = new ArrayList<>();
        directory.relativize(file).forEach(n -> names.add(n.toString()));
        return String.join("/", names);
    }
}
