package dev.stepwise.dialect;

import java.util.List;
import java.util.Optional;

/**
 * The SQL of Stepwise's own tables, rendered by the dialect. Statements with {@code ?} take JDBC
 * parameters in the order their javadoc gives; {@code core} also renders them with literals for
 * {@code --sql} output.
 */
public interface VersionTableSql {

    /**
     * Creates the schema and both tables if they do not exist, and adds the columns that tables
     * made by an earlier Stepwise lack; idempotent.
     */
    List<String> createTables();

    /** One row with one boolean: whether both tables exist with every column this version writes. */
    String tablesUpToDate();

    /** Parameters: progress (text), id. Sets a history row's progress. */
    String saveProgress();

    /** Sets a history row's progress and commits, as one message: one round trip per batch. */
    String saveProgressAndCommit(long id, String progress);

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
     * Finishes a migration and commits its transaction, in one round trip: removes the heads it
     * replaces, adds its own, marks its attempt row successful and writes the running row of the
     * next migration, all given as literals, then commits. Returns one row: the next row's id (or
     * null). When a head that should go is not there, or the attempt row is missing, it fails with
     * an error whose message contains {@link #VERSION_TABLE_CHANGED}, and nothing is committed.
     */
    String finishMigrationAndCommit(FinishMigration finish, FinishMigration.Form form);

    /** The words the finishing statement fails with when the version table changed under the run. */
    String VERSION_TABLE_CHANGED = "stepwise: the version table changed under this run";

    /**
     * A statement that prepares the finishing statement on a session, so that sending it costs
     * neither parsing nor planning; empty when the product has nothing of the kind. Its name is
     * derived from the statement and the table names, so sessions shared through a pool never
     * confuse two configurations.
     */
    Optional<String> prepareFinishMigration();

    /** One row with one boolean: whether this session holds the statement {@link #prepareFinishMigration()} makes. */
    String finishMigrationPrepared();

    /** Parameters: outcome, finished_at, error (nullable), id. */
    String finishHistory();

    /**
     * Selects every history row, oldest first: id, the columns of {@link #insertHistory()},
     * duration_ms, progress.
     */
    String selectHistory();

    /** Whether the version table exists; one row with one boolean. */
    String versionTableExists();

    /** Parameters: outcome (running), run_id. Marks other runs' rows with that outcome as interrupted. */
    String markInterrupted();

    /** Parameters: none. Deletes failed attempt rows; returns nothing. */
    String deleteFailed();
}
