package dev.stepwise.reliability.resources;

import dev.stepwise.it.Project;
import dev.stepwise.reliability.resources.BoundedChild.Measured;
import dev.stepwise.reliability.support.ScenarioReport;
import dev.stepwise.testing.TestDatabase;
import dev.stepwise.testing.TestPostgres;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The resource-bounds scenario, shared by its test and its fault test: runs {@code stepwise} in
 * child JVMs of {@value BoundedChild#MAX_HEAP} heap against a long history and against one large
 * data migration, and counts each measured run as a trial of the report. A run fails when it does
 * not exit 0, runs out of memory or leaves work undone, and the larger of two sizes also when its
 * peak live heap is more than {@value #BOUND} times the smaller one's.
 */
final class ResourceBounds {

    /** How much larger the live heap of the larger size may be (the issue: "within 25%"). */
    static final double BOUND = 1.25;

    private static final Duration LIMIT = Duration.ofMinutes(30);

    private final Path dir;
    private final long seed;
    private final ScenarioReport report;
    private final Map<String, String> env;

    /** @param env extra environment for every child (the fault switch) */
    ResourceBounds(Path dir, long seed, ScenarioReport report, Map<String, String> env) {
        this.dir = dir;
        this.seed = seed;
        this.report = report;
        this.env = env;
    }

    /** A measured run and what is wrong with it, if anything. */
    private record Checked(String size, Measured measured, List<String> problems) {

        /**
         * How the run ended; a run whose heap is compared must also have had enough full
         * collections for its peak to mean something.
         */
        static Checked of(String size, Measured m, boolean compared) {
            System.out.printf(Locale.ROOT, "  %s (%s): exit %d, peak live heap %.2f MB over %d full collections,"
                            + " %.1f s%n", m.label(), size, m.run().exitCode(), m.peakMb(), m.heap().fullCollections(),
                    m.took().toMillis() / 1000.0);
            List<String> problems = new ArrayList<>();
            if (m.ranOutOfMemory()) {
                problems.add("ran out of memory at -Xmx" + BoundedChild.MAX_HEAP);
            } else if (m.run().exitCode() != 0) {
                problems.add("exit " + m.run().exitCode() + ": " + errorLine(m.run().err()));
            } else if (compared && m.heap().fullCollections() < BoundedChild.FEWEST_COLLECTIONS) {
                problems.add("only " + m.heap().fullCollections() + " full collection(s) in its GC log: too few to measure");
            }
            return new Checked(size, m, problems);
        }

        boolean ended() {
            return problems.isEmpty();
        }

        /** Records the problem when the run ended well but this does not hold. */
        void expect(boolean holds, String problem) {
            if (problems.isEmpty() && !holds) {
                problems.add(problem);
            }
        }

        void countIn(ScenarioReport report) {
            report.trial(problems.isEmpty() ? null
                    : measured.label() + " (" + size + "): " + String.join("; ", problems));
        }
    }

    /**
     * A history of {@code small} and one of {@code large} migrations, each on a fresh database:
     * {@code plan} (every migration pending), {@code upgrade head}, {@code status}, {@code history}.
     * The bound is on {@code upgrade head}; the others must run, and their heaps are reported.
     */
    void histories(int small, int large) {
        List<Checked> s = history(small);
        List<Checked> l = history(large);
        Measured smallUpgrade = s.get(1).measured();
        Measured largeUpgrade = l.get(1).measured();
        String exceeded = bound("upgrade head", smallUpgrade, largeUpgrade);
        if (exceeded != null) {
            l.get(1).problems().add(exceeded);
        }
        s.forEach(c -> c.countIn(report));
        l.forEach(c -> c.countIn(report));
        report.note(String.format(Locale.ROOT, "upgrade head of %d / %d migrations: peak live heap %.1f / %.1f MB"
                        + " (%.2f×, bound %.2f×; %.2f KB more per migration), the %d took %.1f s",
                small, large, smallUpgrade.peakMb(), largeUpgrade.peakMb(), ratio(smallUpgrade, largeUpgrade), BOUND,
                (largeUpgrade.heap().peakLiveBytes() - smallUpgrade.heap().peakLiveBytes()) / 1024.0 / (large - small),
                large, largeUpgrade.took().toMillis() / 1000.0));
        report.note(String.format(Locale.ROOT, "plan, status, history at %d → %d migrations (not bounded):"
                        + " %.1f → %.1f, %.1f → %.1f, %.1f → %.1f MB", small, large,
                s.get(0).measured().peakMb(), l.get(0).measured().peakMb(), s.get(2).measured().peakMb(), l.get(2).measured().peakMb(),
                s.get(3).measured().peakMb(), l.get(3).measured().peakMb()));
    }

    /** plan, upgrade head, status and history of one history, in that order. */
    private List<Checked> history(int migrations) {
        TestDatabase db = TestPostgres.server().newDatabase();
        String size = migrations + " migrations";
        Project project = Project.in(dir.resolve("history-" + migrations));
        History.Written written = History.write(project, migrations, seed);
        BoundedChild child = child(db, project, "history-" + migrations);

        Checked plan = Checked.of(size, child.run("plan", LIMIT, "plan"), false);
        plan.expect(plan.measured().run().out().contains("Plan: " + migrations + " migration(s) to head"),
                "does not plan all " + migrations + " migrations");
        Checked upgrade = Checked.of(size, child.run("upgrade", LIMIT, "upgrade", "head"), true);
        if (upgrade.ended()) {
            List<String> heads = db.column("SELECT revision FROM stepwise_version");
            upgrade.expect(heads.equals(List.of(written.head())),
                    "stepwise_version holds " + heads + ", not the head " + written.head());
            String applied = db.value("SELECT count(DISTINCT revision) FROM stepwise_history"
                    + " WHERE direction = 'up' AND step IS NULL AND outcome = 'success'");
            upgrade.expect(applied.equals(String.valueOf(migrations)),
                    applied + " of " + migrations + " migrations recorded as applied");
        }
        Checked status = Checked.of(size, child.run("status", LIMIT, "status"), false);
        status.expect(status.measured().run().out().contains("up to date"), "does not say the database is up to date");
        Checked history = Checked.of(size, child.run("history", LIMIT, "history"), false);
        history.expect(history.measured().run().out().lines().count() >= migrations,
                "lists fewer than " + migrations + " revisions");
        return List.of(plan, upgrade, status, history);
    }

    /**
     * A data migration of {@code shape} at {@code smallBytes} and at {@code largeBytes}, each
     * upgraded on a fresh database: both must apply with every row present, and the larger one's
     * peak live heap stay within the bound of the smaller one's, which it would not if the file
     * were held in memory.
     */
    void dataMigration(DataMigration.Shape shape, long smallBytes, long largeBytes) {
        DataMigration small = new DataMigration("d_small", smallBytes, shape);
        DataMigration large = new DataMigration("d_large", largeBytes, shape);
        Checked s = data(small);
        Checked l = data(large);
        String exceeded = bound("data migration (" + shape + ")", s.measured(), l.measured());
        if (exceeded != null) {
            l.problems().add(exceeded);
        }
        s.countIn(report);
        l.countIn(report);
        report.note(String.format(Locale.ROOT, "data migration, %s: %s / %s file, peak live heap %.1f / %.1f MB"
                        + " (%.2f×), the %s took %.1f s", shape, small.megabytes(), large.megabytes(),
                s.measured().peakMb(), l.measured().peakMb(), ratio(s.measured(), l.measured()), large.megabytes(),
                l.measured().took().toMillis() / 1000.0));
    }

    private Checked data(DataMigration migration) {
        TestDatabase db = TestPostgres.server().newDatabase();
        String name = "data-" + migration.shape().name() + "-" + migration.revision();
        Project project = Project.in(dir.resolve(name));
        long rows = migration.write(project, seed);
        Checked upgrade = Checked.of(migration.megabytes() + " file, " + migration.shape(),
                child(db, project, name).run("upgrade", LIMIT, "upgrade", "head"), true);
        if (upgrade.ended()) {
            String present = db.value("SELECT count(*) FROM " + migration.table());
            upgrade.expect(present.equals(String.valueOf(rows)), present + " of " + rows + " rows present");
        }
        return upgrade;
    }

    private BoundedChild child(TestDatabase db, Project project, String name) {
        BoundedChild child = new BoundedChild(db, project, dir.resolve("logs").resolve(name));
        env.forEach(child::env);
        return child;
    }

    /** Why the larger run is over the bound set by the smaller one, or null when it is not (or either has no figure). */
    private static String bound(String what, Measured small, Measured large) {
        if (small.heap().fullCollections() == 0 || large.heap().fullCollections() == 0) {
            return null;
        }
        double ratio = ratio(small, large);
        return ratio <= BOUND ? null : String.format(Locale.ROOT, "%s: peak live heap %.1f MB is %.2f× the smaller"
                + " size's %.1f MB (bound %.2f×)", what, large.peakMb(), ratio, small.peakMb(), BOUND);
    }

    private static double ratio(Measured small, Measured large) {
        return small.heap().peakLiveBytes() == 0 ? Double.NaN
                : (double) large.heap().peakLiveBytes() / small.heap().peakLiveBytes();
    }

    /** The line that says what went wrong: stepwise's {@code error:} line, else the last one. */
    private static String errorLine(String err) {
        List<String> lines = err.lines().filter(l -> !l.isBlank()).toList();
        return lines.stream().filter(l -> l.startsWith("error:")).findFirst()
                .orElse(lines.isEmpty() ? "(no output)" : lines.get(lines.size() - 1));
    }
}
