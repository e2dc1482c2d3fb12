package dev.stepwise.it.concurrency;

import dev.stepwise.it.Cli;
import dev.stepwise.it.CliRun;
import dev.stepwise.it.Evidence;
import dev.stepwise.it.Evidence.Backend;
import dev.stepwise.it.MigrationText;
import dev.stepwise.it.Poll;
import dev.stepwise.it.Project;
import dev.stepwise.testing.TestDatabase;
import dev.stepwise.testing.TestPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A runner whose lock connection dies mid-migration stops before committing, so no other runner
 * that takes the free lock can apply the same migration a second time.
 */
class LostLockTest {

    @TempDir
    Path dir;

    @Test
    void lockConnectionEndedDuringAMigration_rollsItBackBeforeTheCommit() throws Exception {
        TestDatabase db = TestPostgres.server().newDatabase();
        db.execute("CREATE TABLE gate (n int)");
        db.execute("INSERT INTO gate VALUES (0)");
        Project project = Project.in(dir);
        project.add(MigrationText.of("a1", "none")
                .up("CREATE TABLE accounts (id int);\nUPDATE gate SET n = n + 1;")
                .down("DROP TABLE accounts;"));
        Evidence evidence = Evidence.of(db);
        Cli cli = Cli.on(db, project);

        CliRun run;
        try (Connection blocker = db.connect(); Statement s = blocker.createStatement()) {
            blocker.setAutoCommit(false);
            s.execute("SELECT n FROM gate FOR UPDATE");
            CompletableFuture<CliRun> runner = CompletableFuture.supplyAsync(() -> cli.run("upgrade", "head"));
            Poll.until("the runner's UPDATE waiting for the row lock", Duration.ofSeconds(20),
                    () -> evidence.backends("stepwise-%-work").stream()
                            .anyMatch(b -> b.query().startsWith("UPDATE gate") && b.waitEventType().equals("Lock")));
            Backend lock = evidence.backends("stepwise-%-lock").get(0);
            db.execute("SELECT pg_terminate_backend(" + lock.pid() + ")");
            Poll.until("the lock backend gone", Duration.ofSeconds(20), () -> !evidence.backendAlive(lock.pid()));
            blocker.rollback();
            run = runner.get(30, TimeUnit.SECONDS);
        }

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
        assertThat(run.errorLine()).contains("lost the run lock").contains("revision a1");
        assertThat(evidence.tableExists("accounts")).isFalse();
        assertThat(db.value("SELECT n FROM gate")).isEqualTo("0");
        assertThat(evidence.versionRows()).isEmpty();
        assertThat(evidence.wholeRows("a1", "up", "success")).isZero();
    }
}
