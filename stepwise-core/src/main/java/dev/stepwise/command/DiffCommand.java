package dev.stepwise.command;

import dev.stepwise.StepwiseException;
import dev.stepwise.autogen.ChangeLine;
import dev.stepwise.config.Secrets;
import dev.stepwise.diff.SchemaChange;
import dev.stepwise.diff.SchemaDiff;
import dev.stepwise.dialect.ConnectionSpec;
import dev.stepwise.dialect.Dialect;
import dev.stepwise.dialect.SessionRole;
import dev.stepwise.graph.Targets;
import dev.stepwise.run.DatabaseException;
import dev.stepwise.schema.SchemaModel;
import dev.stepwise.schema.Unmodelled;
import dev.stepwise.source.MigrationCatalog;
import dev.stepwise.sql.ExecutionMode;
import dev.stepwise.sql.StatementClassifier;
import dev.stepwise.sql.StatementSplitter;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * {@code diff --from X --to Y}: the SQL that turns the schema of X into that of Y (as migra
 * prints it), each change the safe way, with the statements that cannot share a transaction
 * marked; and what the diff noticed but does not act on, and the objects neither model describes.
 */
public final class DiffCommand {

    /**
     * One change and its statements.
     *
     * @param destructive whether it drops or narrows something (autogenerate puts it in a contract migration)
     */
    public record Change(ChangeLine line, boolean destructive, List<Statement> statements) {
    }

    /** A statement and how it runs: {@code TRANSACTIONAL}, {@code OWN_TRANSACTION} or {@code AUTOCOMMIT}. */
    public record Statement(String sql, ExecutionMode mode) {
    }

    /**
     * The difference.
     *
     * @param unmodelledFrom objects of X that no model describes, so no diff sees
     */
    public record Result(String from, String to, List<Change> changes, List<String> notes,
                         List<Unmodelled> unmodelledFrom, List<Unmodelled> unmodelledTo) {
    }

    private final Workspace workspace;

    public DiffCommand(Workspace workspace) {
        this.workspace = workspace;
    }

    public Result run(String fromText, String toText) {
        SchemaSource from = SchemaSource.parse(fromText, workspace.config().projectDirectory());
        SchemaSource to = SchemaSource.parse(toText, workspace.config().projectDirectory());
        Dialect dialect = workspace.dialect();
        int version = Math.max(liveVersion(from), liveVersion(to));
        ScratchSchemas scratch = new ScratchSchemas(workspace, version);
        SchemaModel a = read(scratch, from);
        SchemaModel b = read(scratch, to);
        SchemaDiff.Result diff = SchemaDiff.between(a, b);
        StatementClassifier classifier = dialect.classifier(version > 0 ? version : dialect.defaultServerMajorVersion());
        List<Change> changes = new ArrayList<>();
        for (SchemaChange c : diff.changes()) {
            List<Statement> statements = new ArrayList<>();
            for (String sql : dialect.schemaChangeRenderer().render(c)) {
                ExecutionMode mode = classifier.classify(StatementSplitter.statements(sql).get(0)).mode();
                statements.add(new Statement(sql, mode));
            }
            changes.add(new Change(ChangeLine.of(c), dev.stepwise.autogen.ChangeSplit.destructive(c,
                    dialect.columnTypes()), statements));
        }
        return new Result(from.toString(), to.toString(), changes, diff.notes(), a.unmodelled(), b.unmodelled());
    }

    private SchemaModel read(ScratchSchemas scratch, SchemaSource source) {
        if (source instanceof SchemaSource.Live live) {
            try (Connection c = connect(live)) {
                return scratch.live(c);
            } catch (SQLException e) {
                throw new DatabaseException("reading the schema of " + live, e);
            }
        }
        if (source instanceof SchemaSource.SqlDirectory sql) {
            return scratch.desired(sql.directory(), sql.shownAs());
        }
        SchemaSource.MigrationsAt m = (SchemaSource.MigrationsAt) source;
        MigrationSet set = m.directory().equals(workspace.config().migrations()) ? workspace.migrations()
                : new MigrationSet(MigrationCatalog.load(m.directory()).migrations());
        Targets targets = new Targets(set.graph());
        try (ReplayDatabase replay = scratch.replay(set, targets.appliedSet(targets.stampHeads(m.revision())),
                m.shownAs())) {
            return scratch.read(replay);
        }
    }

    private int liveVersion(SchemaSource source) {
        if (!(source instanceof SchemaSource.Live live)) {
            return 0;
        }
        try (Connection c = connect(live)) {
            return workspace.dialect().serverInfo(c).majorVersion();
        } catch (SQLException e) {
            throw new DatabaseException("reading the server version of " + live, e);
        }
    }

    private Connection connect(SchemaSource.Live live) {
        Dialect dialect = workspace.dialect();
        if (!dialect.accepts(live.url())) {
            throw new StepwiseException(StepwiseException.Category.BAD_INPUT, "no dialect understands the URL "
                    + live + " (supported: jdbc:postgresql://..., postgresql://...)");
        }
        ConnectionSpec spec = dialect.parseUrl(live.url());
        String user = spec.user() != null ? spec.user() : workspace.config().user();
        String password = spec.password() != null ? spec.password() : workspace.config().password();
        Properties p = new Properties();
        if (user != null) {
            p.setProperty("user", user);
        }
        if (password != null) {
            p.setProperty("password", password);
        }
        try {
            Connection c = DriverManager.getConnection(spec.jdbcUrl(), p);
            dialect.prepareSession(c, SessionRole.READ, workspace.runId());
            return c;
        } catch (SQLException e) {
            throw new ConnectionFailedException(Secrets.redactUrl(spec.jdbcUrl()) + (user == null ? "" : " as " + user),
                    Secrets.scrub(e.getMessage(), password), e.getSQLState());
        }
    }
}
