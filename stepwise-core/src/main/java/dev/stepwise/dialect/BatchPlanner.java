package dev.stepwise.dialect;

import dev.stepwise.sql.SqlStatement;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Turns an {@code UPDATE} or {@code DELETE} under {@code -- stepwise:batch} into keyset batches
 * along its table's primary key.
 */
public interface BatchPlanner {

    /**
     * Checks, without a database, that the statement can run in batches: an {@code UPDATE} or
     * {@code DELETE} of one table whose {@code WHERE} leaves out rows already done (so a batch
     * that runs twice, or a catch-up pass, changes nothing twice).
     *
     * @throws BatchRefusedException naming what is wrong and what to write instead
     */
    void check(SqlStatement statement);

    /**
     * Prepares the statement against the database: finds its table's primary key.
     *
     * @return null when the table does not exist (yet): it is prepared again when its step runs
     * @throws BatchRefusedException when the table has no primary key
     */
    BatchStatement prepare(Connection connection, SqlStatement statement) throws SQLException;

    /**
     * The statement as one offline {@code DO} block that finds the key itself and commits after
     * each batch (for {@code --sql}); it must run outside a transaction block.
     */
    String offlineScript(SqlStatement statement, int batchSize);
}
