package dev.stepwise.it.concurrency;

import dev.stepwise.it.Cli;
import dev.stepwise.it.CliRun;
import dev.stepwise.it.Evidence;
import dev.stepwise.it.Evidence.Backend;
import dev.stepwise.it.LockHolder;
import dev.stepwise.it.MigrationText;
import dev.stepwise.it.Poll;
import dev.stepwise.it.Project;
import dev.stepwise.testing.TestDatabase;
import dev.stepwise.testing.TestPostgres;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A runner that finds the run lock taken waits for it by polling, holding no transaction and no
 * snapshot while it waits, and gives up after {@code lock_wait} naming who holds it.
 */
class RunLockWaitTest {

    @TempDir
    Path dir;

    private TestDatabase db;
    private Project project;
    private Evidence evidence;

    @BeforeEach
    void project() {
        db = TestPostgres.server().newDatabase();
        project = Project.in(dir);
        project.add(MigrationText.of("a1", "none").up("CREATE TABLE accounts (id int);").down("DROP TABLE accounts;"));
        evidence = Evidence.of(db);
    }

    @Test
    void lockHeldLongerThanLockWait_failsNamingTheHoldersPidAndApplicationName() {
        project.config("lock_wait = \"1s\"\n");
        try (LockHolder holder = LockHolder.take(db, "nightly-deploy")) {
            Instant start = Instant.now();

            CliRun run = Cli.on(db, project).run("upgrade", "head");

            assertThat(Duration.between(start, Instant.now())).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
            assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
            assertThat(run.errorLine()).contains("after 1s").contains("pid " + holder.pid())
                    .contains("'nightly-deploy'");
            assertThat(run.err()).doesNotContain("\tat ");
            assertThat(evidence.tableExists("stepwise_version")).as("nothing ran without the lock").isFalse();
            assertThat(evidence.tableExists("accounts")).isFalse();
        }
    }

    @Test
    void waitingRunner_holdsNoSnapshot_andProceedsWhenTheHolderReleases() throws Exception {
        Cli cli = Cli.on(db, project).env("STEPWISE_LOCK_WAIT", "60s");
        try (LockHolder holder = LockHolder.take(db, "nightly-deploy")) {
            CompletableFuture<CliRun> waiter = CompletableFuture.supplyAsync(() -> cli.run("upgrade", "head"));

            // seen between two tries: it has asked for the lock at least once
            Backend waiting = Poll.until("the waiting runner's lock connection between two tries", Duration.ofSeconds(20),
                    () -> evidence.backends("stepwise-%-lock").stream()
                            .filter(b -> !b.state().equals("active") && b.query().contains("advisory")).findFirst());

            assertThat(waiting.state()).as("idle, not idle in transaction").isEqualTo("idle");
            assertThat(waiting.inTransaction()).as("xact_start").isFalse();
            assertThat(waiting.holdsSnapshot()).as("backend_xmin").isFalse();
            assertThat(evidence.holdsAdvisoryLock(waiting.pid())).isFalse();
            assertThat(evidence.backends("stepwise-%-work")).as("no work connection before the lock").isEmpty();
            assertThat(waiter).isNotDone();

            holder.release();
            CliRun run = waiter.get(30, TimeUnit.SECONDS);

            assertThat(run.exitCode()).as(run.toString()).isZero();
            assertThat(run.err()).contains("waiting for the run lock held by pid " + holder.pid() + " (nightly-deploy)");
            assertThat(evidence.versionRows()).containsExactly("a1");
        }
    }

}
