package dev.stepwise.api.javamigrations;

import dev.stepwise.JavaMigration;
import dev.stepwise.StepwiseMigration;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/** A Java-coded migration between two SQL files: computes a value SQL alone would make awkward. */
@StepwiseMigration(revision = "b0000000000b", downRevision = "a0000000000a", message = "add loyalty points")
public class AddLoyaltyPoints implements JavaMigration {

    @Override
    public void up(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("ALTER TABLE customers ADD COLUMN points integer NOT NULL DEFAULT 0");
            s.execute("UPDATE customers SET points = length(name) * 10");
        }
    }

    @Override
    public void down(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("ALTER TABLE customers DROP COLUMN points");
        }
    }
}
