package dev.stepwise.postgres;

import dev.stepwise.postgres.statement.PostgresIdentifiers;
import dev.stepwise.dialect.FinishMigration;
import dev.stepwise.dialect.TableNames;
import dev.stepwise.dialect.VersionTableSql;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/** Stepwise's own tables on PostgreSQL. */
final class PostgresVersionTableSql implements VersionTableSql {

    private static final String HISTORY_COLUMNS =
            "run_id, revision, direction, step, steps_total, checksum, started_at, finished_at, applied_by, outcome, error";

    /** The types of the finishing statement's values: heads removed, heads added, finished_at, steps_total, attempt row, then the next row's run_id, revision, direction, checksum, started_at, applied_by and whether it exists, how many heads must go, and the attempt's outcome. */
    private static final String FINISH_PARAMETER_TYPES =
            " (text[], text[], timestamptz, integer, bigint, text, text, text, text, timestamptz, text, boolean, integer, text)";
    private static final List<String> PARAMETERS =
            List.of("$1", "$2", "$3", "$4", "$5", "$6", "$7", "$8", "$9", "$10", "$11", "$12", "$13", "$14");

    private final String schema;
    private final String version;
    private final String history;
    private final String versionName;
    private final String schemaName;
    private final String historyName;
    /** Named after the statement and the tables, so a pooled session never runs another configuration's. */
    private final String finishStatementName;
    private final String prepareFinishMigration;

    PostgresVersionTableSql(TableNames names) {
        this.schemaName = names.schema();
        this.versionName = names.version();
        this.historyName = names.history();
        this.schema = PostgresIdentifiers.quote(names.schema());
        this.version = schema + "." + PostgresIdentifiers.quote(names.version());
        this.history = schema + "." + PostgresIdentifiers.quote(names.history());
        this.finishStatementName = "stepwise_finish_" + shortHash(finishMigrationTemplate(PARAMETERS));
        this.prepareFinishMigration = "PREPARE " + finishStatementName + FINISH_PARAMETER_TYPES + " AS\n"
                + finishMigrationTemplate(PARAMETERS);
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
                        + "    error text,\n"
                        + "    progress text\n"
                        + ")",
                // tables made before batched statements kept their cursor here
                "ALTER TABLE " + history + " ADD COLUMN IF NOT EXISTS progress text");
    }

    @Override
    public String tablesUpToDate() {
        return "SELECT count(*) = 2 FROM pg_catalog.pg_attribute a"
                + " JOIN pg_catalog.pg_class c ON c.oid = a.attrelid"
                + " JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace"
                + " WHERE n.nspname = " + PostgresIdentifiers.literal(schemaName) + " AND NOT a.attisdropped"
                + " AND (c.relname = " + PostgresIdentifiers.literal(versionName) + " AND a.attname = 'revision'"
                + " OR c.relname = " + PostgresIdentifiers.literal(historyName) + " AND a.attname = 'progress')";
    }

    @Override
    public String saveProgressAndCommit(long id, String progress) {
        return "UPDATE " + history + " SET progress = " + PostgresIdentifiers.literal(progress) + " WHERE id = " + id
                + ";\nCOMMIT";
    }

    @Override
    public String saveProgress() {
        return "UPDATE " + history + " SET progress = ? WHERE id = ?";
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
    public String finishMigrationAndCommit(FinishMigration finish, FinishMigration.Form form) {
        FinishMigration.RunningRow next = finish.next();
        List<String> values = List.of(
                textArray(finish.removedHeads()),
                textArray(finish.addedHeads()),
                timestamp(finish.finishedAt()),
                Integer.toString(finish.stepsTotal()),
                Long.toString(finish.attemptRow()),
                next == null ? "NULL" : PostgresIdentifiers.literal(next.runId()),
                next == null ? "NULL" : PostgresIdentifiers.literal(next.revision()),
                next == null ? "NULL" : PostgresIdentifiers.literal(next.direction()),
                next == null || next.checksum() == null ? "NULL" : PostgresIdentifiers.literal(next.checksum()),
                next == null ? "NULL" : timestamp(next.startedAt()),
                next == null ? "NULL" : PostgresIdentifiers.literal(next.appliedBy()),
                next == null ? "false" : "true",
                Integer.toString(finish.removedHeads().size()),
                PostgresIdentifiers.literal(finish.outcome()));
        // One message, one round trip: a failing first statement makes the server skip the COMMIT.
        return (form == FinishMigration.Form.PREPARED
                ? "EXECUTE " + finishStatementName + "(" + String.join(", ", values) + ")"
                : finishMigrationTemplate(values)) + ";\nCOMMIT";
    }

    @Override
    public Optional<String> prepareFinishMigration() {
        return Optional.of(prepareFinishMigration);
    }

    @Override
    public String finishMigrationPrepared() {
        return "SELECT EXISTS (SELECT 1 FROM pg_catalog.pg_prepared_statements WHERE name = "
                + PostgresIdentifiers.literal(finishStatementName) + ")";
    }

    /**
     * The finishing statement with one SQL expression per value, in the order of
     * {@link #FINISH_PARAMETER_TYPES}. A compare-and-set that finds fewer heads than it should
     * remove, or no attempt row, casts {@link #VERSION_TABLE_CHANGED} to an integer: an error at
     * run time that aborts the transaction, so the COMMIT sent with it cannot keep anything.
     */
    private String finishMigrationTemplate(List<String> v) {
        return "WITH removed AS (DELETE FROM " + version + " WHERE revision = ANY (" + v.get(0) + ") RETURNING 1),\n"
                + "added AS (INSERT INTO " + version + " (revision) SELECT unnest(" + v.get(1) + ") RETURNING 1),\n"
                + "finished AS (UPDATE " + history + " SET outcome = " + v.get(13) + ", finished_at = " + v.get(2)
                + ", steps_total = " + v.get(3) + " WHERE id = " + v.get(4) + " RETURNING 1),\n"
                + "next AS (INSERT INTO " + history + " (" + HISTORY_COLUMNS + ")\n"
                + "    SELECT " + v.get(5) + ", " + v.get(6) + ", " + v.get(7) + ", NULL, 1, " + v.get(8) + ", "
                + v.get(9) + ", NULL, " + v.get(10) + ", 'running', NULL WHERE " + v.get(11) + " RETURNING id)\n"
                + "SELECT (SELECT id FROM next),\n"
                + "    (CASE WHEN (SELECT count(*) FROM removed) = " + v.get(12) + " AND (SELECT count(*) FROM finished) = 1"
                + " THEN '1' ELSE " + PostgresIdentifiers.literal(VERSION_TABLE_CHANGED) + " END)::integer";
    }

    private static String textArray(List<String> values) {
        return values.isEmpty() ? "ARRAY[]::text[]"
                : "ARRAY[" + String.join(", ", values.stream().map(PostgresIdentifiers::literal).toList()) + "]::text[]";
    }

    private static String timestamp(Instant instant) {
        return PostgresIdentifiers.literal(instant.toString()) + "::timestamptz";
    }

    @Override
    public String finishHistory() {
        return "UPDATE " + history + " SET outcome = ?, finished_at = ?, error = ? WHERE id = ?";
    }

    @Override
    public String selectHistory() {
        return "SELECT id, " + HISTORY_COLUMNS + ", duration_ms, progress FROM " + history + " ORDER BY id";
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
        // Only whole-attempt rows: the step rows of a migration stopped part-way say where it resumes.
        return "DELETE FROM " + history + " WHERE outcome = 'failed' AND step IS NULL";
    }

    private static String shortHash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
