package dev.stepwise.postgres.generate;

import dev.stepwise.postgres.statement.PostgresIdentifiers;
import dev.stepwise.sql.StatementSplitter;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;

/**
 * Asks PostgreSQL about the user's SQL before it goes into a migration: whether a type exists,
 * whether conversions parse and fit the columns, whether a default is constant (so adding the
 * column is instant). Everything runs in a transaction that is rolled back.
 */
final class Expressions {

    private Expressions() {
    }

    /** {@code --change-type}'s type, {@code --using} and {@code --reverse}, tried on an empty row set of the table. */
    static void checkConversion(Connection c, TableShape table, TableShape.Column old, String newName, String type,
                                String using, String reverse) throws SQLException {
        single("--change-type", type, "SELECT NULL::" + type);
        single("--using", using, "SELECT (" + using + ")");
        single("--reverse", reverse, "SELECT (" + reverse + ")");
        String alias = PostgresIdentifiers.quote(table.name());
        String n = PostgresIdentifiers.quote(newName);
        tryQuery(c, "--change-type", type, "SELECT NULL::" + type);
        tryQuery(c, "--using", using, "SELECT (" + using + ")::" + type + " FROM " + table.sql() + " AS " + alias
                + " LIMIT 0");
        tryQuery(c, "--reverse", reverse, "SELECT (" + reverse + ")::" + old.type() + " FROM (SELECT " + alias
                + ".*, NULL::" + type + " AS " + n + " FROM " + table.sql() + " AS " + alias + ") AS " + alias
                + " LIMIT 0");
    }

    /**
     * Whether {@code ADD COLUMN ... DEFAULT expr} is instant: PostgreSQL's own answer, read from a
     * scratch table ({@code atthasmissing}: the default is stored once, not written to every row).
     */
    static boolean isConstantDefault(Connection c, String option, String type, String defaultValue)
            throws SQLException {
        single(option, type, "SELECT NULL::" + type);
        single("--default", defaultValue, "SELECT (" + defaultValue + ")");
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(false);
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TEMP TABLE stepwise_probe (k int)");
            s.execute("INSERT INTO stepwise_probe VALUES (1)");
            try {
                s.execute("ALTER TABLE stepwise_probe ADD COLUMN v " + type + " DEFAULT " + defaultValue);
            } catch (SQLException e) {
                throw Refusal.of(option, type + " --default " + defaultValue, "PostgreSQL refuses it: " + e.getMessage());
            }
            try (ResultSet rs = s.executeQuery("SELECT atthasmissing FROM pg_catalog.pg_attribute"
                    + " WHERE attrelid = 'stepwise_probe'::regclass AND attname = 'v'")) {
                rs.next();
                return rs.getBoolean(1);
            }
        } finally {
            c.rollback();
            c.setAutoCommit(autoCommit);
        }
    }

    /** Whether values of the type can be compared with {@code IS DISTINCT FROM} ({@code json} and {@code point} cannot). */
    static boolean comparable(Connection c, String type) throws SQLException {
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(false);
        Savepoint sp = c.setSavepoint();
        try (Statement s = c.createStatement()) {
            s.executeQuery("SELECT NULL::" + type + " IS DISTINCT FROM NULL::" + type).close();
            return true;
        } catch (SQLException e) {
            return false;
        } finally {
            c.rollback(sp);
            c.rollback();
            c.setAutoCommit(autoCommit);
        }
    }

    /** The text must be one expression: wrapped in a query, it makes exactly one statement. */
    private static void single(String option, String text, String wrapped) {
        if (StatementSplitter.statements(wrapped).size() != 1) {
            throw Refusal.of(option, text, "not a single SQL expression");
        }
    }

    private static void tryQuery(Connection c, String option, String text, String sql) throws SQLException {
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(false);
        Savepoint sp = c.setSavepoint();
        try (Statement s = c.createStatement()) {
            s.executeQuery(sql).close();
        } catch (SQLException e) {
            throw Refusal.of(option, text, "PostgreSQL refuses it: " + e.getMessage());
        } finally {
            c.rollback(sp);
            c.rollback();
            c.setAutoCommit(autoCommit);
        }
    }
}
