package dev.stepwise.it.locks;

import dev.stepwise.Stepwise;
import dev.stepwise.config.LockTimeouts;
import dev.stepwise.it.Evidence;
import dev.stepwise.it.MigrationText;
import dev.stepwise.it.Poll;
import dev.stepwise.it.Project;
import dev.stepwise.run.LockRetry;
import dev.stepwise.run.LockRetryExhaustedException;
import dev.stepwise.run.RunListener;
import dev.stepwise.testing.TestDatabase;
import dev.stepwise.testing.TestPostgres;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A migration whose lock is held by another session waits under a short lock timeout, gives way,
 * and tries again with a longer one until the holder lets go; meanwhile the table's traffic, whose
 * own lock timeout is the longest attempt's plus a margin, never times out: the server itself
 * shows that no request queued behind the migration for longer than one attempt.
 */
class LockTimeoutRetryTest {

    private static final Duration LIMIT = Duration.ofSeconds(60);
    /** The longest attempt's lock timeout (the escalation cap) and a margin, for the traffic's own bound. */
    private static final Duration TRAFFIC_LOCK_TIMEOUT = LockTimeouts.DEFAULT.max().plusSeconds(1);

    @TempDir
    Path dir;

    private TestDatabase db;
    private Project project;
    private Evidence evidence;
    private final List<LockRetry> retries = new CopyOnWriteArrayList<>();

    @BeforeEach
    void database() {
        db = TestPostgres.server().newDatabase();
        db.execute("CREATE TABLE accounts (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, name text NOT NULL)");
        db.execute("INSERT INTO accounts (name) SELECT 'a' || g FROM generate_series(1, 100) g");
        project = Project.in(dir);
        evidence = Evidence.of(db);
    }

    private Stepwise stepwise(LockTimeouts timeouts) {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setUrl(db.url());
        ds.setUser(db.server().user());
        long seed = new SplittableRandom().nextLong();
        System.out.println("LockTimeoutRetryTest jitter seed: " + seed);
        return Stepwise.configure().projectDirectory(project.root()).dataSource(ds).lockTimeouts(timeouts)
                .random(new SplittableRandom(seed))
                .listener(new RunListener() {
                    @Override
                    public void lockRetry(LockRetry retry) {
                        retries.add(retry);
                    }
                }).build();
    }

    @Test
    void addColumnBehindALongReader_retriesWithLongerTimeouts_whileTrafficNeverWaitsPastOneAttempt() throws Exception {
        MigrationText a1 = MigrationText.of("a1", "none").up("ALTER TABLE accounts ADD COLUMN note text;")
                .down("ALTER TABLE accounts DROP COLUMN note;");
        project.add(a1);
        AtomicBoolean done = new AtomicBoolean();
        AtomicInteger trafficTimeouts = new AtomicInteger();
        AtomicInteger trafficStatements = new AtomicInteger();
        AtomicInteger trafficPid = new AtomicInteger();
        try (Connection holder = db.connect(); Statement hold = holder.createStatement()) {
            // a reader in a long transaction: ACCESS SHARE, which the ADD COLUMN's ACCESS EXCLUSIVE waits for
            holder.setAutoCommit(false);
            hold.execute("SELECT count(*) FROM accounts");
            CompletableFuture<Void> traffic = CompletableFuture.runAsync(() -> traffic(done, trafficPid,
                    trafficStatements, trafficTimeouts));
            CompletableFuture<Boolean> trafficWaited = CompletableFuture.supplyAsync(() -> watchForAWait(done, trafficPid));

            CompletableFuture<Void> migration;
            try (Stepwise stepwise = stepwise(LockTimeouts.DEFAULT)) {
                migration = CompletableFuture.runAsync(() -> stepwise.upgrade("head"));
                Poll.until("three failed attempts", LIMIT, () -> retries.size() >= 3);
                holder.commit();
                migration.get(LIMIT.toSeconds(), TimeUnit.SECONDS);
            } finally {
                done.set(true);
            }
            traffic.get(LIMIT.toSeconds(), TimeUnit.SECONDS);

            assertThat(evidence.columnExists("accounts", "note")).isTrue();
            assertThat(evidence.versionRows()).containsExactly("a1");
            assertThat(retries).extracting(LockRetry::lockTimeout).startsWith(Duration.ofMillis(100),
                    Duration.ofMillis(200), Duration.ofMillis(400));
            assertThat(retries).allSatisfy(r -> {
                assertThat(r.where()).endsWith(".sql:" + (a1.upLine() + 1));
                assertThat(r.statement()).isEqualTo("ALTER TABLE accounts ADD COLUMN note text");
            });
            assertThat(retries).as("the sampler named the reader").anySatisfy(r ->
                    assertThat(r.blockers()).anySatisfy(b -> assertThat(b.state()).isEqualTo("idle in transaction")));
            assertThat(trafficStatements.get()).as("traffic ran").isPositive();
            assertThat(trafficTimeouts.get()).as("traffic lock timeouts of " + TRAFFIC_LOCK_TIMEOUT).isZero();
            assertThat(trafficWaited.get(LIMIT.toSeconds(), TimeUnit.SECONDS))
                    .as("the server showed the traffic queued behind the migration at least once").isTrue();
        }
    }

    @Test
    void holderThatNeverLetsGo_spendsTheBudget_andTheMigrationKeepsNothing() throws Exception {
        project.add(MigrationText.of("a1", "none")
                .up("CREATE TABLE notes (id int);\nALTER TABLE accounts ADD COLUMN note text;")
                .down("ALTER TABLE accounts DROP COLUMN note;\nDROP TABLE notes;"));
        LockTimeouts small = new LockTimeouts(Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(900),
                Duration.ofMillis(20), Duration.ofMinutes(1), Duration.ofMinutes(1));
        try (Connection holder = db.connect(); Statement hold = holder.createStatement()) {
            holder.setAutoCommit(false);
            hold.execute("SELECT count(*) FROM accounts");
            try (Stepwise stepwise = stepwise(small)) {
                assertThatThrownBy(() -> stepwise.upgrade("head"))
                        .isInstanceOf(LockRetryExhaustedException.class)
                        .hasMessageContaining("revision a1: gave up waiting for a lock after")
                        .hasMessageContaining("lock_retry_budget 900ms spent")
                        .hasMessageContaining("`ALTER TABLE accounts ADD COLUMN note text`")
                        .hasMessageContaining("idle in transaction")
                        .hasMessageContaining("nothing of it was kept");
            }
            holder.rollback();
        }
        assertThat(retries).hasSizeGreaterThanOrEqualTo(2);
        assertThat(retries).extracting(LockRetry::lockTimeout).contains(Duration.ofMillis(100));
        assertThat(evidence.tableExists("notes")).isFalse();
        assertThat(evidence.columnExists("accounts", "note")).isFalse();
        assertThat(evidence.versionRows()).isEmpty();
        assertThat(evidence.wholeRows("a1", "up", "failed")).isEqualTo(1);
    }

    @Test
    void budgetSpentInALaterStep_keepsTheStepsBefore_andTheNextRunResumesAtThatStep() throws Exception {
        project.add(MigrationText.of("a1", "none")
                .up("CREATE INDEX CONCURRENTLY accounts_name_idx ON accounts (name);\n"
                        + "ALTER TABLE accounts ADD COLUMN note text;")
                .down("ALTER TABLE accounts DROP COLUMN note;\nDROP INDEX CONCURRENTLY accounts_name_idx;"));
        LockTimeouts small = new LockTimeouts(Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(600),
                Duration.ofMillis(20), Duration.ofMinutes(1), Duration.ofMinutes(1));
        try (Stepwise stepwise = stepwise(small)) {
            try (Connection holder = db.connect(); Statement hold = holder.createStatement()) {
                // started after step 1's build, so only step 2 has to wait for it
                dev.stepwise.it.hooks.TestRunEvents.onEvent(e -> {
                    if (e.equals("before-step a1 2")) {
                        try {
                            holder.setAutoCommit(false);
                            hold.execute("SELECT count(*) FROM accounts");
                        } catch (SQLException ex) {
                            throw new IllegalStateException(ex);
                        }
                    }
                });
                assertThatThrownBy(() -> stepwise.upgrade("head"))
                        .isInstanceOf(LockRetryExhaustedException.class)
                        .hasMessageContaining("step 2 of 2 was rolled back; steps 1-1 are committed and recorded;"
                                + " the next run resumes at step 2");
                holder.rollback();
            } finally {
                dev.stepwise.it.hooks.TestRunEvents.clear();
            }
            assertThat(evidence.indexValid("accounts_name_idx")).as("step 1 kept").contains(true);
            assertThat(evidence.columnExists("accounts", "note")).isFalse();

            stepwise.upgrade("head");
        }
        assertThat(evidence.columnExists("accounts", "note")).isTrue();
        assertThat(evidence.stepRows("a1")).extracting(Evidence.HistoryLine::step, Evidence.HistoryLine::outcome)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1, "success"),
                        org.assertj.core.groups.Tuple.tuple(2, "failed"),
                        org.assertj.core.groups.Tuple.tuple(2, "success"));
        assertThat(evidence.versionRows()).containsExactly("a1");
    }

    /** Reads and writes the table until told to stop, under a lock timeout the migration must never make it reach. */
    private void traffic(AtomicBoolean done, AtomicInteger pid, AtomicInteger statements, AtomicInteger timeouts) {
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            s.execute("SET lock_timeout = '" + TRAFFIC_LOCK_TIMEOUT.toMillis() + "ms'");
            pid.set(c.unwrap(org.postgresql.PGConnection.class).getBackendPID());
            int i = 0;
            while (!done.get()) {
                try {
                    s.execute((i++ % 2 == 0) ? "SELECT count(*) FROM accounts"
                            : "INSERT INTO accounts (name) VALUES ('traffic')");
                    statements.incrementAndGet();
                } catch (SQLException e) {
                    if ("55P03".equals(e.getSQLState())) {
                        timeouts.incrementAndGet();
                    } else {
                        throw e;
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether the traffic's backend was ever seen waiting for a lock, from the server's own view. */
    private boolean watchForAWait(AtomicBoolean done, AtomicInteger pid) {
        try (Connection c = db.connect();
             java.sql.PreparedStatement s = c.prepareStatement("SELECT count(*) FROM pg_stat_activity"
                     + " WHERE pid = ? AND wait_event_type = 'Lock'")) {
            while (!done.get()) {
                if (pid.get() != 0) {
                    s.setInt(1, pid.get());
                    try (java.sql.ResultSet rs = s.executeQuery()) {
                        rs.next();
                        if (rs.getInt(1) == 1) {
                            return true;
                        }
                    }
                }
                Thread.sleep(2);
            }
            return false;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
