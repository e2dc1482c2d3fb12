package dev.stepwise.it.locks;

import dev.stepwise.Stepwise;
import dev.stepwise.StepwiseException;
import dev.stepwise.config.LockTimeouts;
import dev.stepwise.it.Evidence;
import dev.stepwise.it.MigrationText;
import dev.stepwise.it.Project;
import dev.stepwise.testing.TestDatabase;
import dev.stepwise.testing.TestPostgres;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.postgresql.ds.PGSimpleDataSource;

import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * One attempt of a step that queues traffic is bounded as a whole, not only its lock waits: by
 * {@code transaction_timeout} on PostgreSQL 17+, by the runner's own deadline before. Either way
 * the run fails naming the bound, nothing of the attempt is kept, and the next run can apply it.
 */
class AttemptBoundTest {

    @TempDir
    Path dir;

    @ParameterizedTest(name = "PostgreSQL {0}")
    @ValueSource(strings = {"17", "16"})
    void attemptThatHoldsItsLocksPastTheBound_isEnded_andKeepsNothing(String major) {
        TestDatabase db = TestPostgres.server(major).newDatabase();
        db.execute("CREATE TABLE accounts (id int PRIMARY KEY)");
        Project project = Project.in(dir);
        // ACCESS EXCLUSIVE on accounts, then statements each well within any statement timeout,
        // together past the attempt's bound
        project.add(MigrationText.of("a1", "none")
                .up("ALTER TABLE accounts ADD COLUMN note text;\n" + "SELECT pg_sleep(0.4);\n".repeat(8))
                .down("ALTER TABLE accounts DROP COLUMN note;"));
        LockTimeouts bounded = new LockTimeouts(Duration.ofMillis(100), Duration.ofSeconds(2), Duration.ofMinutes(1),
                Duration.ofMillis(100), Duration.ofHours(1), Duration.ofSeconds(1));
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setUrl(db.url());
        ds.setUser(db.server().user());
        Evidence evidence = Evidence.of(db);

        try (Stepwise stepwise = Stepwise.configure().projectDirectory(project.root()).dataSource(ds)
                .lockTimeouts(bounded).build()) {
            assertThatThrownBy(() -> stepwise.upgrade("head"))
                    .isInstanceOf(StepwiseException.class)
                    .hasMessageContaining("revision a1")
                    .hasMessageContaining("the attempt ran past its bound of 1.0s (attempt_timeout)")
                    // the server's transaction_timeout on 17, the runner's cancel before
                    .hasMessageContaining(major.equals("17") ? "due to transaction timeout" : "due to user request");
        }

        assertThat(evidence.columnExists("accounts", "note")).as("rolled back").isFalse();
        assertThat(evidence.versionRows()).isEmpty();
        assertThat(db.value("SELECT count(*) FROM pg_locks l JOIN pg_class c ON c.oid = l.relation"
                + " WHERE c.relname = 'accounts'")).as("locks left on accounts").isEqualTo("0");
    }
}
