package dev.stepwise.reliability.history;

import dev.stepwise.it.CatalogSnapshot;
import dev.stepwise.it.Cli;
import dev.stepwise.it.CliRun;
import dev.stepwise.it.MigrationText;
import dev.stepwise.it.Project;
import dev.stepwise.it.hooks.TestRunEvents;
import dev.stepwise.testing.TestDatabase;
import dev.stepwise.testing.TestPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The history the crash, lost-connection and concurrency scenarios run: what a real project
 * accumulates, small enough to replay hundreds of times.
 *
 * <ul>
 *   <li>{@code a1}: one transaction: an enum, tables with 500 and 5,000 rows, a partitioned table;</li>
 *   <li>{@code b2} (after a1, {@code reversible: lossy}): transactional steps, a concurrent index
 *       build, a foreign key and a check added {@code NOT VALID} then {@code VALIDATE}d, a batched
 *       backfill in 5 batches, an enum value used by the next statement, a concurrent detach, a
 *       concurrent reindex;</li>
 *   <li>{@code c3} (a second branch after a1): a table and a concurrent index;</li>
 *   <li>{@code m4}: the merge of b2 and c3;</li>
 *   <li>an expand/contract pair written by {@code stepwise revision --rename-column
 *       orders.status:status_code}: a sync trigger, a batched backfill, a vacuum, a copied
 *       concurrent index; then the contract.</li>
 * </ul>
 *
 * <p>Made once per JVM: the project (read-only afterwards, so trials share it), the event
 * points an uninterrupted {@code upgrade head} passes, and the catalog it leaves.
 */
public final class RealisticHistory {

    private static RealisticHistory made;

    private final Project project;
    private final List<String> events;
    private final List<String> endState;
    private final String head;

    private RealisticHistory(Project project, List<String> events, List<String> endState, String head) {
        this.project = project;
        this.events = List.copyOf(events);
        this.endState = List.copyOf(endState);
        this.head = head;
    }

    /** The history, made on first use. */
    public static synchronized RealisticHistory get() {
        if (made == null) {
            made = make();
        }
        return made;
    }

    public Project project() {
        return project;
    }

    /** Every event point an uninterrupted {@code upgrade head} from base passes, in order. */
    public List<String> events() {
        return events;
    }

    /** What an uninterrupted run leaves: {@link CatalogSnapshot} of the schema, the data and the version. */
    public List<String> endState() {
        return endState;
    }

    /** The last revision (the contract migration). */
    public String head() {
        return head;
    }

    /** The command pointed at {@code db} and this project. */
    public Cli cli(TestDatabase db) {
        return Cli.on(db, project);
    }

    private static RealisticHistory make() {
        try {
            Path root = Files.createTempDirectory("stepwise-reliability-history");
            Project project = write(Project.in(root));
            TestDatabase reference = TestPostgres.server().newDatabase();
            List<String> events = new ArrayList<>();
            TestRunEvents.onEvent(events::add);
            CliRun run;
            try {
                run = Cli.on(reference, project).run("upgrade", "head");
            } finally {
                TestRunEvents.clear();
            }
            if (run.exitCode() != 0) {
                throw new IllegalStateException("the realistic history does not run uninterrupted: " + run);
            }
            List<String> state = CatalogSnapshot.of(reference);
            String head = reference.value("SELECT revision FROM stepwise_version");
            return new RealisticHistory(project, events, state, head);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Project write(Project project) {
        project.add(MigrationText.of("a1", "none").up("""
                CREATE TYPE order_state AS ENUM ('new', 'paid');
                CREATE TABLE customers (id bigint PRIMARY KEY, name text NOT NULL);
                INSERT INTO customers SELECT g, 'customer ' || g FROM generate_series(1, 500) g;
                CREATE TABLE orders (id bigint PRIMARY KEY, customer_id bigint, state order_state NOT NULL DEFAULT 'new',
                    total numeric(10, 2) NOT NULL, status text);
                INSERT INTO orders (id, customer_id, total, status)
                    SELECT g, 1 + g % 500, g / 100.0, 's' || (g % 7) FROM generate_series(1, 5000) g;
                CREATE TABLE events (id bigint, at date NOT NULL) PARTITION BY RANGE (at);
                CREATE TABLE events_2023 PARTITION OF events FOR VALUES FROM ('2023-01-01') TO ('2024-01-01');
                CREATE TABLE events_2024 PARTITION OF events FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
                INSERT INTO events SELECT g, date '2023-06-01' + (g % 400) FROM generate_series(1, 1000) g;""")
                .down("DROP TABLE events;\nDROP TABLE orders;\nDROP TABLE customers;\nDROP TYPE order_state;"));
        project.add(MigrationText.of("b2", "a1").header("reversible", "lossy").up("""
                ALTER TABLE orders ADD COLUMN total_cents bigint;
                CREATE INDEX CONCURRENTLY orders_status_idx ON orders (status);
                ALTER TABLE orders ADD CONSTRAINT orders_customer_fk FOREIGN KEY (customer_id) REFERENCES customers NOT VALID;
                ALTER TABLE orders VALIDATE CONSTRAINT orders_customer_fk;
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
                ALTER TABLE orders DROP CONSTRAINT orders_customer_fk;
                ALTER TABLE orders DROP COLUMN total_cents;"""));
        project.add(MigrationText.of("c3", "a1").up("""
                CREATE TABLE audit (id bigint PRIMARY KEY, customer_id bigint, note text);
                INSERT INTO audit SELECT g, g, 'note ' || g FROM generate_series(1, 2000) g;
                CREATE INDEX CONCURRENTLY audit_customer_idx ON audit (customer_id);""")
                .down("DROP INDEX CONCURRENTLY audit_customer_idx;\nDROP TABLE audit;"));
        project.add(MigrationText.of("m4", "b2, c3").up("ALTER TABLE audit ADD COLUMN order_id bigint;")
                .down("ALTER TABLE audit DROP COLUMN order_id;"));
        TestDatabase replay = TestPostgres.server().newDatabase();
        project.config("replay_url = \"" + replay.server().jdbcUrl("postgres") + "\"\nuser = \""
                + replay.server().user() + "\"\n");
        CliRun generated = Cli.withoutDatabase(project).run("revision", "--rename-column", "orders.status:status_code",
                "-m", "rename orders.status");
        if (generated.exitCode() != 0) {
            throw new IllegalStateException("the expand/contract generator failed on the realistic history: " + generated);
        }
        return project;
    }
}
