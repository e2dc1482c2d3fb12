package dev.stepwise.it.expand;

import dev.stepwise.it.Cli;
import dev.stepwise.it.CliRun;
import dev.stepwise.it.Evidence;
import dev.stepwise.it.MigrationText;
import dev.stepwise.it.Project;
import dev.stepwise.testing.TestDatabase;
import dev.stepwise.testing.TestPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each generator's transition with two application versions running as JDBC workloads, through
 * the whole deploy sequence and back: v1 alone, {@code upgrade --phase expand}, v1 and v2 together,
 * v2 alone, {@code upgrade} (the contract); then the way back in reverse deploy order, downgrading
 * from each point. No statement of either version may fail, and every row must hold what the
 * versions wrote in the column that survives (and, after the downgrades, in the old one).
 *
 * <p>In CI each transition runs once on the default PostgreSQL with {@value #SHORT} operations per
 * phase and client; {@code -Dstepwise.expand.full=true} runs {@value #LONG} on PostgreSQL 13, 16,
 * 17 and 18. {@code -Dstepwise.expand.seed=N} replays a run's choices.
 */
class ExpandContractLifecycleTest {

    private static final int SHORT = 300;
    private static final int LONG = 3000;
    private static final boolean FULL = Boolean.getBoolean("stepwise.expand.full");
    private static final int OPERATIONS = FULL ? LONG : SHORT;
    private static final long SEED = Long.getLong("stepwise.expand.seed", new Random().nextLong());
    private static final Duration PATIENCE = Duration.ofMinutes(3);
    private static final Pattern REVISION = Pattern.compile("(?m)^-- revision: (\\S+)$");
    private static final Pattern CONTRACT = Pattern.compile("(?m)^-- phase: contract$");

    @TempDir
    Path dir;

    private final List<Client> everyone = new ArrayList<>();
    private final Ledger ledger = new Ledger();
    private Transition transition;
    private TestDatabase db;
    private Cli cli;
    private Random seeds;
    private Ledger.Lane lane1;
    private Ledger.Lane lane2;
    private Ledger.Lane lane3;
    private Ledger.Lane lane4;
    private List<Long> fixtureIds;

    static Stream<Arguments> transitions() {
        List<String> versions = FULL ? List.of("13", "16", TestPostgres.DEFAULT_VERSION, "18")
                : List.of(TestPostgres.DEFAULT_VERSION);
        return versions.stream().flatMap(v -> Transition.all().stream().map(t -> Arguments.of(t, v)));
    }

    @AfterEach
    void stopEveryone() throws InterruptedException {
        for (Client c : everyone) {
            c.stop();
        }
    }

    @ParameterizedTest(name = "{0} on PostgreSQL {1}")
    @MethodSource("transitions")
    void bothVersionsKeepWorking_fromV1AloneToTheContract_andBackToV1WithAllItsData(Transition t, String pg)
            throws Exception {
        System.out.println("expand/contract lifecycle " + t + " on PostgreSQL " + pg + ": seed " + SEED
                + " (-Dstepwise.expand.seed=" + SEED + " replays it), " + OPERATIONS + " operations per phase");
        transition = t;
        seeds = new Random(SEED ^ t.name().hashCode());
        Map<Long, Value> fixture = fixture();
        db = TestPostgres.server(pg).newDatabase();
        // the contract gate's usage check reads it (on 13 it cannot tell a renamed table's old
        // entries from new code's, and keeps the rename-table contract closed: docs/expand-contract.md)
        boolean counters = Integer.parseInt(pg) >= 14;
        if (counters) {
            db.execute("CREATE EXTENSION pg_stat_statements");
        }
        Project project = Project.in(dir);
        project.config("replay_url = \"" + db.server().jdbcUrl("postgres") + "\"\nuser = \"" + db.server().user()
                + "\"\n");
        project.add(MigrationText.of("a1", "none").up(Transition.baseUp(fixture)).down(Transition.BASE_DOWN));
        cli = Cli.on(db, project);
        ok(cli.run("upgrade", "head"));
        ledger.fixture(fixture);
        ok(cli.run(Stream.concat(Stream.of("revision"), t.revisionOptions().stream()).toArray(String[]::new)));
        String expand = revision(project, "expand");
        String contract = revision(project, "contract");
        Evidence evidence = Evidence.of(db);
        lane1 = ledger.lane();
        lane2 = ledger.lane();
        lane3 = ledger.lane();
        lane4 = ledger.lane();
        fixtureIds = List.copyOf(fixture.keySet());

        // v1 alone, then the expand under it
        List<Client> v1 = v1AloneThenTheExpand("");
        assertThat(evidence.versionRows()).containsExactly(expand != null ? expand : "a1");
        // the expand rewrote nothing: the old column holds exactly what v1 wrote (10.005 stays 10.005)
        verify(Version.V1, fixtureIds, "the fixture right after the expand");
        if (expand != null) {
            verify(Version.V2, fixtureIds, "the fixture, in the new shape, right after the expand");
        }

        // v1 and v2 together, both writing
        List<Client> v2 = v2Joins(v1, "");

        // back out before the code deploy completes: v2 stops, the expand is undone under v1
        undoTheExpandUnderV1(v1, v2, expand, evidence, "after the expand's down, v2's writes included");

        // and forward again: the expand, v1 and v2 together, then v2 alone
        v1 = v1AloneThenTheExpand("2");
        v2 = v2Joins(v1, "2");
        stop(v1);
        // v2 takes over the orders v1-a wrote
        v2 = all(v2, start(writer("v2-a", Version.V2, lane1)));
        runFor(v2);

        // the contract, under v2: the first try sees v1's statements counted since the expand (or,
        // with no expand, no baseline yet) and waits; the next finds no use of what it removes
        if (contract != null && counters) {
            CliRun held = cli.run("upgrade", "head");
            ok(held);
            assertThat(held.out()).as("%s", held).contains("waiting: " + contract);
        }
        CliRun contracted = cli.run("upgrade", "head");
        ok(contracted);
        assertThat(evidence.versionRows()).as("%s", contracted).containsExactly(contract != null ? contract : expand);
        runFor(v2);
        stop(v2);
        verify(Version.V2, "after the contract: every row in the surviving shape");

        // the way back in reverse deploy order: the contract's down under v2, v1 back, v2 stops,
        // the expand's down under v1
        v2 = start(writer("v2-a3", Version.V2, lane1), writer("v2-c3", Version.V2, lane3),
                writer("v2-d3", Version.V2, lane4));
        runFor(v2);
        if (contract != null) {
            ok(cli.run("downgrade", expand != null ? expand : "a1"));
            ledger.rewrite(transition::afterContractDown);
        }
        v1 = start(writer("v1-b3", Version.V1, lane2), star("v1-select-star3", fixtureIds));
        runFor(all(v1, v2));
        undoTheExpandUnderV1(v1, v2, expand, evidence, "back at the start: v1 with all its data");

        List<String> failures = everyone.stream().flatMap(c -> c.failures().stream()).toList();
        long failed = everyone.stream().mapToLong(Client::failed).sum();
        long operations = everyone.stream().mapToLong(Client::operations).sum();
        System.out.println(t + ": " + operations + " operations by " + everyone.size() + " clients, " + failed
                + " failed");
        assertThat(failures).as("failed statements (%d in all)", failed).isEmpty();
    }

    /**
     * Stops v2, downgrades the expand (if there is one) while v1 runs, lets v1 go on, stops it, and
     * checks that every row reads in v1's shape as the ledger says.
     */
    private void undoTheExpandUnderV1(List<Client> v1, List<Client> v2, String expand, Evidence evidence,
                                      String when) throws InterruptedException, SQLException {
        stop(v2);
        if (expand != null) {
            ok(cli.run("downgrade", "a1"));
        }
        assertThat(evidence.versionRows()).containsExactly("a1");
        runFor(v1);
        stop(v1);
        ledger.rewrite(expand != null ? transition::afterExpandDown : w -> w);
        verify(Version.V1, when);
    }

    /** Starts v1 (two writers and the SELECT * reader), lets it run, and expands under it. */
    private List<Client> v1AloneThenTheExpand(String round) throws InterruptedException {
        List<Client> v1 = start(writer("v1-a" + round, Version.V1, lane1), writer("v1-b" + round, Version.V1, lane2),
                star("v1-select-star" + round, fixtureIds));
        runFor(v1);
        ok(cli.run("upgrade", "head", "--phase", "expand"));
        return v1;
    }

    /** Starts two v2 writers next to the running v1 and lets both versions run; returns v2. */
    private List<Client> v2Joins(List<Client> v1, String round) throws InterruptedException {
        List<Client> v2 = start(writer("v2-c" + round, Version.V2, lane3), writer("v2-d" + round, Version.V2, lane4));
        runFor(all(v1, v2));
        return v2;
    }

    /** Orders the base migration writes; the first amounts do not survive a trip to cents and back. */
    private Map<Long, Value> fixture() {
        Map<Long, Value> rows = new LinkedHashMap<>();
        String[] amounts = {"10.005", "0.005", "99999.995", "1.000", "12.340", "0.001", "7.125"};
        for (int i = 0; i < 20; i++) {
            String a = i < amounts.length ? amounts[i]
                    : BigDecimal.valueOf(seeds.nextInt(10_000_000), 3).toPlainString();
            rows.put((long) (i + 1), Value.of(new BigDecimal(a)));
        }
        return rows;
    }

    private Writer writer(String name, Version version, Ledger.Lane lane) {
        return new Writer(name, db.url(), db.server().user(), transition, version, ledger, lane, seeds.nextLong());
    }

    private StarReader star(String name, List<Long> ids) {
        return new StarReader(name, db.url(), db.server().user(), transition, ledger, ids);
    }

    private List<Client> start(Client... clients) {
        List<Client> started = new ArrayList<>();
        for (Client c : clients) {
            everyone.add(c.start());
            started.add(c);
        }
        return started;
    }

    @SafeVarargs
    private static List<Client> all(List<Client>... groups) {
        return Stream.of(groups).flatMap(List::stream).toList();
    }

    /** Lets every client do {@link #OPERATIONS} more operations. */
    private static void runFor(List<Client> clients) throws InterruptedException {
        Map<Client, Long> targets = new LinkedHashMap<>();
        clients.forEach(c -> targets.put(c, c.operations() + OPERATIONS));
        for (Map.Entry<Client, Long> e : targets.entrySet()) {
            e.getKey().awaitOperations(e.getValue(), PATIENCE);
        }
    }

    private static void stop(List<Client> clients) throws InterruptedException {
        for (Client c : clients) {
            c.stop();
        }
    }

    private void verify(Version reader, String when) throws SQLException {
        verify(reader, List.copyOf(ledger.all().keySet()), when);
    }

    /** Reads every given row in {@code reader}'s shape and compares it with what the ledger expects. */
    private void verify(Version reader, List<Long> ids, String when) throws SQLException {
        List<String> wrong = new ArrayList<>();
        try (Connection c = Client.connect(db.url(), db.server().user())) {
            for (long id : ids) {
                Write last = ledger.last(id);
                Value expected = transition.seenBy(reader, last);
                Value read = transition.shape(reader).read(c, id);
                if (!expected.matches(read)) {
                    wrong.add("order " + id + ": " + read + ", expected " + expected + " (last write " + last + ")");
                }
            }
        }
        assertThat(wrong).as("%s, %s reading %d rows of %s", when, reader, ids.size(), transition.shape(reader))
                .isEmpty();
    }

    private static void ok(CliRun run) {
        assertThat(run.exitCode()).as("%s", run).isZero();
    }

    /** The generated migration of the given phase (expand is the default), or null when there is none. */
    private static String revision(Project project, String phase) throws IOException {
        try (Stream<Path> files = Files.list(project.root().resolve("migrations"))) {
            for (Path f : files.toList()) {
                String text = Files.readString(f);
                Matcher r = REVISION.matcher(text);
                String its = CONTRACT.matcher(text).find() ? "contract" : "expand";
                if (r.find() && !r.group(1).equals("a1") && its.equals(phase)) {
                    return r.group(1);
                }
            }
        }
        return null;
    }
}
