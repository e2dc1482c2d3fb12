package dev.stepwise.dialect;

import dev.stepwise.compat.Description;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Asks the server what a statement's parameters and result columns are without running it, as a
 * driver does when the statement is prepared.
 */
public interface StatementDescriber {

    /**
     * Describes one statement. The connection is in a transaction the caller rolls back; the
     * describer leaves it usable whatever the server said (an error is an answer, not a failure).
     *
     * @param statement the statement with {@code $n} parameters (see {@link dev.stepwise.sql.JdbcPlaceholders})
     * @throws SQLException only when the connection itself fails
     */
    Description describe(Connection connection, String statement) throws SQLException;

    /**
     * Why a statement is not one to describe (a transaction or session statement such as
     * {@code BEGIN} or {@code SET}, which an export of the running code's statements is full of
     * and no schema change breaks), or null when it is.
     */
    String notDescribable(String statement);
}
