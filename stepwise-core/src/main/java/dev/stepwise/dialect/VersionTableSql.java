package dev.stepwise.dialect;

import java.util.List;

/**
 * The SQL of Stepwise's own tables, rendered by the dialect. Statements with {@code ?} take JDBC
 * parameters in the order their javadoc gives; {@code core} also renders them with literals for
 * {@code --sql} output.
 */
public interface VersionTableSql {

    /** Creates the schema and both tables if they do not exist; idempotent. */
    List<String> createTables();

    /** One row per current head: {@code revision}. */
    String selectHeads();

    /** Parameters: revision. Exactly one row must be affected (compare-and-set). */
    String deleteHead();

    /** Parameters: revision. */
    String insertHead();

    /** Removes every head, for {@code stamp}. */
    String deleteAllHeads();

    /**
     * Parameters: run_id, revision, direction, step (nullable int), steps_total (int), checksum,
     * started_at (timestamp), finished_at (nullable timestamp), applied_by, outcome, error
     * (nullable). Returns the new row's id as its only result column.
     */
    String insertHistory();

    /**
     * Finishes a migration in one round trip, inside its transaction: removes the heads it
     * replaces, adds its own, marks its attempt row successful and writes the running row of the
     * next migration. Parameters: removed heads (text array), added heads (text array),
     * finished_at, steps_total, attempt row id, then the next row's run_id, revision, direction,
     * checksum, started_at, applied_by, and whether there is a next row (boolean). Returns one row:
     * the number of heads removed, the number of attempt rows finished, the next row's id (or null).
     */
    String finishMigration();

    /** Parameters: outcome, finished_at, error (nullable), id. */
    String finishHistory();

    /** Selects every history row, oldest first, with the columns of {@link #insertHistory()} plus id. */
    String selectHistory();

    /** Whether the version table exists; one row with one boolean. */
    String versionTableExists();

    /** Parameters: outcome (running), run_id. Marks other runs' rows with that outcome as interrupted. */
    String markInterrupted();

    /** Parameters: none. Deletes failed attempt rows; returns nothing. */
    String deleteFailed();
}
