package dev.stepwise;

import dev.stepwise.command.AutogenerateCommand;
import dev.stepwise.command.BaselineCommand;
import dev.stepwise.command.BranchesCommand;
import dev.stepwise.command.CheckCommand;
import dev.stepwise.command.CompatCommand;
import dev.stepwise.command.CurrentCommand;
import dev.stepwise.command.DiffCommand;
import dev.stepwise.command.DowngradeCommand;
import dev.stepwise.command.DriftCommand;
import dev.stepwise.command.HeadsCommand;
import dev.stepwise.command.HistoryCommand;
import dev.stepwise.command.InitCommand;
import dev.stepwise.command.LintCommand;
import dev.stepwise.command.MergeCommand;
import dev.stepwise.command.PlanCommand;
import dev.stepwise.command.RepairCommand;
import dev.stepwise.command.RevisionCommand;
import dev.stepwise.command.RevisionView;
import dev.stepwise.command.RunResult;
import dev.stepwise.command.ShowCommand;
import dev.stepwise.command.SqlScriptCommand;
import dev.stepwise.command.StampCommand;
import dev.stepwise.command.StatusCommand;
import dev.stepwise.command.TestCommand;
import dev.stepwise.command.UpgradeCommand;
import dev.stepwise.command.ValidateCommand;
import dev.stepwise.command.Workspace;
import dev.stepwise.config.ConfigLoader;
import dev.stepwise.config.ConfigOverrides;
import dev.stepwise.config.StepwiseConfig;
import dev.stepwise.dialect.TableNames;
import dev.stepwise.run.RunListener;
import dev.stepwise.run.Sleeper;
import dev.stepwise.source.Direction;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * The public Java API: everything the {@code stepwise} command does is a call here.
 *
 * <pre>{@code
 * try (Stepwise stepwise = Stepwise.configure().dataSource(ds).migrations(Path.of("migrations")).build()) {
 *     stepwise.upgrade("head");
 * }
 * }</pre>
 *
 * Without a data source or URL, the embedded PostgreSQL of the project directory is used.
 * Close it to let go of the embedded server.
 */
public final class Stepwise implements AutoCloseable {

    private final Workspace workspace;

    private Stepwise(Workspace workspace) {
        this.workspace = workspace;
    }

    public static Builder configure() {
        return new Builder();
    }

    /** Creates {@code stepwise.toml} and {@code migrations/} in a directory. */
    public static InitCommand.Result init(Path projectDirectory) {
        return new InitCommand().run(projectDirectory);
    }

    public StepwiseConfig config() {
        return workspace.config();
    }

    /** Applies pending migrations up to the target ({@code head}, {@code heads}, a revision, {@code +N}, ...). */
    public RunResult upgrade(String target) {
        return new UpgradeCommand(workspace).run(target);
    }

    /**
     * Applies pending migrations up to the target, only the expand phase or forcing contract
     * migrations past the contract gate as the options say.
     */
    public RunResult upgrade(String target, UpgradeCommand.Options options) {
        return new UpgradeCommand(workspace).run(target, options);
    }

    /** Reverts applied migrations down to the target ({@code -1}, a revision, {@code base}, ...). */
    public RunResult downgrade(String target) {
        return new DowngradeCommand(workspace).run(target);
    }

    /** Writes the SQL an upgrade over {@code range} ({@code TO} or {@code FROM:TO}) would run, offline. */
    public void upgradeSql(String range, int serverVersion, Appendable out) {
        new SqlScriptCommand(workspace).run(new SqlScriptCommand.Request(Direction.UP, range, serverVersion), out);
    }

    /** Writes the SQL a downgrade over {@code FROM:TO} would run, offline. */
    public void downgradeSql(String range, int serverVersion, Appendable out) {
        new SqlScriptCommand(workspace).run(new SqlScriptCommand.Request(Direction.DOWN, range, serverVersion), out);
    }

    public List<CurrentCommand.Head> current() {
        return new CurrentCommand(workspace).run();
    }

    public List<RevisionView> history(String range) {
        return new HistoryCommand(workspace).run(range);
    }

    public List<RevisionView> heads() {
        return new HeadsCommand(workspace).run();
    }

    public List<BranchesCommand.BranchPoint> branches() {
        return new BranchesCommand(workspace).run();
    }

    public RevisionView show(String revision) {
        return new ShowCommand(workspace).run(revision);
    }

    public Path revision(RevisionCommand.Request request) {
        return new RevisionCommand(workspace).run(request);
    }

    /**
     * Writes a new revision; with a generator in the request, every migration it makes (expand,
     * then contract), in the order they apply.
     */
    public List<Path> revisions(RevisionCommand.Request request) {
        return new RevisionCommand(workspace).runAll(request);
    }

    /**
     * {@code revision --autogenerate}: the migrations from the migrations' head to the desired
     * schema in {@code schema/} (an expand one, and a contract one when something is dropped or
     * narrowed); none when they agree.
     */
    public AutogenerateCommand.Result autogenerate(AutogenerateCommand.Request request) {
        return new AutogenerateCommand(workspace).run(request);
    }

    /** {@code check}: what autogenerate would change; nothing when {@code schema/} and the migrations agree. */
    public CheckCommand.Report check() {
        return new CheckCommand(workspace).run();
    }

    /**
     * {@code diff --from X --to Y}: the SQL from one schema to another, each a database URL, a
     * directory of SQL files, or a migrations directory at a revision ({@code migrations@head}).
     */
    public DiffCommand.Result diff(String from, String to) {
        return new DiffCommand(workspace).run(from, to);
    }

    /** {@code drift}: what was changed by hand on the database since its recorded revision(s). */
    public DriftCommand.Report drift() {
        return new DriftCommand(workspace).run();
    }

    /** {@code baseline}: the first revision of a project adopting the database, from its live schema. */
    public BaselineCommand.Result baseline(String message) {
        return new BaselineCommand(workspace).run(message);
    }

    public Path merge(String message, List<String> revisions) {
        return new MergeCommand(workspace).run(message, revisions);
    }

    public RunResult stamp(String target) {
        return new StampCommand(workspace).run(target);
    }

    /** {@code lint}: what each migration's statements will really do, and whether that is safe. */
    public LintCommand.Report lint(LintCommand.Request request) {
        return new LintCommand(workspace).run(request);
    }

    /** {@code plan}: the steps {@code upgrade} would run, with locks, sizes, durations and the checklist. */
    public PlanCommand.Plan plan(String target) {
        return new PlanCommand(workspace).run(target);
    }

    /**
     * {@code compat}: whether the running code's statements still prepare, with the same parameter
     * and result types, after the pending expand migrations.
     */
    public CompatCommand.Report compat(CompatCommand.Request request) {
        return new CompatCommand(workspace).run(request);
    }

    /**
     * {@code test}: the stairway test (up, down, up, the schema compared after each leg) of every
     * migration on a throwaway database, with rows and the checklist measured when asked.
     */
    public dev.stepwise.stairway.StairwayReport test(TestCommand.Request request) {
        return new TestCommand(workspace).run(request);
    }

    /** Every lint rule. */
    public List<dev.stepwise.lint.RuleInfo> lintRules() {
        return new LintCommand(workspace).rules();
    }

    public StatusCommand.Status status() {
        return new StatusCommand(workspace).run();
    }

    public ValidateCommand.Report validate() {
        return new ValidateCommand(workspace).run();
    }

    public RepairCommand.Report repair(RepairCommand.ChecksumPolicy policy) {
        return repair(policy, RepairCommand.PartialPolicy.REPORT);
    }

    /** Repairs the history, also recording what the user found about a migration stopped part-way. */
    public RepairCommand.Report repair(RepairCommand.ChecksumPolicy policy, RepairCommand.PartialPolicy partials) {
        return new RepairCommand(workspace).run(policy, partials);
    }

    @Override
    public void close() {
        workspace.close();
    }

    /** Collects the settings of a {@link Stepwise}; validated once in {@link #build()}. */
    public static final class Builder {
        private Path projectDirectory = Path.of(".");
        private StepwiseConfig config;
        private DataSource dataSource;
        private Path migrations;
        private String url;
        private String user;
        private String password;
        private TableNames tables;
        private Duration lockWait;
        private dev.stepwise.config.LockTimeouts lockTimeouts;
        private Duration contractDelay;
        private List<String> javaPackages;
        private ClassLoader classLoader = Thread.currentThread().getContextClassLoader();
        private Clock clock = Clock.systemUTC();
        private Sleeper sleeper = Sleeper.SYSTEM;
        private java.util.random.RandomGenerator random = new java.util.SplittableRandom();
        private RunListener listener = RunListener.SILENT;

        private Builder() {
        }

        /** The project directory: its {@code stepwise.toml} and environment variables are read in {@link #build()}. */
        public Builder projectDirectory(Path directory) {
            this.projectDirectory = directory;
            return this;
        }

        /** A complete configuration; replaces {@code stepwise.toml} and the environment. */
        public Builder config(StepwiseConfig config) {
            this.config = config;
            return this;
        }

        public Builder dataSource(DataSource dataSource) {
            this.dataSource = dataSource;
            return this;
        }

        public Builder migrations(Path directory) {
            this.migrations = directory;
            return this;
        }

        public Builder url(String url) {
            this.url = url;
            return this;
        }

        public Builder user(String user) {
            this.user = user;
            return this;
        }

        public Builder password(String password) {
            this.password = password;
            return this;
        }

        public Builder tables(TableNames tables) {
            this.tables = tables;
            return this;
        }

        public Builder lockWait(Duration lockWait) {
            this.lockWait = lockWait;
            return this;
        }

        /** How statements wait for locks and are retried (defaults: PRODUCT.md's "Lock timeouts"). */
        public Builder lockTimeouts(dev.stepwise.config.LockTimeouts lockTimeouts) {
            this.lockTimeouts = lockTimeouts;
            return this;
        }

        /** How long after its expand migration a contract migration may run (default 0). */
        public Builder contractDelay(Duration contractDelay) {
            this.contractDelay = contractDelay;
            return this;
        }

        /** Packages scanned for classes annotated with {@link StepwiseMigration}. */
        public Builder javaPackages(String... packages) {
            this.javaPackages = List.of(packages);
            return this;
        }

        public Builder classLoader(ClassLoader classLoader) {
            this.classLoader = classLoader;
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        public Builder sleeper(Sleeper sleeper) {
            this.sleeper = sleeper;
            return this;
        }

        /** The source of the jitter between lock retries; tests pass a seeded one. */
        public Builder random(java.util.random.RandomGenerator random) {
            this.random = random;
            return this;
        }

        public Builder listener(RunListener listener) {
            this.listener = listener;
            return this;
        }

        public Stepwise build() {
            StepwiseConfig base = config != null ? config
                    : new ConfigLoader(System.getenv()).load(projectDirectory, new ConfigOverrides(url, user, password,
                    null, migrations, java.util.Map.of()));
            StepwiseConfig effective = new StepwiseConfig(base.projectDirectory(),
                    migrations != null ? migrations.toAbsolutePath().normalize() : base.migrations(),
                    url != null ? url : base.url(), user != null ? user : base.user(),
                    password != null ? password : base.password(), tables != null ? tables : base.tables(),
                    lockWait != null ? lockWait : base.lockWait(),
                    javaPackages != null ? javaPackages : base.javaPackages(),
                    lockTimeouts != null ? lockTimeouts : base.lockTimeouts(),
                    contractDelay != null ? contractDelay : base.contractDelay(), base.replayUrl(),
                    base.lintSeverities(), base.checklist(), base.compatQueries());
            return new Stepwise(new Workspace(effective, dataSource, classLoader, clock, sleeper, random, listener));
        }
    }
}
