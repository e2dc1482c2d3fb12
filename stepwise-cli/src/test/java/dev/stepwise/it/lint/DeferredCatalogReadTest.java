package dev.stepwise.it.lint;

import dev.stepwise.dialect.MigrationLinter;
import dev.stepwise.it.MigrationText;
import dev.stepwise.it.Project;
import dev.stepwise.lint.DeferredFacts;
import dev.stepwise.lint.Finding;
import dev.stepwise.lint.SchemaFacts;
import dev.stepwise.lint.Severity;
import dev.stepwise.postgres.lint.PostgresLinter;
import dev.stepwise.source.Migration;
import dev.stepwise.source.MigrationCatalog;
import dev.stepwise.source.SqlMigration;
import dev.stepwise.testing.TestDatabase;
import dev.stepwise.testing.TestPostgres;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code upgrade} lints each migration against the live catalog read only when a rule asks about
 * a table, a function or an enum: a migration of statements whose verdict the catalog cannot
 * change costs no round trip, and one that needs it gets the same findings as from a catalog read
 * up front.
 */
class DeferredCatalogReadTest {

    @TempDir
    Path dir;

    TestDatabase db;
    Project project;
    final MigrationLinter linter = new PostgresLinter();

    @BeforeEach
    void populatedOrders() {
        db = TestPostgres.server().newDatabase();
        db.execute("CREATE TABLE orders (id bigint PRIMARY KEY, status text, total integer)");
        db.execute("INSERT INTO orders SELECT g, 'new', g FROM generate_series(1, 60000) g");
        db.execute("VACUUM ANALYZE orders");
        project = Project.in(dir);
    }

    /** Lints the project's only migration with a deferred read of the catalog, counting the reads. */
    private record Linted(List<Finding> findings, int reads) {
    }

    private SqlMigration only() {
        List<Migration> migrations = MigrationCatalog.load(project.root().resolve("migrations")).migrations();
        assertThat(migrations).hasSize(1);
        return (SqlMigration) migrations.get(0);
    }

    private Linted deferred(SqlMigration migration) throws SQLException {
        try (Connection c = db.connect()) {
            AtomicInteger reads = new AtomicInteger();
            SchemaFacts facts = new DeferredFacts(SchemaFacts.Source.TARGET, c.getMetaData().getDatabaseMajorVersion(),
                    () -> {
                        reads.incrementAndGet();
                        try {
                            return linter.catalogFacts(c, migration, true);
                        } catch (SQLException e) {
                            throw new IllegalStateException(e);
                        }
                    });
            return new Linted(linter.lint(migration, facts).findings(), reads.get());
        }
    }

    private List<Finding> upFront(SqlMigration migration) throws SQLException {
        try (Connection c = db.connect()) {
            return linter.lint(migration, linter.catalogFacts(c, migration, true)).findings();
        }
    }

    @Test
    void safeChangesToAnExistingTable_areLintedWithoutReadingTheCatalog() throws SQLException {
        project.add(MigrationText.of("b2", "none")
                .up("""
                        ALTER TABLE orders ADD COLUMN note text;
                        CREATE INDEX CONCURRENTLY ix_orders_note ON orders (note);
                        -- stepwise:batch size=1000
                        UPDATE orders SET note = status WHERE note IS NULL;
                        """)
                .down("""
                        DROP INDEX CONCURRENTLY ix_orders_note;
                        ALTER TABLE orders DROP COLUMN note;
                        """));
        SqlMigration migration = only();

        Linted linted = deferred(migration);

        assertThat(linted.reads()).isZero();
        assertThat(linted.findings()).filteredOn(f -> f.severity() != Severity.INFO).isEmpty();
        assertThat(linted.findings()).isEqualTo(upFront(migration));
    }

    @Test
    void aStatementWhoseVerdictDependsOnTheTable_readsTheCatalogOnce_andFindsWhatAReadUpFrontFinds()
            throws SQLException {
        project.add(MigrationText.of("b2", "none")
                .up("""
                        ALTER TABLE orders ADD COLUMN note text;
                        CREATE INDEX ix_orders_status ON orders (status);
                        UPDATE orders SET note = 'x' WHERE note IS NULL;
                        """)
                .down("""
                        DROP INDEX CONCURRENTLY ix_orders_status;
                        ALTER TABLE orders DROP COLUMN note;
                        """));
        SqlMigration migration = only();

        Linted linted = deferred(migration);

        assertThat(linted.reads()).isEqualTo(1);
        assertThat(linted.findings()).isEqualTo(upFront(migration));
        assertThat(linted.findings()).filteredOn(f -> f.severity() == Severity.ERROR).extracting(Finding::rule)
                .contains("create-index-non-concurrently", "unbatched-data-change");
        assertThat(linted.findings()).filteredOn(f -> f.rule().equals("create-index-non-concurrently"))
                .singleElement().satisfies(f -> assertThat(f.message()).contains("60,000 rows"));
    }

    @Test
    void aLockHeldWhileASlowStatementRuns_isFoundAsWithAReadUpFront() throws SQLException {
        db.execute("CREATE TABLE customers (id bigint PRIMARY KEY, name text)");
        db.execute("INSERT INTO customers SELECT g, 'c' || g FROM generate_series(1, 60000) g");
        db.execute("VACUUM ANALYZE customers");
        project.add(MigrationText.of("b2", "none")
                .up("""
                        ALTER TABLE customers ADD COLUMN vip boolean;
                        -- stepwise:allow unbatched-data-change the table is quiet at night
                        UPDATE orders SET total = total + 1 WHERE total < 10;
                        """)
                .down("ALTER TABLE customers DROP COLUMN vip;"));
        SqlMigration migration = only();

        Linted linted = deferred(migration);

        assertThat(linted.reads()).isEqualTo(1);
        assertThat(linted.findings()).isEqualTo(upFront(migration));
        assertThat(linted.findings()).extracting(Finding::rule).contains("strong-lock-held-during-slow-statement");
    }
}
