package it.notes;

import dev.stepwise.junit.StepwiseHandle;
import dev.stepwise.junit.StepwiseTest;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

import static dev.stepwise.junit.assertions.StepwiseAssertions.assertThat;
import static dev.stepwise.junit.assertions.StepwiseAssertions.assertThatThrownBy;

/** The extension, the handle and the assertions as a project that has only the stepwise-junit artifact sees them. */
@StepwiseTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class NotesMigrationsTest {

    @Test
    @Order(1)
    void upgradeAddsTitle(StepwiseHandle stepwise) {
        stepwise.upgrade("head");

        assertThat(stepwise.schema()).table("notes").hasColumn("title")
                .column("title").hasType("character varying(200)").isNullable();
    }

    @Test
    @Order(2)
    void theDataSourceIsTheMigratedDatabase(DataSource dataSource) throws Exception {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO notes (body, title) VALUES ('milk', 'shopping')");
            try (ResultSet rs = s.executeQuery("SELECT count(*) FROM notes")) {
                rs.next();
                assertThat(rs.getInt(1)).isEqualTo(1);
            }
        }
    }

    @Test
    @Order(3)
    void theServerIsTheVersionStepwiseIsBuiltFor(DataSource dataSource) throws Exception {
        // binaries 17.7.0 run PostgreSQL 17.7
        String expected = System.getProperty("expected.postgres.version").replaceFirst("\\.0$", "");
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SHOW server_version")) {
            rs.next();
            assertThat(rs.getString(1)).startsWith(expected);
        }
    }

    @Test
    @Order(4)
    void downgradeRemovesTitle(StepwiseHandle stepwise) {
        stepwise.downgrade("-1");

        assertThat(stepwise.schema()).table("notes").doesNotHaveColumn("title").column("body").isNotNull();
        assertThatThrownBy(() -> assertThat(stepwise.schema()).table("notes").hasColumn("title"))
                .hasMessageContaining("its columns are: id, body");
    }
}
