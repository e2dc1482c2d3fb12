package dev.stepwise.it.locks;

import dev.stepwise.Stepwise;
import dev.stepwise.config.LockTimeouts;
import dev.stepwise.it.Evidence;
import dev.stepwise.it.Evidence.Backend;
import dev.stepwise.it.MigrationText;
import dev.stepwise.it.Poll;
import dev.stepwise.it.Project;
import dev.stepwise.testing.TestDatabase;
import dev.stepwise.testing.TestPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code CREATE INDEX CONCURRENTLY} waits for every transaction older than it: behind a long open
 * transaction it must wait (a short lock timeout would abort it and leave an INVALID index), and
 * none of Stepwise's own connections may be among what it waits for.
 */
class ConcurrentBuildWaitTest {

    private static final Duration LIMIT = Duration.ofSeconds(60);
    /** Short timeouts, so the build outlasting them many times over proves it was not given one. */
    private static final LockTimeouts SHORT = new LockTimeouts(Duration.ofMillis(50), Duration.ofMillis(100),
            Duration.ofSeconds(1), Duration.ofMillis(10), Duration.ofMinutes(5), Duration.ofMinutes(5));

    @TempDir
    Path dir;

    @Test
    void concurrentBuildBehindAnOldTransaction_waitsForIt_withNoStepwiseBackendAmongWhatItWaitsFor() throws Exception {
        TestDatabase db = TestPostgres.server().newDatabase();
        db.execute("CREATE TABLE items (id int PRIMARY KEY, code text)");
        db.execute("INSERT INTO items SELECT g, 'c' || g FROM generate_series(1, 1000) g");
        Project project = Project.in(dir);
        project.add(MigrationText.of("a1", "none")
                .up("CREATE INDEX CONCURRENTLY items_code ON items (code);")
                .down("DROP INDEX CONCURRENTLY items_code;"));
        Evidence evidence = Evidence.of(db);
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setUrl(db.url());
        ds.setUser(db.server().user());

        try (Connection old = db.connect(); Statement s = old.createStatement();
             Stepwise stepwise = Stepwise.configure().projectDirectory(project.root()).dataSource(ds)
                     .lockTimeouts(SHORT).build()) {
            old.setAutoCommit(false);
            s.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ");
            s.execute("SELECT 1");
            int oldPid = old.unwrap(org.postgresql.PGConnection.class).getBackendPID();
            CompletableFuture<Void> migration = CompletableFuture.runAsync(() -> stepwise.upgrade("head"));

            Backend building = Poll.until("the build waiting for the old transaction", LIMIT,
                    () -> evidence.backends("stepwise-%-work").stream()
                            .filter(b -> b.query().startsWith("CREATE INDEX CONCURRENTLY")
                                    && b.waitEventType().equals("Lock")).findFirst());
            // ten times the longest short lock timeout, still waiting, judged by the server's clock
            Poll.until("the build waiting for a second", LIMIT, () -> db.value("SELECT now() - query_start > interval '1s'"
                    + " FROM pg_stat_activity WHERE pid = " + building.pid()).equals("t"));

            List<String> blockers = db.column("SELECT unnest(pg_blocking_pids(" + building.pid() + "))");
            assertThat(blockers).as("what the build waits for").containsExactly(String.valueOf(oldPid));
            assertThat(evidence.backends("stepwise-%")).as("Stepwise's other connections")
                    .filteredOn(b -> b.pid() != building.pid())
                    .isNotEmpty()
                    // a sampler query may be running at this very moment; an open transaction may not
                    .allSatisfy(b -> assertThat(b.state()).as(b.applicationName()).doesNotStartWith("idle in transaction"));
            assertThat(evidence.indexValid("items_code")).as("not yet built").contains(false);
            assertThat(migration).isNotDone();

            old.rollback();
            migration.get(LIMIT.toSeconds(), TimeUnit.SECONDS);
        }
        assertThat(evidence.indexValid("items_code")).contains(true);
        assertThat(evidence.versionRows()).containsExactly("a1");
        assertThat(evidence.stepRows("a1")).hasSize(1);
    }
}
