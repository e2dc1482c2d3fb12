package dev.stepwise.postgres;

import dev.stepwise.dialect.TableNames;
import dev.stepwise.dialect.VersionTableSql;

import java.util.List;

/** Stepwise's own tables on PostgreSQL. */
final class PostgresVersionTableSql implements VersionTableSql {

    private static final String HISTORY_COLUMNS =
            "run_id, revision, direction, step, steps_total, checksum, started_at, finished_at, applied_by, outcome, error";

    private final String schema;
    private final String version;
    private final String history;
    private final String versionName;
    private final String schemaName;

    PostgresVersionTableSql(TableNames names) {
        this.schemaName = names.schema();
        this.versionName = names.version();
        this.schema = PostgresIdentifiers.quote(names.schema());
        this.version = schema + "." + PostgresIdentifiers.quote(names.version());
        this.history = schema + "." + PostgresIdentifiers.quote(names.history());
    }

    @Override
    public List<String> createTables() {
        return List.of(
                "CREATE SCHEMA IF NOT EXISTS " + schema,
                "CREATE TABLE IF NOT EXISTS " + version + " (\n"
                        + "    revision text PRIMARY KEY\n"
                        + ")",
                "CREATE TABLE IF NOT EXISTS " + history + " (\n"
                        + "    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,\n"
                        + "    run_id text NOT NULL,\n"
                        + "    revision text NOT NULL,\n"
                        + "    direction text NOT NULL,\n"
                        + "    step integer,\n"
                        + "    steps_total integer NOT NULL,\n"
                        + "    checksum text,\n"
                        + "    started_at timestamptz NOT NULL,\n"
                        + "    finished_at timestamptz,\n"
                        + "    duration_ms bigint GENERATED ALWAYS AS "
                        + "((extract(epoch FROM finished_at - started_at) * 1000)::bigint) STORED,\n"
                        + "    applied_by text NOT NULL,\n"
                        + "    outcome text NOT NULL,\n"
                        + "    error text\n"
                        + ")");
    }

    @Override
    public String selectHeads() {
        return "SELECT revision FROM " + version + " ORDER BY revision";
    }

    @Override
    public String deleteHead() {
        return "DELETE FROM " + version + " WHERE revision = ?";
    }

    @Override
    public String insertHead() {
        return "INSERT INTO " + version + " (revision) VALUES (?)";
    }

    @Override
    public String deleteAllHeads() {
        return "DELETE FROM " + version;
    }

    @Override
    public String insertHistory() {
        return "INSERT INTO " + history + " (" + HISTORY_COLUMNS + ")\n"
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id";
    }

    @Override
    public String finishMigration() {
        // One statement, so a migration costs one round trip more than its own statements.
        return "WITH removed AS (DELETE FROM " + version + " WHERE revision = ANY (?::text[]) RETURNING 1),\n"
                + "added AS (INSERT INTO " + version + " (revision) SELECT unnest(?::text[]) RETURNING 1),\n"
                + "finished AS (UPDATE " + history + " SET outcome = 'success', finished_at = ?, steps_total = ?"
                + " WHERE id = ? RETURNING 1),\n"
                + "next AS (INSERT INTO " + history + " (" + HISTORY_COLUMNS + ")\n"
                + "    SELECT ?, ?, ?, NULL, 1, ?, ?, NULL, ?, 'running', NULL WHERE ? RETURNING id)\n"
                + "SELECT (SELECT count(*) FROM removed), (SELECT count(*) FROM finished), (SELECT id FROM next)";
    }

    @Override
    public String finishHistory() {
        return "UPDATE " + history + " SET outcome = ?, finished_at = ?, error = ? WHERE id = ?";
    }

    @Override
    public String selectHistory() {
        return "SELECT id, " + HISTORY_COLUMNS + ", duration_ms FROM " + history + " ORDER BY id";
    }

    @Override
    public String versionTableExists() {
        return "SELECT EXISTS (SELECT 1 FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n"
                + " ON n.oid = c.relnamespace WHERE n.nspname = " + PostgresIdentifiers.literal(schemaName)
                + " AND c.relname = " + PostgresIdentifiers.literal(versionName) + ")";
    }

    @Override
    public String markInterrupted() {
        return "UPDATE " + history + " SET outcome = 'interrupted' WHERE outcome = ? AND run_id <> ?";
    }

    @Override
    public String deleteFailed() {
        return "DELETE FROM " + history + " WHERE outcome = 'failed'";
    }
}
