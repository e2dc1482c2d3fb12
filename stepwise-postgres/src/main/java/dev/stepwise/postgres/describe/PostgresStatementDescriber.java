package dev.stepwise.postgres.describe;

import dev.stepwise.compat.Description;
import dev.stepwise.compat.ResultColumn;
import dev.stepwise.compat.StatementShape;
import dev.stepwise.dialect.StatementDescriber;
import dev.stepwise.sql.ScriptItem;
import dev.stepwise.sql.StatementSplitter;
import org.postgresql.PGResultSetMetaData;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Describes statements the way the server prepares them, running nothing: {@code PREPARE} under a
 * savepoint, the parameter types from {@code pg_prepared_statements}, the result columns from
 * the Describe of an {@code EXECUTE} of it (pgjdbc sends Parse and Describe only), and each table
 * column's exact type, modifier included, from the catalog.
 *
 * <p>Why not {@code prepareStatement(sql).getMetaData()} on the statement itself: pgjdbc sizes
 * its parameter list by its own {@code ?} count and fails on {@code pg_stat_statements}' {@code $n};
 * {@code PREPARE} takes {@code $n} as the server does, repeated and in any order.
 */
public final class PostgresStatementDescriber implements StatementDescriber {

    private static final String PARAMETER_TYPES =
            "SELECT parameter_types::text[] FROM pg_catalog.pg_prepared_statements WHERE name = ?";

    /** lock_not_available, query_canceled, admin_shutdown: the server gave up, it did not judge. */
    private static final Set<String> NOT_AN_ANSWER = Set.of("55P03", "57014", "57P01");

    /**
     * Each statement is prepared under a name of its own: pgjdbc keeps the result description of
     * an {@code EXECUTE} text it has seen, and would give one statement's columns for another's.
     */
    private int described;

    private static final String COLUMN_TYPES = "SELECT w.i, pg_catalog.format_type(a.atttypid, a.atttypmod)"
            + " FROM unnest(?::text[], ?::text[], ?::text[]) WITH ORDINALITY AS w(nsp, rel, att, i)"
            + " JOIN pg_catalog.pg_namespace n ON n.nspname = w.nsp"
            + " JOIN pg_catalog.pg_class r ON r.relnamespace = n.oid AND r.relname = w.rel"
            + " JOIN pg_catalog.pg_attribute a ON a.attrelid = r.oid AND a.attname = w.att";

    /** What PREPARE takes; everything else (BEGIN, SET, SHOW, DDL...) has no shape a schema change could break. */
    private static final Set<String> PREPARABLE = Set.of("SELECT", "INSERT", "UPDATE", "DELETE",
            "MERGE", "VALUES", "TABLE", "WITH");

    @Override
    public String notDescribable(String statement) {
        List<ScriptItem.Statement> parsed = StatementSplitter.statements(statement);
        if (parsed.isEmpty()) {
            return "an empty statement";
        }
        String verb = parsed.get(0).tokens().stream().filter(t -> !t.equals("(")).findFirst().orElse("")
                .toUpperCase(Locale.ROOT);
        return PREPARABLE.contains(verb) ? null : "a " + verb + " statement: only SELECT, INSERT, UPDATE, DELETE,"
                + " MERGE, VALUES and TABLE statements have parameters and results to describe";
    }

    @Override
    public Description describe(Connection connection, String statement) throws SQLException {
        String name = "stepwise_compat_" + ++described;
        Savepoint start = connection.setSavepoint();
        try {
            try (Statement s = connection.createStatement()) {
                s.execute("PREPARE " + name + " AS " + statement);
            } catch (SQLException e) {
                String refusal = serverMessage(e);
                if (refusal == null) {
                    throw e;
                }
                return Description.refused(refusal);
            }
            try {
                List<String> parameters = parameterTypes(connection, name);
                return Description.prepared(new StatementShape(parameters,
                        resultColumns(connection, name, parameters.size())));
            } finally {
                // a prepared statement outlives the rollback of the transaction that made it
                try (Statement s = connection.createStatement()) {
                    s.execute("DEALLOCATE " + name);
                }
            }
        } finally {
            connection.rollback(start);
            connection.releaseSavepoint(start);
        }
    }

    private static List<String> parameterTypes(Connection connection, String name) throws SQLException {
        try (PreparedStatement q = connection.prepareStatement(PARAMETER_TYPES)) {
            q.setString(1, name);
            try (ResultSet rs = q.executeQuery()) {
                rs.next();
                java.sql.Array types = rs.getArray(1);
                return types == null ? List.of() : List.of((String[]) types.getArray());
            }
        }
    }

    private static List<ResultColumn> resultColumns(Connection connection, String name, int parameters)
            throws SQLException {
        String arguments = parameters == 0 ? "" : "(" + String.join(", ", Collections.nCopies(parameters, "NULL")) + ")";
        try (PreparedStatement execute = connection.prepareStatement("EXECUTE " + name + arguments)) {
            ResultSetMetaData md = execute.getMetaData();
            if (md == null) {
                return List.of();
            }
            PGResultSetMetaData pg = md.unwrap(PGResultSetMetaData.class);
            int n = md.getColumnCount();
            String[] schemas = new String[n];
            String[] tables = new String[n];
            String[] columns = new String[n];
            for (int i = 1; i <= n; i++) {
                schemas[i - 1] = pg.getBaseSchemaName(i);
                tables[i - 1] = pg.getBaseTableName(i);
                columns[i - 1] = pg.getBaseColumnName(i);
            }
            String[] exact = exactTypes(connection, schemas, tables, columns);
            List<ResultColumn> result = new ArrayList<>();
            for (int i = 1; i <= n; i++) {
                String typeName = md.getColumnTypeName(i);
                int precision = md.getPrecision(i);
                int scale = md.getScale(i);
                String origin = exact[i - 1] == null ? null : tables[i - 1] + "." + columns[i - 1];
                result.add(new ResultColumn(md.getColumnLabel(i), origin,
                        exact[i - 1] != null ? exact[i - 1] : DriverTypes.shown(typeName, precision, scale),
                        typeName + "(" + precision + "," + scale + ")"));
            }
            return result;
        }
    }

    /** {@code format_type} of each column that is a table's or view's column; null for expressions. */
    private static String[] exactTypes(Connection connection, String[] schemas, String[] tables, String[] columns)
            throws SQLException {
        String[] exact = new String[columns.length];
        boolean any = false;
        for (String c : columns) {
            any |= c != null && !c.isEmpty();
        }
        if (!any) {
            return exact;
        }
        try (PreparedStatement q = connection.prepareStatement(COLUMN_TYPES)) {
            q.setArray(1, connection.createArrayOf("text", schemas));
            q.setArray(2, connection.createArrayOf("text", tables));
            q.setArray(3, connection.createArrayOf("text", columns));
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    exact[rs.getInt(1) - 1] = rs.getString(2);
                }
            }
        }
        return exact;
    }

    /**
     * The server's message and hint, or null when the error is no answer about the statement: a
     * lost connection, or a lock wait given up on (on a busy target, behind someone's strong lock;
     * the catalog connection's lock_timeout keeps the describing from queueing traffic behind it).
     */
    private static String serverMessage(SQLException e) {
        ServerErrorMessage server = e instanceof PSQLException p ? p.getServerErrorMessage() : null;
        if (server == null || server.getMessage() == null || NOT_AN_ANSWER.contains(e.getSQLState())) {
            return null;
        }
        // the position would point into our PREPARE, not the user's statement
        return server.getMessage() + (server.getHint() == null ? "" : " (hint: " + server.getHint() + ")");
    }
}
