package dev.stepwise.source;

import dev.stepwise.sql.ScriptItem;

import java.nio.file.Path;
import java.util.List;

/**
 * Rules on the statements of a migration file that the splitter does not enforce: no explicit
 * transaction control, because which statements share a transaction is the runner's decision
 * (and a {@code COMMIT} in the middle would make the recorded version lie).
 */
final class StatementRules {

    private final Path file;

    StatementRules(Path file) {
        this.file = file;
    }

    void check(ScriptItem.Statement statement) {
        List<String> words = statement.leadingKeywords(2);
        if (words.isEmpty()) {
            return;
        }
        String first = words.get(0);
        String second = words.size() > 1 ? words.get(1) : "";
        boolean control = switch (first) {
            // BEGIN ATOMIC only opens a function body; the splitter keeps that inside its
            // CREATE statement, so it is checked here only to be explicit.
            case "BEGIN" -> !second.equals("ATOMIC");
            case "START" -> second.equals("TRANSACTION");
            case "PREPARE" -> second.equals("TRANSACTION");
            case "COMMIT", "END", "ROLLBACK", "ABORT", "SAVEPOINT", "RELEASE" -> true;
            default -> false;
        };
        if (control) {
            throw new MigrationFileException(file, statement.line(), "`" + String.join(" ", words)
                    + "`: explicit transaction control is not allowed; transactions are the runner's"
                    + " job (use `-- transaction: none` to run every statement in autocommit)");
        }
    }
}
