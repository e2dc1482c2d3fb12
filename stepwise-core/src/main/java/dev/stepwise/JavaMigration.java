package dev.stepwise;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * A migration written in Java, for changes SQL cannot express well; annotate the class with
 * {@link StepwiseMigration} to place it in the revision graph next to the SQL files.
 *
 * <p>The connection is inside the migration's transaction (the runner commits or rolls back;
 * do not call {@code commit}, {@code rollback} or {@code setAutoCommit}) unless the annotation
 * says {@code transaction = NONE}, in which case it is in autocommit. The class needs a public
 * no-argument constructor; a new instance runs each step.
 */
public interface JavaMigration {

    /** Applies the change. */
    void up(Connection connection) throws SQLException;

    /**
     * Reverts the change; with {@code reversible = NO} it is never called and may simply throw
     * {@link UnsupportedOperationException}.
     */
    void down(Connection connection) throws SQLException;
}
