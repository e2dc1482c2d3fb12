package dev.stepwise.command;

import dev.stepwise.history.HistoryLedger;
import dev.stepwise.history.VersionTables;
import dev.stepwise.run.DatabaseException;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;

/**
 * What the database says, read without the run lock: the heads and, when asked for, the history.
 * A database never migrated reads as empty (reading creates no tables). Read-only commands run
 * on every developer's every call, so this asks only what the command needs, in few round trips.
 */
public record DatabaseState(Set<String> heads, HistoryLedger ledger) {

    /** The heads and the history. */
    public static DatabaseState read(Workspace workspace) {
        return read(workspace, true);
    }

    /** The heads only; the ledger is empty. */
    public static DatabaseState heads(Workspace workspace) {
        return read(workspace, false);
    }

    private static DatabaseState read(Workspace workspace, boolean withHistory) {
        VersionTables tables = workspace.versionTables();
        try (Connection c = workspace.openReadConnection()) {
            if (!tables.exist(c)) {
                return new DatabaseState(Set.of(), new HistoryLedger(List.of()));
            }
            return new DatabaseState(tables.selectHeads(c),
                    new HistoryLedger(withHistory ? tables.selectRows(c) : List.of()));
        } catch (SQLException e) {
            throw new DatabaseException("reading the version tables", e);
        }
    }
}
