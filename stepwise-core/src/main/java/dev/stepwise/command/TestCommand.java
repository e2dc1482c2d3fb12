package dev.stepwise.command;

import dev.stepwise.StepwiseException;
import dev.stepwise.dialect.ConnectionSpec;
import dev.stepwise.dialect.SessionRole;
import dev.stepwise.dialect.TableContents;
import dev.stepwise.graph.Revision;
import dev.stepwise.graph.Targets;
import dev.stepwise.lint.Finding;
import dev.stepwise.lint.RuleGroup;
import dev.stepwise.run.DatabaseException;
import dev.stepwise.run.MigrationRun;
import dev.stepwise.schema.SchemaModel;
import dev.stepwise.source.Direction;
import dev.stepwise.source.Migration;
import dev.stepwise.source.SqlMigration;
import dev.stepwise.stairway.ChecklistJudge;
import dev.stepwise.stairway.LockWatcher;
import dev.stepwise.stairway.RowGenerator;
import dev.stepwise.stairway.SeedScript;
import dev.stepwise.stairway.Stairway;
import dev.stepwise.stairway.StairwayDatabase;
import dev.stepwise.stairway.StairwayReport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code test}: the stairway test of every migration, on a scratch database of the replay server
 * (the embedded one by default), dropped afterwards, or on the configured database when it holds
 * no table of its own. Migrations run through the real runner, without the contract gate and
 * without lint refusing anything: lint's findings are reported with each step.
 */
public final class TestCommand {

    /**
     * What to test with.
     *
     * @param seed       a seed file of rows, or null
     * @param seedShown  how the seed file is named in messages (as given)
     * @param rows       rows to generate per table, 0 for none
     * @param rowsSeed   the seed of the generated rows, or null for a random one (printed)
     */
    public record Request(Path seed, String seedShown, long rows, Long rowsSeed) {

        public static final Request SCHEMA_ONLY = new Request(null, null, 0, null);
    }

    private final Workspace workspace;

    public TestCommand(Workspace workspace) {
        this.workspace = workspace;
    }

    public StairwayReport run(Request request) {
        if (request.rows() < 0) {
            throw new StepwiseException(StepwiseException.Category.BAD_INPUT, "--rows must be 0 or more, not "
                    + request.rows());
        }
        String seedText = request.seed() == null ? null : readSeed(request);
        MigrationSet set = workspace.migrations();
        List<Migration> order = set.graph().topologicalOrder().stream().map(Revision::id).map(set::get).toList();
        List<String> notices = new ArrayList<>();
        if (workspace.targetConfigured()) {
            requireEmpty(workspace);
            StairwayReport report = walk(workspace, set, order, seedText, request);
            notices.add("tested on the configured database; " + cleanUp(workspace, set));
            return withNotices(report, notices);
        }
        ScratchSchemas scratch = new ScratchSchemas(workspace, 0);
        try (ReplayDatabase db = scratch.fresh()) {
            ConnectionSpec spec = db.spec();
            try (Workspace on = workspace.onDatabase(spec, quiet(workspace.listener()))) {
                return walk(on, set, order, seedText, request);
            }
        }
    }

    /**
     * The run's notices and lock retries, without a line per leg and step: three legs per
     * migration would bury them, and the walk prints a line per migration itself.
     */
    private static dev.stepwise.run.RunListener quiet(dev.stepwise.run.RunListener listener) {
        return new dev.stepwise.run.RunListener() {
            @Override
            public void notice(String message) {
                listener.notice(message);
            }

            @Override
            public void lockRetry(dev.stepwise.run.LockRetry retry) {
                listener.lockRetry(retry);
            }
        };
    }

    private static StairwayReport withNotices(StairwayReport r, List<String> notices) {
        List<String> all = new ArrayList<>(r.notices());
        all.addAll(notices);
        return new StairwayReport(r.steps(), r.rows(), r.rowsSeed(), r.skipped(), r.seedUnused(), r.notReached(), all);
    }

    private String readSeed(Request request) {
        Path file = request.seed().isAbsolute() ? request.seed()
                : workspace.config().projectDirectory().resolve(request.seed());
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new StepwiseException(StepwiseException.Category.BAD_INPUT, "--seed " + request.seedShown()
                    + ": no such file");
        } catch (IOException e) {
            throw new StepwiseException(StepwiseException.Category.BAD_INPUT, "--seed " + request.seedShown()
                    + ": cannot be read: " + e.getMessage());
        }
    }

    /** A configured database must be a scratch one: no table but Stepwise's own, at base. */
    private static void requireEmpty(Workspace target) {
        try (Connection c = target.openReadConnection()) {
            SchemaModel schema = new ScratchSchemas(target, 0).live(c);
            if (!schema.tables().isEmpty()) {
                List<String> names = schema.tables().stream().map(t -> t.name().toString()).toList();
                throw new StepwiseException(StepwiseException.Category.BAD_INPUT, "the database holds tables the test"
                        + " did not create (" + String.join(", ", names.subList(0, Math.min(names.size(), 10)))
                        + (names.size() > 10 ? ", and " + (names.size() - 10) + " more" : "") + "); `stepwise test"
                        + " --url` needs an empty scratch database, or leave out the URL to test on a throwaway one");
            }
            if (target.versionTables().exist(c) && !target.versionTables().selectHeads(c).isEmpty()) {
                throw new StepwiseException(StepwiseException.Category.BAD_INPUT, "the database records revision(s) "
                        + String.join(", ", target.versionTables().selectHeads(c)) + " but holds no table; `stepwise"
                        + " test --url` needs an empty scratch database");
            }
        } catch (SQLException e) {
            throw new DatabaseException("checking that the database to test on is empty", e);
        }
    }

    /** Takes the configured database back to base, so the next test finds it empty. */
    private static String cleanUp(Workspace target, MigrationSet set) {
        try {
            new DowngradeCommand(target).run("base");
            return "downgraded to base afterwards";
        } catch (StepwiseException e) {
            return "could not downgrade it to base afterwards (" + e.getMessage() + "): empty it before the next test";
        }
    }

    private StairwayReport walk(Workspace on, MigrationSet set, List<Migration> order, String seedText,
                                Request request) {
        TableContents contents = on.dialect().tableContents();
        Set<String> compatibility = new HashSet<>();
        new LintCommand(on).rules().stream().filter(r -> r.group() == RuleGroup.COMPATIBILITY)
                .forEach(r -> compatibility.add(r.id()));
        ChecklistJudge judge = new ChecklistJudge(on.config().checklist(), compatibility);
        Targets targets = new Targets(set.graph());
        long seed = request.rowsSeed() != null ? request.rowsSeed()
                : java.util.concurrent.ThreadLocalRandom.current().nextLong(1, 1_000_000);
        RowGenerator generator = request.rows() > 0 ? new RowGenerator(contents, request.rows(), seed) : null;
        SeedScript script = seedText == null ? null : new SeedScript(seedText, request.seedShown(), contents);
        if (generator != null) {
            on.listener().notice("generating " + request.rows() + " rows per table, seed " + seed
                    + " (--rows-seed " + seed + " makes the same rows)");
        }
        try (MigrationRun run = CheckedRun.open(on, set, targets);
             Connection rows = openAutocommit(on, SessionRole.READ);
             Connection sampler = generator != null || script != null ? openAutocommit(on, SessionRole.SAMPLER) : null) {
            LockWatcher watcher = sampler == null ? null
                    : new LockWatcher(on.dialect().lockSampler(sampler, on.runId()), LockWatcher.INTERVAL);
            Stairway stairway = new Stairway(new RunnerDatabase(on, run, targets, rows), contents, judge,
                    new Stairway.Data(generator, script, watcher), on.listener()::notice);
            return stairway.walk(order);
        } catch (SQLException e) {
            throw new DatabaseException("connecting to the database the test runs on", e);
        }
    }

    private static Connection openAutocommit(Workspace on, SessionRole role) throws SQLException {
        Connection c = on.connections().open();
        on.dialect().prepareSession(c, role, on.runId());
        c.setAutoCommit(true);
        return c;
    }

    /** The walk's database: the real runner for each leg, the catalog for the schema, lint that refuses nothing. */
    private static final class RunnerDatabase implements StairwayDatabase {
        private final Workspace workspace;
        private final MigrationRun run;
        private final Targets targets;
        private final Connection rows;
        private final PreRunLint lint;
        private final ScratchSchemas schemas;

        RunnerDatabase(Workspace workspace, MigrationRun run, Targets targets, Connection rows) {
            this.workspace = workspace;
            this.run = run;
            this.targets = targets;
            this.rows = rows;
            this.lint = new PreRunLint(workspace, false);
            this.schemas = new ScratchSchemas(workspace, 0);
        }

        @Override
        public void apply(Migration migration, Direction direction) {
            // no contract gate ("test never gates") and no lint refusal: the test judges, it does not guard
            CheckedRun.apply(workspace, run, targets, List.of(migration), direction, null, null);
        }

        @Override
        public SchemaModel schema() {
            return schemas.live(rows);
        }

        @Override
        public List<Finding> lint(Migration migration) {
            return migration instanceof SqlMigration sql ? lint.lint(run, sql).findings() : List.of();
        }

        @Override
        public Connection rows() {
            return rows;
        }

        @Override
        public Set<String> ownTables() {
            dev.stepwise.dialect.TableNames t = workspace.config().tables();
            return Set.of(t.schema() + "." + t.version(), t.schema() + "." + t.history());
        }
    }
}
