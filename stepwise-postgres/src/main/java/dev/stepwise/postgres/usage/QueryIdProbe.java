package dev.stepwise.postgres.usage;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether a {@code pg_stat_statements} entry's text still means that entry. The query id is worked
 * out from the parsed statement (relations by OID), and the entry keeps the text first seen: after
 * {@code ALTER TABLE orders RENAME TO purchases}, new code's {@code UPDATE purchases ...} counts
 * under the old entry whose text says {@code orders}. Planning the text again now and comparing
 * the query id EXPLAIN reports tells the two apart. Nothing runs: the text is prepared and
 * explained with NULL parameters, in a transaction rolled back. Where it cannot tell
 * (PostgreSQL 13, a text that does not plan), the answer is yes, so the gate stays on the safe side.
 */
final class QueryIdProbe {

    private static final Pattern QUERY_ID = Pattern.compile("^\\s*Query Identifier: (-?\\d+)");
    private static final Pattern PARAMETER = Pattern.compile("\\$(\\d+)");

    private QueryIdProbe() {
    }

    static boolean sameStatement(Connection c, long queryid, String query) {
        Long now;
        try {
            now = queryIdNow(c, query);
        } catch (SQLException e) {
            return true;
        }
        return now == null || now == queryid;
    }

    private static Long queryIdNow(Connection c, String query) throws SQLException {
        int major = c.getMetaData().getDatabaseMajorVersion();
        if (major < 14) {
            return null;
        }
        boolean auto = c.getAutoCommit();
        boolean prepared = false;
        c.setAutoCommit(false);
        try (Statement s = c.createStatement()) {
            s.execute("SET LOCAL compute_query_id = on");
            // a PREPARE, not EXPLAIN of the text itself: the driver would take the text's $1 for its own
            s.execute("PREPARE stepwise_query_id_probe AS " + query);
            prepared = true;
            int parameters = 0;
            Matcher p = PARAMETER.matcher(query);
            while (p.find()) {
                parameters = Math.max(parameters, Integer.parseInt(p.group(1)));
            }
            String explain = "EXPLAIN (VERBOSE) EXECUTE stepwise_query_id_probe"
                    + (parameters == 0 ? "" : "(" + "NULL, ".repeat(parameters - 1) + "NULL)");
            try (ResultSet rs = s.executeQuery(explain)) {
                while (rs.next()) {
                    Matcher m = QUERY_ID.matcher(rs.getString(1));
                    if (m.find()) {
                        return Long.parseLong(m.group(1));
                    }
                }
            }
            return null;
        } finally {
            c.rollback();
            c.setAutoCommit(auto);
            if (prepared) {
                // a prepared statement outlives the transaction
                try (Statement s = c.createStatement()) {
                    s.execute("DEALLOCATE stepwise_query_id_probe");
                }
            }
        }
    }
}
