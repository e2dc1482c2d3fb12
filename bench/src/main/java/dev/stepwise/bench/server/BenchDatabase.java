package dev.stepwise.bench.server;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** One database of the benchmark server, for one tool's run. */
public record BenchDatabase(String name, String jdbcUrl, BenchServer server) {

    public DataSource dataSource() {
        return server.dataSource(name);
    }

    public Connection connect() throws SQLException {
        return server.connect(name);
    }

    /** How many of the benchmark's tables exist: a run that did not apply everything must not count. */
    public int benchTables() {
        try (Connection c = connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM pg_catalog.pg_tables"
                     + " WHERE schemaname = 'public' AND tablename LIKE 'item\\_%'")) {
            rs.next();
            return rs.getInt(1);
        } catch (SQLException e) {
            throw new IllegalStateException("could not count the tables of " + name + ": " + e.getMessage(), e);
        }
    }
}
