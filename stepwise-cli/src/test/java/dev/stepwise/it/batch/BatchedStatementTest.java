package dev.stepwise.it.batch;

import dev.stepwise.Stepwise;
import dev.stepwise.StepwiseException;
import dev.stepwise.backfill.BatchProgress;
import dev.stepwise.it.Cli;
import dev.stepwise.it.CliRun;
import dev.stepwise.it.Evidence;
import dev.stepwise.it.Evidence.HistoryLine;
import dev.stepwise.it.MigrationText;
import dev.stepwise.it.Project;
import dev.stepwise.it.hooks.TestRunEvents;
import dev.stepwise.run.RunListener;
import dev.stepwise.testing.TestDatabase;
import dev.stepwise.testing.TestPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code -- stepwise:batch} runs an UPDATE or DELETE in keyset batches along the primary key,
 * each batch its own transaction with its cursor; rows written meanwhile are caught up; and what
 * cannot run safely in batches is refused before anything runs.
 */
class BatchedStatementTest {

    @TempDir
    Path dir;

    private TestDatabase db;
    private Project project;
    private Evidence evidence;
    private final List<BatchProgress> progress = new CopyOnWriteArrayList<>();

    @BeforeEach
    void database() {
        db = TestPostgres.server().newDatabase();
        db.execute("CREATE TABLE orders (id bigint PRIMARY KEY, status text, total_dollars numeric(10, 2))");
        db.execute("INSERT INTO orders SELECT g, NULL, g / 100.0 FROM generate_series(1, 10000) g");
        project = Project.in(dir);
        evidence = Evidence.of(db);
    }

    @AfterEach
    void noHooks() {
        TestRunEvents.clear();
    }

    private Stepwise stepwise() {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setUrl(db.url());
        ds.setUser(db.server().user());
        return Stepwise.configure().projectDirectory(project.root()).dataSource(ds).listener(new RunListener() {
            @Override
            public void batchProgress(BatchProgress p) {
                progress.add(p);
            }
        }).build();
    }

    private void backfill(String directive, String statement) {
        project.add(MigrationText.of("a1", "none")
                .up("-- stepwise:batch " + directive + "\n" + statement)
                .down("")
                .header("reversible", "no"));
    }

    @Test
    void batchedUpdate_changesEveryRow_inBatchesOfItsOwnTransaction_withTheCursorRecorded() {
        backfill("size=1000", "UPDATE orders SET status = 'pending' WHERE status IS NULL;");
        AtomicInteger batches = new AtomicInteger();
        TestRunEvents.onEvent(e -> {
            if (e.startsWith("batch a1 1 ")) {
                batches.incrementAndGet();
            }
        });

        try (Stepwise stepwise = stepwise()) {
            stepwise.upgrade("head");
        }

        assertThat(db.value("SELECT count(*) FROM orders WHERE status = 'pending'")).isEqualTo("10000");
        assertThat(batches.get()).isEqualTo(10);
        assertThat(evidence.versionRows()).containsExactly("a1");
        assertThat(evidence.stepRows("a1")).extracting(HistoryLine::outcome).containsExactly("success");
        assertThat(db.value("SELECT progress FROM stepwise_history WHERE step = 1"))
                .contains("rows=10000").contains("pass=0").contains("last=10000");
        assertThat(progress).last().satisfies(p -> {
            assertThat(p.finished()).isTrue();
            assertThat(p.rowsChanged()).isEqualTo(10000);
            assertThat(p.table()).isEqualTo("orders");
        });
    }

    @Test
    void compositeKeys_areWalkedAsRows() {
        db.execute("CREATE TABLE lines (order_id bigint, line int, note text, PRIMARY KEY (order_id, line))");
        db.execute("INSERT INTO lines SELECT o, l, NULL FROM generate_series(1, 300) o, generate_series(1, 7) l");
        backfill("size=250", "UPDATE lines SET note = 'line ' || line WHERE note IS NULL;");

        try (Stepwise stepwise = stepwise()) {
            stepwise.upgrade("head");
        }

        assertThat(db.value("SELECT count(*) FROM lines WHERE note = 'line ' || line")).isEqualTo("2100");
    }

    @Test
    void batchedDelete_withoutWhere_deletesEveryRow() {
        backfill("size=3000", "DELETE FROM orders;");

        try (Stepwise stepwise = stepwise()) {
            stepwise.upgrade("head");
        }

        assertThat(db.value("SELECT count(*) FROM orders")).isEqualTo("0");
    }

    @Test
    void rowsWrittenDuringTheWalk_areCaughtUpAfterIt() {
        backfill("size=1000", "UPDATE orders SET status = 'pending' WHERE status IS NULL;");
        // writers that do not set status: above the keys of the start, and one among them
        TestRunEvents.onEvent(e -> {
            if (e.equals("batch a1 1 2")) {
                db.execute("INSERT INTO orders SELECT g, NULL, 1 FROM generate_series(10001, 10500) g");
                db.execute("UPDATE orders SET status = NULL WHERE id = 5");
            }
        });

        try (Stepwise stepwise = stepwise()) {
            stepwise.upgrade("head");
        }

        assertThat(db.value("SELECT count(*) FROM orders WHERE status IS NULL")).isEqualTo("0");
        assertThat(db.value("SELECT count(*) FROM orders")).isEqualTo("10500");
        assertThat(progress).last().satisfies(p -> assertThat(p.pass()).isEqualTo(1));
    }

    @Test
    void writersThatOutpaceTheCatchUp_stopTheStep_sayingToSetADefaultFirst() {
        backfill("size=1000", "UPDATE orders SET status = 'pending' WHERE status IS NULL;");
        AtomicInteger next = new AtomicInteger(20000);
        TestRunEvents.onEvent(e -> {
            if (e.startsWith("batch a1 1 ")) {
                int from = next.getAndAdd(2000);
                db.execute("INSERT INTO orders SELECT g, NULL, 1 FROM generate_series(" + from + ", " + (from + 1999) + ") g");
            }
        });

        try (Stepwise stepwise = stepwise()) {
            assertThatThrownBy(() -> stepwise.upgrade("head"))
                    .isInstanceOf(StepwiseException.class)
                    .hasMessageContaining("still match the batched statement after catch-up pass")
                    .hasMessageContaining("Set a default or a trigger for new rows first");
        }
        assertThat(evidence.versionRows()).isEmpty();
        assertThat(db.value("SELECT count(*) FROM orders WHERE id <= 10000 AND status = 'pending'")).isEqualTo("10000");
    }

    @Test
    void notIdempotentOrKeyless_isRefusedBeforeAnythingRuns() {
        db.execute("CREATE TABLE events (kind text, n int)");
        project.add(MigrationText.of("a1", "none").up("CREATE TABLE first (id int);").down("DROP TABLE first;"));
        Path second = project.add(MigrationText.of("b2", "a1")
                .up("-- stepwise:batch\nUPDATE orders SET total_dollars = total_dollars + 1 WHERE total_dollars < 10;")
                .down("").header("reversible", "no"));
        Cli cli = Cli.on(db, project);

        CliRun selfReferencing = cli.run("upgrade", "head");

        assertThat(selfReferencing.exitCode()).as(selfReferencing.toString()).isEqualTo(2);
        assertThat(selfReferencing.errorLine()).contains(second + ":7").contains("revision b2")
                .contains("sets total_dollars from itself").contains("nothing was applied");
        assertThat(evidence.tableExists("first")).as("nothing ran, not even a1").isFalse();

        Project.edit(second, "UPDATE orders SET total_dollars = total_dollars + 1 WHERE total_dollars < 10;",
                "UPDATE orders SET status = 'x';");
        CliRun noWhere = cli.run("upgrade", "head");
        assertThat(noWhere.exitCode()).isEqualTo(2);
        assertThat(noWhere.errorLine()).contains("needs a WHERE that leaves out the rows already done");

        Project.edit(second, "UPDATE orders SET status = 'x';", "UPDATE orders SET status = 'x' WHERE id > 5;");
        CliRun unrelatedWhere = cli.run("upgrade", "head");
        assertThat(unrelatedWhere.exitCode()).isEqualTo(2);
        assertThat(unrelatedWhere.errorLine()).contains("mentions none of the columns it sets (status)");

        Project.edit(second, "UPDATE orders SET status = 'x' WHERE id > 5;",
                "UPDATE events SET n = 0 WHERE n IS NULL;");
        CliRun keyless = cli.run("upgrade", "head");
        assertThat(keyless.exitCode()).isEqualTo(2);
        assertThat(keyless.errorLine()).contains("table events has no primary key");
        assertThat(evidence.tableExists("first")).isFalse();
    }

    @Test
    void sqlOutput_writesTheBatchAsADoBlockThatCommitsPerBatch_andTheBlockDoesTheWork() throws Exception {
        backfill("size=700", "UPDATE orders SET status = 'pending' WHERE status IS NULL;");
        CliRun sql = Cli.withoutDatabase(project).run("upgrade", "head", "--sql");

        assertThat(sql.exitCode()).as(sql.toString()).isZero();
        assertThat(sql.out()).contains("-- outside a transaction: batched, 700 rows per batch, each batch commits")
                .contains("DO $stepwise_batch$").contains("COMMIT;");
        String block = sql.out().substring(sql.out().indexOf("DO $stepwise_batch$"),
                sql.out().indexOf("END $stepwise_batch$") + "END $stepwise_batch$".length());
        db.execute(block);
        assertThat(db.value("SELECT count(*) FROM orders WHERE status IS NULL")).isEqualTo("0");
        assertThat(db.value("SELECT count(*) FROM orders WHERE status = 'pending'")).isEqualTo("10000");
    }
}
