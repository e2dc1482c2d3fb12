package dev.stepwise.dialect;

import dev.stepwise.sql.SqlStatement;
import dev.stepwise.usage.RemovedName;
import dev.stepwise.usage.UsageSnapshot;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * The database's own count of the statements running code sends (PostgreSQL's
 * {@code pg_stat_statements}), for the contract gate's usage check: which names a contract
 * removes, which statements use them, and the baselines kept between runs.
 */
public interface StatementUsage {

    /** The names the statements take away: dropped or renamed tables, views and columns. */
    List<RemovedName> removedBy(Iterable<SqlStatement> statements);

    /**
     * Whether a counted statement is application code using the name. The counters show the text
     * first seen for a statement; where the database can say that the text now means another
     * statement (a table renamed since: the old text now names the view in its place), it does not count.
     * Where it cannot tell, it counts.
     */
    boolean uses(Connection c, long queryid, String query, RemovedName name);

    /** The counters of the connection's database now, or empty when they cannot be read there. */
    Optional<UsageSnapshot> read(Connection c) throws SQLException;

    /** Keeps a baseline under a key (an expand revision), replacing an earlier one. */
    void save(Connection c, TableNames tables, String key, UsageSnapshot snapshot) throws SQLException;

    /** The baseline kept under the key, if any. */
    Optional<UsageSnapshot> load(Connection c, TableNames tables, String key) throws SQLException;
}
