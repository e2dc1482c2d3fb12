package dev.stepwise.it.crash;

import dev.stepwise.it.CatalogSnapshot;
import dev.stepwise.it.ChildRun;
import dev.stepwise.it.Cli;
import dev.stepwise.it.CliRun;
import dev.stepwise.it.Evidence;
import dev.stepwise.it.MigrationText;
import dev.stepwise.it.Poll;
import dev.stepwise.it.Project;
import dev.stepwise.it.hooks.TestRunEvents;
import dev.stepwise.testing.TestDatabase;
import dev.stepwise.testing.TestPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A runner killed with {@code kill -9} at a chosen event point of a mixed migration (transactional
 * steps, a concurrent index build, NOT VALID and VALIDATE, a batched backfill, an enum value used
 * by a later statement, a concurrent detach, a concurrent reindex), then {@code upgrade} again:
 * every time the schema, the data and {@code stepwise_version} equal an uninterrupted run's, no
 * INVALID index remains, and no step is recorded as done twice.
 *
 * <p>The points come from an uninterrupted run's own list; the reduced run (in {@code mvn verify})
 * takes {@value #REDUCED} of them, chosen by a seed it prints; {@code -Dstepwise.crash.all=true}
 * takes every one, and {@code -Dstepwise.crash.seed=N} replays a choice.
 */
class CrashResumeTest {

    static final int REDUCED = 12;
    private static final Duration LIMIT = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    @AfterEach
    void cleanUp() {
        ChildRun.killLeftovers();
        TestRunEvents.clear();
    }

    private Project history(Path root) {
        Project project = Project.in(root);
        project.add(MigrationText.of("a1", "none").up("""
                CREATE TYPE order_state AS ENUM ('new', 'paid');
                CREATE TABLE orders (id bigint PRIMARY KEY, state order_state NOT NULL DEFAULT 'new',
                    total numeric(10, 2) NOT NULL, status text);
                INSERT INTO orders (id, total, status) SELECT g, g / 100.0, 's' || (g % 7) FROM generate_series(1, 5000) g;
                CREATE TABLE events (id bigint, at date NOT NULL) PARTITION BY RANGE (at);
                CREATE TABLE events_2023 PARTITION OF events FOR VALUES FROM ('2023-01-01') TO ('2024-01-01');
                CREATE TABLE events_2024 PARTITION OF events FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
                INSERT INTO events SELECT g, date '2023-06-01' + (g % 400) FROM generate_series(1, 1000) g;""")
                .down("DROP TABLE events;\nDROP TABLE orders;\nDROP TYPE order_state;"));
        project.add(MigrationText.of("b2", "a1").header("reversible", "lossy").up("""
                ALTER TABLE orders ADD COLUMN total_cents bigint;
                CREATE INDEX CONCURRENTLY orders_status_idx ON orders (status);
                ALTER TABLE orders ADD CONSTRAINT orders_total_cents_positive CHECK (total_cents >= 0) NOT VALID;
                ALTER TABLE orders VALIDATE CONSTRAINT orders_total_cents_positive;
                -- stepwise:batch size=1000
                UPDATE orders SET total_cents = (total * 100)::bigint WHERE total_cents IS NULL;
                ALTER TYPE order_state ADD VALUE 'shipped';
                UPDATE orders SET state = 'shipped' WHERE id <= 10;
                ALTER TABLE events DETACH PARTITION events_2023 CONCURRENTLY;
                REINDEX INDEX CONCURRENTLY orders_status_idx;""")
                .down("""
                ALTER TABLE events ATTACH PARTITION events_2023 FOR VALUES FROM ('2023-01-01') TO ('2024-01-01');
                UPDATE orders SET state = 'paid' WHERE state = 'shipped';
                DROP INDEX CONCURRENTLY orders_status_idx;
                ALTER TABLE orders DROP CONSTRAINT orders_total_cents_positive;
                ALTER TABLE orders DROP COLUMN total_cents;"""));
        project.add(MigrationText.of("c3", "b2").up("CREATE TABLE audit (id bigint PRIMARY KEY);")
                .down("DROP TABLE audit;"));
        return project;
    }

    @Test
    void killedAtAnyEventPoint_theNextRunEndsExactlyWhereAnUninterruptedOneDoes() {
        TestDatabase reference = TestPostgres.server().newDatabase();
        List<String> events = new ArrayList<>();
        TestRunEvents.onEvent(events::add);
        Project referenceProject = history(dir.resolve("reference"));
        CliRun uninterrupted = Cli.on(reference, referenceProject).run("upgrade", "head");
        TestRunEvents.clear();
        assertThat(uninterrupted.exitCode()).as(uninterrupted.toString()).isZero();
        List<String> expected = CatalogSnapshot.of(reference);
        assertThat(events).contains("before-step b2 2", "after-statement b2 2", "batch b2 5 3",
                "before-commit b2 5 3", "before-commit b2");

        long seed = Long.getLong("stepwise.crash.seed", new Random().nextLong());
        boolean all = Boolean.getBoolean("stepwise.crash.all");
        List<String> chosen = new ArrayList<>(events);
        Collections.shuffle(chosen, new Random(seed));
        if (!all) {
            chosen = chosen.subList(0, Math.min(REDUCED, chosen.size()));
        }
        System.out.println("CrashResumeTest: " + chosen.size() + " of " + events.size() + " event points, seed " + seed
                + " (replay: -Dstepwise.crash.seed=" + seed + (all ? " -Dstepwise.crash.all=true" : "") + ")");

        for (String event : chosen) {
            trial(event, expected);
        }
    }

    private void trial(String event, List<String> expected) {
        TestDatabase db = TestPostgres.server().newDatabase();
        Path root = dir.resolve("trial-" + event.replaceAll("[^a-z0-9]+", "-"));
        Project project = history(root);
        Cli cli = Cli.on(db, project);
        ChildRun child = cli.env("STEPWISE_TEST_STOP_AT", event).start(root.resolve("logs"), "upgrade", "head");
        Poll.until("the child to stop at " + event, LIMIT, () -> stderr(child).contains(TestRunEvents.STOPPED + event));
        child.kill();

        CliRun next = Cli.on(db, project).run("upgrade", "head");

        String trial = "killed at '" + event + "', then " + next;
        assertThat(next.exitCode()).as(trial).isZero();
        assertThat(CatalogSnapshot.of(db)).as(trial).containsExactlyElementsOf(expected);
        assertThat(db.value("SELECT count(*) FROM pg_index WHERE NOT indisvalid")).as(trial + ": INVALID indexes")
                .isEqualTo("0");
        assertThat(db.column("SELECT revision || ' step ' || coalesce(step::text, 'whole') || ': ' || count(*)"
                + " FROM stepwise_history WHERE outcome = 'success' AND direction = 'up'"
                + " GROUP BY revision, step HAVING count(*) > 1")).as(trial + ": steps done twice").isEmpty();
        assertThat(Evidence.of(db).backends("stepwise-%")).as(trial + ": Stepwise backends left").isEmpty();
    }

    private static String stderr(ChildRun child) {
        try {
            return Files.readString(child.err());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
