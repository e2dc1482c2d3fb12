package dev.stepwise.api;

import dev.stepwise.Stepwise;
import dev.stepwise.command.RunResult;
import dev.stepwise.testing.TestDatabase;
import dev.stepwise.testing.TestPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The library on its own: a DataSource, a migrations directory and Java-coded migrations in one graph. */
class JavaApiTest {

    @TempDir
    Path project;

    private void write(String name, String text) throws IOException {
        Files.createDirectories(project.resolve("migrations"));
        Files.writeString(project.resolve("migrations").resolve(name), text);
    }

    @Test
    void javaMigration_runsInTheSameGraphAsSqlFiles_andTheWayBack() throws IOException {
        write("20260101000000_a0000000000a_customers.sql", """
                -- revision: a0000000000a
                -- down_revision: none
                -- message: customers
                -- +up
                CREATE TABLE customers (id int PRIMARY KEY, name text NOT NULL);
                INSERT INTO customers VALUES (1, 'ada'), (2, 'grace');
                -- +down
                DROP TABLE customers;
                """);
        write("20260103000000_c0000000000c_index.sql", """
                -- revision: c0000000000c
                -- down_revision: b0000000000b
                -- message: index points
                -- +up
                CREATE INDEX ix_customers_points ON customers (points);
                -- +down
                DROP INDEX ix_customers_points;
                """);
        TestDatabase db = TestPostgres.server().newDatabase();
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setUrl(db.url());
        ds.setUser("postgres");

        try (Stepwise stepwise = Stepwise.configure().projectDirectory(project).dataSource(ds)
                .javaPackages("dev.stepwise.api.javamigrations").build()) {
            RunResult up = stepwise.upgrade("head");
            assertThat(up.migrations()).extracting(m -> m.revision())
                    .containsExactly("a0000000000a", "b0000000000b", "c0000000000c");
            assertThat(db.column("SELECT points FROM customers ORDER BY id")).containsExactly("30", "50");
            assertThat(db.value("SELECT count(*) FROM pg_indexes WHERE indexname = 'ix_customers_points'")).isEqualTo("1");
            assertThat(db.column("SELECT revision FROM stepwise_version")).containsExactly("c0000000000c");

            stepwise.downgrade("a0000000000a");
            assertThat(db.value("SELECT count(*) FROM information_schema.columns"
                    + " WHERE table_name = 'customers' AND column_name = 'points'")).isEqualTo("0");
            assertThat(db.column("SELECT revision FROM stepwise_version")).containsExactly("a0000000000a");
            assertThat(db.column("SELECT direction || ':' || revision FROM stepwise_history"
                    + " WHERE outcome = 'success' ORDER BY id")).containsExactly(
                    "up:a0000000000a", "up:b0000000000b", "up:c0000000000c", "down:c0000000000c", "down:b0000000000b");
        }
    }

    @Test
    void upgradeToHead_whenAlreadyThere_changesNothing() throws IOException {
        write("20260101000000_a0000000000a_customers.sql", """
                -- revision: a0000000000a
                -- down_revision: none
                -- +up
                CREATE TABLE customers (id int PRIMARY KEY);
                -- +down
                DROP TABLE customers;
                """);
        TestDatabase db = TestPostgres.server().newDatabase();
        try (Stepwise stepwise = Stepwise.configure().projectDirectory(project).url(db.url()).user("postgres").build()) {
            assertThat(stepwise.upgrade("head").migrations()).hasSize(1);
            RunResult again = stepwise.upgrade("head");
            assertThat(again.changedNothing()).isTrue();
            assertThat(again.headsAfter()).containsExactly("a0000000000a");
        }
        assertThat(db.value("SELECT count(*) FROM stepwise_history")).isEqualTo("1");
    }

    @Test
    void aLargeOneTransactionMigration_isStreamedFromItsFile_andRunsWhole() throws IOException {
        StringBuilder up = new StringBuilder("CREATE TABLE notes (id int PRIMARY KEY, body text);\n");
        for (int i = 0; i < 40; i++) {
            up.append("INSERT INTO notes VALUES (").append(i).append(", '").append("x".repeat(10_000)).append("');\n");
        }
        write("20260101000000_a0000000000a_notes.sql", """
                -- revision: a0000000000a
                -- down_revision: none
                -- +up
                %s
                -- +down
                DROP TABLE notes;
                """.formatted(up));
        TestDatabase db = TestPostgres.server().newDatabase();
        try (Stepwise stepwise = Stepwise.configure().projectDirectory(project).url(db.url()).user("postgres").build()) {
            stepwise.upgrade("head");
        }
        assertThat(db.value("SELECT count(*) || ':' || sum(length(body)) FROM notes")).isEqualTo("40:400000");
        assertThat(db.column("SELECT revision FROM stepwise_version")).containsExactly("a0000000000a");
    }
}
