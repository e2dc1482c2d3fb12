package dev.stepwise.source;

import dev.stepwise.sql.ExecutionMode;
import dev.stepwise.sql.Plan;
import dev.stepwise.sql.SqlStatement;
import dev.stepwise.sql.LockImpact;
import dev.stepwise.sql.StatementClassifier;
import dev.stepwise.sql.StatementTraits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A migration's plan is a view over its file, read again on every pass. */
class SqlMigrationPlanTest {

    private static final String FILE = MigrationFiles.HEADER + """

            -- +up
            CREATE TABLE t (id int);
            CREATE INDEX CONCURRENTLY t_id ON t (id);
            -- stepwise:allow some-rule a reason
            INSERT INTO t VALUES (1);

            -- +down
            DROP TABLE t;
            """;

    private static final StatementClassifier CONCURRENTLY_IN_AUTOCOMMIT = statement -> StatementTraits.of(
            statement.leadingKeywords(3).contains("CONCURRENTLY") ? ExecutionMode.AUTOCOMMIT : ExecutionMode.TRANSACTIONAL,
            LockImpact.QUEUES_TRAFFIC);

    @TempDir
    Path dir;

    private static List<SqlStatement> statements(Plan plan) {
        List<SqlStatement> statements = new ArrayList<>();
        plan.forEach(statements::add);
        return statements;
    }

    @Test
    void upPlan_hasTheUpStatements_withPositionsDirectivesAndModes() {
        SqlMigration migration = new MigrationFiles(dir).parse(FILE);

        List<SqlStatement> up = statements(migration.plan(Direction.UP, CONCURRENTLY_IN_AUTOCOMMIT));

        assertThat(up).extracting(SqlStatement::sql).containsExactly(
                "CREATE TABLE t (id int)", "CREATE INDEX CONCURRENTLY t_id ON t (id)", "INSERT INTO t VALUES (1)");
        assertThat(up).extracting(SqlStatement::line).containsExactly(5, 6, 8);
        assertThat(up).extracting(SqlStatement::mode).containsExactly(
                ExecutionMode.TRANSACTIONAL, ExecutionMode.AUTOCOMMIT, ExecutionMode.TRANSACTIONAL);
        assertThat(up.get(2).directive("allow").arguments()).containsExactly("some-rule", "a reason");
        assertThat(migration.plan(Direction.UP, CONCURRENTLY_IN_AUTOCOMMIT).isSingleTransaction()).isFalse();
    }

    @Test
    void downPlan_hasTheDownStatements() {
        SqlMigration migration = new MigrationFiles(dir).parse(FILE);

        assertThat(statements(migration.plan(Direction.DOWN, StatementClassifier.ALL_TRANSACTIONAL)))
                .extracting(SqlStatement::sql).containsExactly("DROP TABLE t");
    }

    @Test
    void transactionNone_makesEveryStatementAStepOfItsOwn_inItsOwnTransactionWhereItMayHaveOne() {
        SqlMigration migration = new MigrationFiles(dir).parse(FILE.replace("-- down_revision: none\n",
                "-- down_revision: none\n-- transaction: none\n"));

        assertThat(statements(migration.plan(Direction.UP, CONCURRENTLY_IN_AUTOCOMMIT)))
                .extracting(SqlStatement::mode).containsExactly(
                        ExecutionMode.OWN_TRANSACTION, ExecutionMode.AUTOCOMMIT, ExecutionMode.OWN_TRANSACTION);
    }

    @Test
    void smallFile_isReadOnce_andEveryPassAfterTheFirstRunsWhatItRead() throws IOException {
        SqlMigration migration = new MigrationFiles(dir).parse(FILE);
        Plan plan = migration.plan(Direction.DOWN, StatementClassifier.ALL_TRANSACTIONAL);
        assertThat(statements(plan)).extracting(SqlStatement::sql).containsExactly("DROP TABLE t");

        Files.writeString(migration.file(), FILE.replace("DROP TABLE t;", "DROP TABLE IF EXISTS t;"));

        assertThat(statements(plan)).extracting(SqlStatement::sql).containsExactly("DROP TABLE t");
        assertThat(statements(migration.plan(Direction.UP, CONCURRENTLY_IN_AUTOCOMMIT)))
                .extracting(SqlStatement::mode).containsExactly(
                        ExecutionMode.TRANSACTIONAL, ExecutionMode.AUTOCOMMIT, ExecutionMode.TRANSACTIONAL);
    }

    @Test
    void ofManySmallFiles_onlyTheLastFewReadAreKept_soALongHistoryIsNotHeldInMemory() throws IOException {
        MigrationFiles files = new MigrationFiles(dir);
        List<SqlMigration> history = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            String revision = "r" + i;
            history.add(new MigrationFileParser().parse(files.write(String.format("2024050110%02d%02d_%s.sql", i / 60, i % 60, revision),
                    FILE.replace("abc123", revision))));
        }
        history.forEach(m -> statements(m.plan(Direction.DOWN, StatementClassifier.ALL_TRANSACTIONAL)));
        SqlMigration first = history.get(0);
        SqlMigration last = history.get(history.size() - 1);
        for (SqlMigration m : List.of(first, last)) {
            Files.writeString(m.file(), Files.readString(m.file()).replace("DROP TABLE t;", "DROP TABLE IF EXISTS t;"));
        }

        assertThat(statements(first.plan(Direction.DOWN, StatementClassifier.ALL_TRANSACTIONAL)))
                .extracting(SqlStatement::sql).containsExactly("DROP TABLE IF EXISTS t");
        assertThat(statements(last.plan(Direction.DOWN, StatementClassifier.ALL_TRANSACTIONAL)))
                .extracting(SqlStatement::sql).containsExactly("DROP TABLE t");
    }

    @Test
    void largeFile_isReadAgainByEveryPass() throws IOException {
        String rows = ("INSERT INTO t VALUES ('" + "x".repeat(1000) + "');\n").repeat(300);
        String large = FILE.replace("-- +down", rows + "-- +down");
        SqlMigration migration = new MigrationFiles(dir).parse(large);
        assertThat(Files.size(migration.file())).isGreaterThan(SqlMigration.KEPT_FILE_BYTES);
        Plan plan = migration.plan(Direction.DOWN, StatementClassifier.ALL_TRANSACTIONAL);
        assertThat(statements(plan)).extracting(SqlStatement::sql).containsExactly("DROP TABLE t");

        Files.writeString(migration.file(), large.replace("DROP TABLE t;", "DROP TABLE IF EXISTS t;"));

        assertThat(statements(plan)).extracting(SqlStatement::sql).containsExactly("DROP TABLE IF EXISTS t");
        assertThat(migration.heldWhenRead()).isFalse();
    }

    @Test
    void upPlan_stopsReadingAtTheDownSection() throws IOException {
        SqlMigration migration = new MigrationFiles(dir).parse(FILE);
        Files.writeString(migration.file(), FILE + "SELECT 'never closed\n");

        assertThat(statements(migration.plan(Direction.UP, StatementClassifier.ALL_TRANSACTIONAL))).hasSize(3);
        assertThatThrownBy(() -> statements(migration.plan(Direction.DOWN, StatementClassifier.ALL_TRANSACTIONAL)))
                .isInstanceOf(MigrationFileException.class)
                .hasMessageContaining(migration.file().getFileName().toString());
    }

    @Test
    void iterator_canBeClosedEarly() throws IOException {
        SqlMigration migration = new MigrationFiles(dir).parse(FILE);
        Iterator<SqlStatement> iterator = migration.plan(Direction.UP, StatementClassifier.ALL_TRANSACTIONAL).iterator();
        iterator.next();

        ((Closeable) iterator).close();

        assertThat(iterator.hasNext()).isFalse();
    }

    @Test
    void fileDeletedAfterLoading_isAnErrorNamingIt() throws IOException {
        SqlMigration migration = new MigrationFiles(dir).parse(FILE);
        Files.delete(migration.file());

        assertThatThrownBy(() -> statements(migration.plan(Direction.UP, StatementClassifier.ALL_TRANSACTIONAL)))
                .isInstanceOf(MigrationFileException.class)
                .hasMessageContaining("cannot be read");
    }
}
