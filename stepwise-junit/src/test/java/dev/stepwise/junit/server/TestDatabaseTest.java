package dev.stepwise.junit.server;

import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;

class TestDatabaseTest {

    private final ServerEndpoint server = EmbeddedTestServer.shared().endpoint();

    @Test
    void nameFor_keepsAShortLowercaseHintAndAddsARandomPart() {
        String name = TestDatabase.nameFor("Shop$MigrationsTest_With_A_Very_Long_Class_Name");

        assertThat(name).matches("stepwise_shop_migrationstest_with_a_ver_[0-9a-f]{8}");
        assertThat(TestDatabase.nameFor("X")).isNotEqualTo(TestDatabase.nameFor("X"));
    }

    @Test
    void create_makesAnEmptyDatabaseThatCloseDrops() throws SQLException {
        TestDatabase database = TestDatabase.create(server, "TestDatabaseTest");
        assertThat(exists(database.name())).isTrue();
        try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT current_database(), count(*) FROM pg_tables WHERE schemaname = 'public'")) {
            rs.next();
            assertThat(rs.getString(1)).isEqualTo(database.name());
            assertThat(rs.getInt(2)).isZero();
        }

        database.close();

        assertThat(exists(database.name())).isFalse();
    }

    @Test
    void close_endsSessionsStillConnected() throws SQLException {
        TestDatabase database = TestDatabase.create(server, "TestDatabaseTest");
        Connection leaked = database.dataSource().getConnection();

        database.close();

        assertThat(exists(database.name())).isFalse();
        assertThat(leaked.isValid(5)).isFalse();
        leaked.close();
    }

    private boolean exists(String name) throws SQLException {
        try (Connection c = DriverManager.getConnection(server.jdbcUrl(), server.user(), null);
             PreparedStatement s = c.prepareStatement("SELECT count(*) FROM pg_database WHERE datname = ?")) {
            s.setString(1, name);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getInt(1) == 1;
            }
        }
    }
}
