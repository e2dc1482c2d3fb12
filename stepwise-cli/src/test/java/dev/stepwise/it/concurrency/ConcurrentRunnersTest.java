package dev.stepwise.it.concurrency;

import dev.stepwise.it.ChildRun;
import dev.stepwise.it.Cli;
import dev.stepwise.it.CliRun;
import dev.stepwise.it.Evidence;
import dev.stepwise.it.Evidence.Backend;
import dev.stepwise.it.Evidence.HistoryLine;
import dev.stepwise.it.LockHolder;
import dev.stepwise.it.MigrationText;
import dev.stepwise.it.Poll;
import dev.stepwise.it.Project;
import dev.stepwise.testing.TestDatabase;
import dev.stepwise.testing.TestPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The acceptance check for deploys that start several instances at once: four processes running
 * {@code upgrade head} against one database all succeed, and each migration is applied exactly
 * once, also when one of them builds an index concurrently while the others wait for the lock.
 */
class ConcurrentRunnersTest {

    private static final int RUNNERS = 4;
    /** Far below lock_wait: a deadlock shows up as a timeout here, not as a lock-wait failure. */
    private static final Duration FINISH = Duration.ofSeconds(60);
    private static final List<String> REVISIONS = List.of("a1", "b2", "c3");

    @TempDir
    Path dir;

    private TestDatabase db;
    private Cli cli;
    private Evidence evidence;

    @BeforeEach
    void project() {
        db = TestPostgres.server().newDatabase();
        Project project = Project.in(dir.resolve("project"));
        project.add(MigrationText.of("a1", "none")
                .up("CREATE TABLE items (id int PRIMARY KEY, code text);\n"
                        + "INSERT INTO items SELECT i, 'c' || i FROM generate_series(1, 1000) i;")
                .down("DROP TABLE items;"));
        project.add(MigrationText.of("b2", "a1")
                .up("CREATE INDEX CONCURRENTLY items_code ON items (code);")
                .down("DROP INDEX CONCURRENTLY items_code;"));
        project.add(MigrationText.of("c3", "b2")
                .up("ALTER TABLE items ADD COLUMN note text;")
                .down("ALTER TABLE items DROP COLUMN note;"));
        cli = Cli.on(db, project).env("STEPWISE_LOCK_WAIT", "5m");
        evidence = Evidence.of(db);
    }

    @AfterEach
    void noRunnerLeftBehind() {
        ChildRun.killLeftovers();
    }

    @Test
    void fourRunnersStartedAtOnce_allSucceed_andApplyEachMigrationOnce() {
        List<ChildRun> children = startRunners();

        finishAll(children);

        assertAppliedOnce();
    }

    @Test
    void runnersQueuedOnTheLock_letAConcurrentIndexBuildFinish() {
        List<ChildRun> children;
        try (LockHolder holder = LockHolder.take(db, "gate")) {
            children = startRunners();
            // each seen between two tries for the lock, so each has tried at least once
            List<Backend> waiting = Poll.until("all " + RUNNERS + " runners between tries for the lock", FINISH, () -> {
                List<Backend> between = evidence.backends("stepwise-%-lock").stream()
                        .filter(b -> !b.state().equals("active") && b.query().contains("advisory")).toList();
                return between.size() == RUNNERS ? Optional.of(between) : Optional.empty();
            });
            assertThat(waiting).allSatisfy(b -> {
                assertThat(b.state()).as("%s", b).isEqualTo("idle");
                assertThat(b.holdsSnapshot()).as("%s holds a snapshot", b).isFalse();
            });
            holder.release();
        }

        finishAll(children);

        assertAppliedOnce();
        assertThat(evidence.indexValid("items_code")).contains(true);
    }

    private List<ChildRun> startRunners() {
        return IntStream.range(0, RUNNERS).mapToObj(i -> cli.start(dir.resolve("logs"), "upgrade", "head")).toList();
    }

    private static void finishAll(List<ChildRun> children) {
        for (ChildRun child : children) {
            CliRun run = child.finish(FINISH);
            assertThat(run.exitCode()).as(run.toString()).isZero();
        }
    }

    private void assertAppliedOnce() {
        assertThat(evidence.versionRows()).containsExactly("c3");
        assertThat(REVISIONS).allSatisfy(r -> assertThat(evidence.wholeRows(r, "up", "success")).as(r).isEqualTo(1));
        assertThat(evidence.history()).extracting(HistoryLine::outcome).containsOnly("success");
    }
}
