package dev.stepwise.it.lint;

import dev.stepwise.dialect.MigrationLinter;
import dev.stepwise.it.Poll;
import dev.stepwise.lint.Finding;
import dev.stepwise.postgres.PostgresDialect;
import dev.stepwise.source.MigrationFileParser;
import dev.stepwise.source.SqlMigration;
import dev.stepwise.testing.TestPostgres;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every locking rule's claim, checked on real servers (the oldest and newest majors the zonky
 * binaries offer here, and the default 17): the statement runs on a clone of a populated template
 * and the server says which locks its backend holds ({@code pg_locks}), whether the table was
 * rewritten ({@code relfilenode} changed) and whether it was read whole; the linter, fed the
 * clone's catalog, must fire the rule on the hazard (naming the lock mode the server showed) and
 * no locking rule on the safe way.
 *
 * <p>How a scan is seen: inside the statement's transaction, {@code pg_stat_xact_user_tables}
 * counts it before anything is flushed. Statements that cannot run in a transaction block are
 * checked from a second session: a reader holds the weakest lock that conflicts with the claimed
 * one, and the statement's lock request shows in {@code pg_locks} (not granted) until the reader
 * lets go; their rewrite is seen from
 * the relfilenode afterwards.
 */
class LockClaimsTest {

    static final String TEMPLATE = "lint_claims_template";

    static final String SCHEMA = """
            CREATE TABLE users (id bigint PRIMARY KEY, email text);
            INSERT INTO users SELECT g, 'user' || g || '@example.com' FROM generate_series(1, 2000) g;
            CREATE UNIQUE INDEX users_email_uidx ON users (email);
            CREATE TABLE orders (id bigint PRIMARY KEY, user_id bigint, status text, note varchar(40),
                label varchar, total integer, created_at timestamptz DEFAULT now());
            INSERT INTO orders SELECT g, g % 2000 + 1, 'new', 'n' || g, 'l' || g, g, now() FROM generate_series(1, 5000) g;
            CREATE INDEX ix_orders_user_id ON orders (user_id);
            ALTER TABLE orders ADD CONSTRAINT ck_orders_user_id_nn CHECK (user_id IS NOT NULL);
            ALTER TABLE orders ADD CONSTRAINT ck_orders_total_positive CHECK (total > 0) NOT VALID;
            CREATE TABLE events (id bigint, name text);
            INSERT INTO events SELECT g, 'e' FROM generate_series(1, 3000) g;
            CREATE UNIQUE INDEX events_id_uidx ON events (id);
            CREATE TABLE checked_events (id bigint, name text);
            INSERT INTO checked_events SELECT g, 'e' FROM generate_series(1, 3000) g;
            CREATE UNIQUE INDEX checked_events_id_uidx ON checked_events (id);
            ALTER TABLE checked_events ADD CONSTRAINT checked_events_id_nn CHECK (id IS NOT NULL);
            CREATE TABLE bookings (id bigint PRIMARY KEY, during tstzrange);
            INSERT INTO bookings SELECT g, tstzrange(now() + g * interval '1 hour', now() + (g + 1) * interval '1 hour')
                FROM generate_series(1, 1000) g;
            CREATE MATERIALIZED VIEW order_totals AS SELECT user_id, count(*) AS orders FROM orders GROUP BY user_id;
            CREATE UNIQUE INDEX ix_order_totals_user_id ON order_totals (user_id);
            CREATE TABLE measurements (id bigint, taken date) PARTITION BY RANGE (taken);
            CREATE TABLE measurements_2025 PARTITION OF measurements FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');
            INSERT INTO measurements SELECT g, date '2025-01-01' + g % 300 FROM generate_series(1, 1000) g;
            ANALYZE;
            """;

    static final String SHARE = "ShareLock";
    static final String ACCESS_EXCLUSIVE = "AccessExclusiveLock";
    static final String SHARE_ROW_EXCLUSIVE = "ShareRowExclusiveLock";
    static final String SHARE_UPDATE_EXCLUSIVE = "ShareUpdateExclusiveLock";
    static final String EXCLUSIVE = "ExclusiveLock";

    static final List<LockClaim> CLAIMS = List.of(
            LockClaim.hazard("create-index-non-concurrently", "CREATE INDEX ix_orders_status ON orders (status)",
                    "orders", SHARE, false, true),
            LockClaim.hazard("drop-index-non-concurrently", "DROP INDEX ix_orders_user_id", "orders",
                    ACCESS_EXCLUSIVE, false, false),
            LockClaim.hazard("reindex-non-concurrently", "REINDEX INDEX ix_orders_user_id", "orders", SHARE, false, true)
                    .alsoLocks("ix_orders_user_id", ACCESS_EXCLUSIVE),
            LockClaim.hazard("reindex-non-concurrently", "REINDEX TABLE orders", "orders", SHARE, false, true),
            LockClaim.hazard("foreign-key-validated-at-once",
                    "ALTER TABLE orders ADD CONSTRAINT fk_orders_user FOREIGN KEY (user_id) REFERENCES users (id)",
                    "orders", SHARE_ROW_EXCLUSIVE, false, true).alsoLocks("users", SHARE_ROW_EXCLUSIVE),
            LockClaim.safe("ALTER TABLE orders ADD CONSTRAINT fk_orders_user FOREIGN KEY (user_id) REFERENCES users (id)"
                    + " NOT VALID", "orders", SHARE_ROW_EXCLUSIVE, false, false),
            LockClaim.hazard("check-validated-at-once", "ALTER TABLE orders ADD CONSTRAINT ck_total CHECK (total >= 0)",
                    "orders", ACCESS_EXCLUSIVE, false, true),
            LockClaim.safe("ALTER TABLE orders ADD CONSTRAINT ck_total CHECK (total >= 0) NOT VALID", "orders",
                    ACCESS_EXCLUSIVE, false, false),
            LockClaim.hazard("set-not-null-scans", "ALTER TABLE orders ALTER COLUMN status SET NOT NULL", "orders",
                    ACCESS_EXCLUSIVE, false, true),
            LockClaim.safe("ALTER TABLE orders ALTER COLUMN user_id SET NOT NULL", "orders", ACCESS_EXCLUSIVE, false,
                    false),
            LockClaim.hazard("column-type-rewrites", "ALTER TABLE orders ALTER COLUMN total TYPE bigint", "orders",
                    ACCESS_EXCLUSIVE, true, true),
            LockClaim.hazard("column-type-rewrites", "ALTER TABLE orders ALTER COLUMN status TYPE varchar(255)",
                    "orders", ACCESS_EXCLUSIVE, true, true),
            LockClaim.safe("ALTER TABLE orders ALTER COLUMN label TYPE text", "orders", ACCESS_EXCLUSIVE, false, false),
            LockClaim.safe("ALTER TABLE orders ALTER COLUMN note TYPE varchar(80)", "orders", ACCESS_EXCLUSIVE, false,
                    false),
            LockClaim.safe("ALTER TABLE orders ALTER COLUMN note TYPE text", "orders", ACCESS_EXCLUSIVE, false, false),
            LockClaim.hazard("add-column-rewrites", "ALTER TABLE orders ADD COLUMN token uuid DEFAULT gen_random_uuid()",
                    "orders", ACCESS_EXCLUSIVE, true, true),
            LockClaim.hazard("add-column-rewrites", "ALTER TABLE orders ADD COLUMN seq bigserial", "orders",
                    ACCESS_EXCLUSIVE, true, true),
            LockClaim.hazard("add-column-rewrites",
                    "ALTER TABLE orders ADD COLUMN seq bigint GENERATED ALWAYS AS IDENTITY", "orders",
                    ACCESS_EXCLUSIVE, true, true),
            LockClaim.hazard("add-column-rewrites",
                    "ALTER TABLE orders ADD COLUMN total_cents bigint GENERATED ALWAYS AS (total * 100) STORED",
                    "orders", ACCESS_EXCLUSIVE, true, true),
            LockClaim.safe("ALTER TABLE orders ADD COLUMN gift boolean NOT NULL DEFAULT false", "orders",
                    ACCESS_EXCLUSIVE, false, false),
            LockClaim.safe("ALTER TABLE orders ADD COLUMN seen_at timestamptz DEFAULT now()", "orders",
                    ACCESS_EXCLUSIVE, false, false),
            LockClaim.hazard("unique-without-index", "ALTER TABLE users ADD CONSTRAINT users_email_key UNIQUE (email)",
                    "users", ACCESS_EXCLUSIVE, false, true),
            LockClaim.safe("ALTER TABLE users ADD CONSTRAINT users_email_key UNIQUE USING INDEX users_email_uidx",
                    "users", ACCESS_EXCLUSIVE, false, false),
            LockClaim.hazard("primary-key-scans-nullable",
                    "ALTER TABLE events ADD CONSTRAINT events_pkey PRIMARY KEY USING INDEX events_id_uidx", "events",
                    ACCESS_EXCLUSIVE, false, true),
            LockClaim.safe("ALTER TABLE checked_events ADD CONSTRAINT checked_events_pkey PRIMARY KEY USING INDEX"
                    + " checked_events_id_uidx", "checked_events", ACCESS_EXCLUSIVE, false, false),
            // TRUNCATE's new empty file starts the table's transaction counters afresh, so whether it "read" is not asked
            LockClaim.hazard("truncate-table", "TRUNCATE orders CASCADE", "orders", ACCESS_EXCLUSIVE, true, null),
            LockClaim.hazard("table-rewrite", "CLUSTER orders USING orders_pkey", "orders", ACCESS_EXCLUSIVE, true,
                    true),
            LockClaim.hazard("table-rewrite", "VACUUM FULL orders", "orders", ACCESS_EXCLUSIVE, true, true)
                    .outsideTransaction(),
            LockClaim.safe("VACUUM orders", "orders", SHARE_UPDATE_EXCLUSIVE, false, false).outsideTransaction(),
            LockClaim.hazard("refresh-materialized-view-non-concurrently", "REFRESH MATERIALIZED VIEW order_totals",
                    "order_totals", ACCESS_EXCLUSIVE, true, null),
            LockClaim.safe("REFRESH MATERIALIZED VIEW CONCURRENTLY order_totals", "order_totals", EXCLUSIVE, false,
                    null),
            LockClaim.hazard("exclusion-constraint",
                    "ALTER TABLE bookings ADD CONSTRAINT bookings_no_overlap EXCLUDE USING gist (during WITH &&)",
                    "bookings", ACCESS_EXCLUSIVE, false, true),
            LockClaim.hazard("detach-partition-non-concurrently",
                    "ALTER TABLE measurements DETACH PARTITION measurements_2025", "measurements", ACCESS_EXCLUSIVE,
                    false, false).alsoLocks("measurements_2025", SHARE_UPDATE_EXCLUSIVE).until(13),
            LockClaim.hazard("detach-partition-non-concurrently",
                    "ALTER TABLE measurements DETACH PARTITION measurements_2025", "measurements", ACCESS_EXCLUSIVE,
                    false, false).alsoLocks("measurements_2025", ACCESS_EXCLUSIVE).since(14),
            LockClaim.safe("ALTER TABLE measurements DETACH PARTITION measurements_2025 CONCURRENTLY", "measurements",
                    SHARE_UPDATE_EXCLUSIVE, false, null).outsideTransaction().since(14),
            LockClaim.safe("CREATE INDEX CONCURRENTLY ix_orders_status ON orders (status)", "orders",
                    SHARE_UPDATE_EXCLUSIVE, false, true).outsideTransaction(),
            LockClaim.safe("DROP INDEX CONCURRENTLY ix_orders_user_id", "orders", SHARE_UPDATE_EXCLUSIVE, false, false)
                    .outsideTransaction(),
            LockClaim.safe("REINDEX INDEX CONCURRENTLY ix_orders_user_id", "orders", SHARE_UPDATE_EXCLUSIVE, false,
                    true).outsideTransaction(),
            LockClaim.safe("ALTER TABLE orders VALIDATE CONSTRAINT ck_orders_total_positive", "orders",
                    SHARE_UPDATE_EXCLUSIVE, false, true));

    static final Map<String, TestPostgres> TEMPLATES = new HashMap<>();
    static final AtomicInteger CLONES = new AtomicInteger();

    @TempDir
    Path files;

    @TestFactory
    Stream<DynamicNode> claimsHoldOnEachServer() {
        return Stream.of("13", "17", "18").map(version -> DynamicContainer.dynamicContainer("PostgreSQL " + version,
                CLAIMS.stream().map(claim -> DynamicTest.dynamicTest(claim.name(), () -> check(version, claim)))));
    }

    private void check(String version, LockClaim claim) throws Exception {
        TestPostgres server = template(version);
        int major = Integer.parseInt(version);
        if (major < claim.minVersion() || major > claim.maxVersion()) {
            return;
        }
        String db = "claim_" + CLONES.incrementAndGet();
        server.execute("postgres", "CREATE DATABASE " + db + " TEMPLATE " + TEMPLATE);
        try {
            Observed observed = claim.inTransaction() ? inTransaction(server, db, claim) : fromOutside(server, db, major, claim);
            claim.locks().forEach((table, mode) -> assertThat(observed.locks().get(table))
                    .as("PostgreSQL %s, %s: strongest lock on %s", version, claim.sql(), table).isEqualTo(mode));
            assertThat(observed.rewritten()).as("PostgreSQL %s, %s: rewrites %s", version, claim.sql(), claim.table())
                    .isEqualTo(claim.rewrite());
            if (claim.scan() != null && observed.scanned() != null) {
                assertThat(observed.scanned()).as("PostgreSQL %s, %s: reads %s whole", version, claim.sql(),
                        claim.table()).isEqualTo(claim.scan());
            }
            checkLint(server, db, major, claim);
        } finally {
            server.execute("postgres", "DROP DATABASE " + db);
        }
    }

    /** The linter, given the clone's catalog before the statement, says what the server showed. */
    private void checkLint(TestPostgres server, String db, int major, LockClaim claim) throws Exception {
        Path file = files.resolve("20260101000000_0000000000aa.sql");
        Files.writeString(file, "-- revision: 0000000000aa\n-- down_revision: none\n-- reversible: no\n\n-- +up\n"
                + claim.sql() + ";\n\n-- +down\n");
        SqlMigration migration = new MigrationFileParser().parse(file);
        MigrationLinter linter = new PostgresDialect().linter();
        List<Finding> findings;
        try (Connection c = DriverManager.getConnection(server.jdbcUrl(db), server.user(), "")) {
            findings = linter.lint(migration, linter.catalogFacts(c, migration, true)).findings();
        }
        List<String> lockingRules = linter.rules().stream()
                .filter(r -> r.group() == dev.stepwise.lint.RuleGroup.LOCKING).map(r -> r.id()).toList();
        if (claim.rule() == null) {
            assertThat(findings).as("PostgreSQL %d: no locking rule fires on %s", major, claim.sql())
                    .noneMatch(f -> lockingRules.contains(f.rule()));
            return;
        }
        Finding finding = findings.stream().filter(f -> f.rule().equals(claim.rule())).findFirst().orElse(null);
        assertThat(finding).as("PostgreSQL %d: %s fires on %s (findings %s)", major, claim.rule(), claim.sql(), findings)
                .isNotNull();
        assertThat(finding.message()).as("the message names the lock the server showed")
                .contains(LockClaim.words(claim.locks().get(claim.table())));
        if (claim.rewrite()) {
            assertThat(finding.message()).as("the message says it rewrites").containsAnyOf("rewrite", "recomput", "new file");
        }
    }

    record Observed(Map<String, String> locks, boolean rewritten, Boolean scanned) {
    }

    private static Observed inTransaction(TestPostgres server, String db, LockClaim claim) throws SQLException {
        try (Connection c = DriverManager.getConnection(server.jdbcUrl(db), server.user(), "");
             Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            String before = one(s, "SELECT coalesce(pg_relation_filenode('" + claim.table() + "'), 0)::text");
            long scansBefore = scans(s, claim.table());
            s.execute(claim.sql());
            Map<String, String> locks = new HashMap<>();
            try (ResultSet rs = s.executeQuery("SELECT c.relname, l.mode FROM pg_locks l JOIN pg_class c ON c.oid ="
                    + " l.relation WHERE l.pid = pg_backend_pid() AND l.granted AND l.locktype = 'relation'")) {
                while (rs.next()) {
                    locks.merge(rs.getString(1), rs.getString(2), LockClaimsTest::stronger);
                }
            }
            String after = one(s, "SELECT coalesce(pg_relation_filenode('" + claim.table() + "'), 0)::text");
            long scansAfter = scans(s, claim.table());
            c.rollback();
            return new Observed(locks, !before.equals(after), scansAfter > scansBefore);
        }
    }

    /** Sequential scans of the table in this transaction so far (not yet flushed to the shared statistics). */
    private static long scans(Statement s, String table) throws SQLException {
        String v = one(s, "SELECT coalesce(sum(seq_scan), 0)::text FROM pg_stat_xact_all_tables WHERE relid = '"
                + table + "'::regclass");
        return Long.parseLong(v);
    }

    /** Sequential scans of the table in the shared statistics (what every backend has flushed). */
    private static long userScans(Statement s, String table) throws SQLException {
        return Long.parseLong(one(s, "SELECT coalesce(sum(seq_scan), 0)::text FROM pg_stat_all_tables WHERE relid = '"
                + table + "'::regclass"));
    }

    /**
     * A statement that cannot run in a transaction block: a reader holds the weakest lock that
     * conflicts with the claimed mode, the statement is started in autocommit, and the mode it
     * waits for shows in {@code pg_locks}. Whether it read the table whole is asked on 15+ only:
     * {@code pg_stat_force_next_flush()} makes the runner flush its statistics when it goes idle,
     * and the shared {@code pg_stat_all_tables} then shows its scans (13 and 14 send them to the
     * statistics collector at some later time).
     */
    private static Observed fromOutside(TestPostgres server, String db, int major, LockClaim claim) throws Exception {
        String url = server.jdbcUrl(db);
        try (Connection reader = DriverManager.getConnection(url, server.user(), "");
             Connection runner = DriverManager.getConnection(url, server.user(), "");
             Connection watcher = DriverManager.getConnection(url, server.user(), "");
             Statement w = watcher.createStatement()) {
            String before = one(w, "SELECT coalesce(pg_relation_filenode('" + claim.table() + "'), 0)::text");
            int pid;
            try (Statement r = runner.createStatement()) {
                pid = Integer.parseInt(one(r, "SELECT pg_backend_pid()::text"));
            }
            long scansBefore = major >= 15 ? userScans(w, claim.table()) : 0;
            reader.setAutoCommit(false);
            try (Statement r = reader.createStatement()) {
                r.execute("LOCK TABLE " + claim.table() + " IN " + WEAKEST_CONFLICTING.get(claim.locks()
                        .get(claim.table())) + " MODE");
            }
            CompletableFuture<Void> running = CompletableFuture.runAsync(() -> {
                try (Statement s = runner.createStatement()) {
                    s.execute(claim.sql());
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            String mode = Poll.until("the lock of " + claim.sql() + " on " + claim.table(), Duration.ofSeconds(30),
                    () -> waitingLock(w, pid, claim.table()));
            // a concurrent build or drop then waits for the reader's transaction to end
            reader.rollback();
            running.get(60, TimeUnit.SECONDS);
            Boolean scanned = null;
            if (major >= 15) {
                // the runner's statistics reach the shared ones when it next goes idle with a flush forced
                try (Statement r = runner.createStatement()) {
                    r.execute("SELECT pg_stat_force_next_flush()");
                }
                scanned = userScans(w, claim.table()) > scansBefore;
            }
            String after = one(w, "SELECT coalesce(pg_relation_filenode('" + claim.table() + "'), 0)::text");
            return new Observed(Map.of(claim.table(), mode), !before.equals(after), scanned);
        }
    }

    /** The mode the statement's backend waits for on the table, once it waits. */
    private static Optional<String> waitingLock(Statement w, int pid, String table) {
        try (ResultSet rs = w.executeQuery("SELECT l.mode FROM pg_locks l WHERE l.pid = " + pid
                + " AND l.locktype = 'relation' AND l.relation = '" + table + "'::regclass AND NOT l.granted")) {
            return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * For each mode, the weakest one that conflicts with it: the reader holds that, so the statement
     * waits in exactly the mode it asks for (and a statement asking for less would not wait at all).
     */
    private static final Map<String, String> WEAKEST_CONFLICTING = Map.of(ACCESS_EXCLUSIVE, "ACCESS SHARE",
            EXCLUSIVE, "ROW SHARE", SHARE_ROW_EXCLUSIVE, "ROW EXCLUSIVE", SHARE, "ROW EXCLUSIVE",
            SHARE_UPDATE_EXCLUSIVE, "SHARE UPDATE EXCLUSIVE");

    private static final List<String> STRENGTH = List.of("AccessShareLock", "RowShareLock", "RowExclusiveLock",
            SHARE_UPDATE_EXCLUSIVE, SHARE, SHARE_ROW_EXCLUSIVE, EXCLUSIVE, ACCESS_EXCLUSIVE);

    static String stronger(String a, String b) {
        return STRENGTH.indexOf(a) >= STRENGTH.indexOf(b) ? a : b;
    }

    private static String one(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    /** The server of a version, with the populated template made on first use. */
    private static synchronized TestPostgres template(String version) {
        return TEMPLATES.computeIfAbsent(version, v -> {
            TestPostgres server = TestPostgres.server(v);
            server.execute("postgres", "CREATE DATABASE " + TEMPLATE);
            for (String statement : SCHEMA.split(";\\s*\\n")) {
                if (!statement.isBlank()) {
                    server.execute(TEMPLATE, statement);
                }
            }
            return server;
        });
    }
}
