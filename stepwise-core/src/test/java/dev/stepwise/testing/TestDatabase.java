package dev.stepwise.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** A database of one test's own on the shared test server. */
public record TestDatabase(TestPostgres server, String name, String url) {

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(url, server.user(), "");
    }

    /** Runs one statement in autocommit. */
    public void execute(String sql) {
        server.execute(name, sql);
    }

    /** The first column of every row of a query, as strings. */
    public List<String> column(String query) {
        try (Connection c = connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(query)) {
            List<String> values = new ArrayList<>();
            while (rs.next()) {
                values.add(rs.getString(1));
            }
            return values;
        } catch (SQLException e) {
            throw new IllegalStateException(query + ": " + e.getMessage(), e);
        }
    }

    /** The single value of a query that returns one row and one column. */
    public String value(String query) {
        List<String> values = column(query);
        if (values.size() != 1) {
            throw new IllegalStateException(query + " returned " + values.size() + " rows");
        }
        return values.get(0);
    }
}
