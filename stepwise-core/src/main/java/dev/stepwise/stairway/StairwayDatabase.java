package dev.stepwise.stairway;

import dev.stepwise.lint.Finding;
import dev.stepwise.schema.SchemaModel;
import dev.stepwise.source.Direction;
import dev.stepwise.source.Migration;

import java.sql.Connection;
import java.util.List;

/**
 * The scratch database a stairway test walks: migrations applied one step at a time by the real
 * runner (lock timeouts, steps, batches, version tables), its schema read back from the catalog,
 * and a connection of its own for the rows.
 */
public interface StairwayDatabase {

    /**
     * Applies one migration in one direction, moving the version table with it.
     *
     * @throws dev.stepwise.StepwiseException naming the statement the server refused
     */
    void apply(Migration migration, Direction direction);

    /** The schema as the catalog shows it now, without Stepwise's version tables. */
    SchemaModel schema();

    /** What lint finds in the migration against the database as it is now (findings are reported, never refused). */
    List<Finding> lint(Migration migration);

    /** Stepwise's version tables ({@code schema.table}), which the runner locks and the report leaves out. */
    java.util.Set<String> ownTables();

    /** An autocommit connection to the database for reading and writing rows; the database owns it. */
    Connection rows();
}
