package dev.stepwise.compat;

import dev.stepwise.StepwiseException;
import dev.stepwise.sql.ScriptItem;
import dev.stepwise.sql.SqlScriptException;
import dev.stepwise.sql.StatementSplitter;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a file of the running code's SQL statements (an export of {@code pg_stat_statements}, the
 * queries an application's code sends), split where psql would split them.
 */
public final class QueryFile {

    private QueryFile() {
    }

    /**
     * @param file  the file to read
     * @param shown how reports name the file (as the user gave it)
     * @throws StepwiseException (bad input) naming the file, and the line when the SQL cannot be split
     */
    public static List<Query> read(Path file, String shown) {
        List<Query> queries = new ArrayList<>();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            StatementSplitter splitter = new StatementSplitter(reader, text -> false);
            while (splitter.hasNext()) {
                if (splitter.next() instanceof ScriptItem.Statement s) {
                    queries.add(new Query(shown, s.line(), s.sql()));
                }
            }
        } catch (SqlScriptException e) {
            throw new StepwiseException(StepwiseException.Category.BAD_INPUT, shown + ":" + e.line() + ":"
                    + e.column() + ": " + e.problem());
        } catch (NoSuchFileException e) {
            throw new StepwiseException(StepwiseException.Category.BAD_INPUT, shown + ": no such queries file");
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new StepwiseException(StepwiseException.Category.BAD_INPUT, shown + ": cannot be read as UTF-8 SQL ("
                    + e.getMessage() + ")");
        }
        return queries;
    }
}
