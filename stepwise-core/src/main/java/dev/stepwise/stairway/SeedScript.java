package dev.stepwise.stairway;

import dev.stepwise.StepwiseException;
import dev.stepwise.dialect.TableContents;
import dev.stepwise.sql.ScriptItem;
import dev.stepwise.sql.StatementSplitter;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@code --seed FILE.sql} of rows for the walk. Its tables appear one migration at a time, so
 * each statement runs (in autocommit) as soon as the schema has what it names: before each
 * migration's up and once more at head, every statement still waiting is tried, in file order, and one that the server
 * refuses only because a table, column, type or function does not exist yet waits for the next.
 * Any other error is a bad seed file, named by file and line.
 */
public final class SeedScript {

    private final String shownAs;
    private final TableContents contents;
    private final List<ScriptItem.Statement> waiting;

    public SeedScript(String text, String shownAs, TableContents contents) {
        this.shownAs = shownAs;
        this.contents = contents;
        this.waiting = new ArrayList<>(StatementSplitter.statements(text));
    }

    /**
     * Runs the statements the schema now allows.
     *
     * @throws StepwiseException (bad input) naming the statement the server refused for another reason
     */
    public void runWhatItCan(Connection connection) {
        for (var it = waiting.iterator(); it.hasNext(); ) {
            ScriptItem.Statement statement = it.next();
            try (Statement s = connection.createStatement()) {
                s.execute(statement.sql());
                it.remove();
            } catch (SQLException e) {
                if (!contents.namesMissingObject(e)) {
                    throw new StepwiseException(StepwiseException.Category.BAD_INPUT, shownAs + ":" + statement.line()
                            + ": the seed statement failed: " + firstLine(e.getMessage()));
                }
            }
        }
    }

    /** The statements that never found what they name, as {@code file:line}: reported at the end of the walk. */
    public List<String> neverRun() {
        return waiting.stream().map(s -> shownAs + ":" + s.line()).toList();
    }

    private static String firstLine(String message) {
        int nl = message == null ? -1 : message.indexOf('\n');
        return message == null ? "" : nl < 0 ? message : message.substring(0, nl);
    }
}
