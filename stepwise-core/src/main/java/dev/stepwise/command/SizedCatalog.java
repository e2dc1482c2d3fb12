package dev.stepwise.command;

import dev.stepwise.dialect.ErrorKind;
import dev.stepwise.dialect.MigrationLinter;
import dev.stepwise.lint.SchemaFacts;
import dev.stepwise.source.SqlMigration;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.Consumer;

/**
 * A live catalog read for the linter, with the sizes of the tables a migration touches; when
 * reading a size waits on someone's lock (the connection's lock_timeout), the catalog without
 * sizes, so those tables count as of unknown size and keep their rules' severities. Lint, plan,
 * status and upgrade all read the target this way: none of them may queue behind a lock.
 */
final class SizedCatalog {

    private SizedCatalog() {
    }

    static SchemaFacts read(Workspace workspace, MigrationLinter linter, Connection c, SqlMigration sql,
                            Consumer<String> notice) throws SQLException {
        try {
            return linter.catalogFacts(c, sql, true);
        } catch (SQLException e) {
            if (workspace.dialect().errorKind(e) != ErrorKind.LOCK_TIMEOUT) {
                throw e;
            }
        }
        notice.accept("a table size of revision " + sql.revision() + " could not be read (another session holds a"
                + " lock on the table); it is judged without sizes");
        return linter.catalogFacts(c, sql, false);
    }
}
