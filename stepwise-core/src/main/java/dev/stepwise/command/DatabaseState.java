package dev.stepwise.command;

import dev.stepwise.dialect.ServerInfo;
import dev.stepwise.history.HistoryLedger;
import dev.stepwise.history.VersionTables;
import dev.stepwise.run.DatabaseException;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Set;

/**
 * What the database says, read without the run lock: the heads, the history and the server. A
 * database never migrated reads as empty (no tables are created by reading).
 */
public record DatabaseState(Set<String> heads, HistoryLedger ledger, ServerInfo server) {

    public static DatabaseState read(Workspace workspace) {
        VersionTables tables = workspace.versionTables();
        try (Connection c = workspace.openReadConnection()) {
            ServerInfo server = workspace.dialect().serverInfo(c);
            return new DatabaseState(tables.heads(c), new HistoryLedger(tables.rows(c)), server);
        } catch (SQLException e) {
            throw new DatabaseException("reading the version tables", e);
        }
    }
}
