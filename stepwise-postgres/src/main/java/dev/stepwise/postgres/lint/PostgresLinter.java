package dev.stepwise.postgres.lint;

import dev.stepwise.dialect.MigrationLinter;
import dev.stepwise.lint.AllowDirective;
import dev.stepwise.lint.Finding;
import dev.stepwise.lint.LinterReport;
import dev.stepwise.postgres.lint.rules.DownLosesData;
import dev.stepwise.sql.Directive;
import dev.stepwise.lint.RuleInfo;
import dev.stepwise.lint.SchemaFacts;
import dev.stepwise.lint.StatementImpact;
import dev.stepwise.lint.TablesNamed;
import dev.stepwise.postgres.parse.ParsedStatement;
import dev.stepwise.postgres.statement.PostgresStatementClassifier;
import dev.stepwise.source.Direction;
import dev.stepwise.source.Phase;
import dev.stepwise.source.SqlMigration;
import dev.stepwise.sql.ExecutionMode;
import dev.stepwise.sql.LockImpact;
import dev.stepwise.sql.SqlStatement;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Lints a migration on PostgreSQL: reads each section's statements in order (streamed from the
 * file), tells every rule about each, keeps track of what the statements before did, and then
 * asks the rules about the migration as a whole.
 */
public final class PostgresLinter implements MigrationLinter {

    /** The version migrations are split for when only their names are wanted: any would do. */
    private static final int NAMES_VERSION = 17;

    private final java.util.concurrent.atomic.AtomicReference<ReadMigration> last =
            new java.util.concurrent.atomic.AtomicReference<>();

    @Override
    public List<RuleInfo> rules() {
        return RuleCatalogue.all();
    }

    @Override
    public LinterReport lint(SqlMigration migration, SchemaFacts facts) {
        ReadMigration read = read(migration, facts.serverMajorVersion());
        List<Finding> findings = new ArrayList<>();
        List<AllowDirective> allows = new ArrayList<>();
        Phase phase = migration.header().phase();
        MigrationState upState = new MigrationState();
        List<MigrationContext.Read> up = section(read, Direction.UP, phase == Phase.EXPAND, facts,
                upState, findings, allows);
        // the down runs where the up left off, but what the up created may hold data by then
        List<MigrationContext.Read> down = section(read, Direction.DOWN, phase == Phase.CONTRACT, facts,
                new MigrationState(), findings, allows);
        MigrationContext whole = new MigrationContext(migration, up, down, upState, findings);
        for (MigrationRule rule : RuleCatalogue.MIGRATION_RULES) {
            rule.check(whole);
        }
        return new LinterReport(findings, allows, DownLosesData.verdict(whole),
                down.isEmpty() ? Integer.MAX_VALUE : down.get(0).statement().line());
    }

    @Override
    public TablesNamed tablesNamed(SqlMigration migration) {
        // the names do not depend on the server's version: every classifier splits the same statements
        ReadMigration last = this.last.get();
        ReadMigration read = last != null && last.migration() == migration ? last : read(migration, NAMES_VERSION);
        NamedObjects named = NamedObjects.of(read.section(Direction.UP));
        return new TablesNamed(named.changed(), named.read());
    }

    @Override
    public List<StatementImpact> explain(SqlMigration migration, SchemaFacts facts) {
        MigrationState state = new MigrationState();
        List<StatementImpact> impacts = new ArrayList<>();
        for (MigrationContext.Read read : read(migration, facts.serverMajorVersion()).section(Direction.UP)) {
            SqlStatement statement = read.statement();
            ParsedStatement parsed = read.parsed();
            StatementContext ctx = new StatementContext(statement, parsed, new StatementContext.Place(migration.origin(),
                    Section.UP, false, LocksTaken.Before.NONE), facts, state, new ArrayList<>());
            impacts.add(StatementImpacts.of(ctx));
            state.apply(parsed);
        }
        return impacts;
    }

    private static List<MigrationContext.Read> section(ReadMigration read, Direction direction, boolean compatibility,
                                                       SchemaFacts facts, MigrationState state, List<Finding> findings,
                                                       List<AllowDirective> allows) {
        SqlMigration migration = read.migration();
        List<MigrationContext.Read> reads = new ArrayList<>();
        Section section = direction == Direction.UP ? Section.UP : Section.DOWN;
        LocksTaken locks = new LocksTaken();
        for (MigrationContext.Read r : read.section(direction)) {
            SqlStatement statement = r.statement();
            ParsedStatement parsed = r.parsed();
            for (Directive d : statement.directives()) {
                if (d.name().equals("allow")) {
                    allows.add(new AllowDirective(d.arguments().get(0), d.arguments().get(1), d.line(),
                            new Finding.Anchor(statement.line(), statement.column())));
                }
            }
            boolean sharesTransaction = statement.mode() == ExecutionMode.TRANSACTIONAL;
            if (!sharesTransaction) {
                locks = new LocksTaken();
            }
            StatementContext ctx = new StatementContext(statement, parsed, new StatementContext.Place(migration.origin(),
                    section, compatibility, locks.before()), facts, state, findings);
            for (LintRule rule : RuleCatalogue.STATEMENT_RULES) {
                rule.check(ctx);
            }
            TableView locked = sharesTransaction && statement.lock() == LockImpact.QUEUES_TRAFFIC
                    ? lockedTable(ctx, parsed) : null;
            if (locked != null) {
                locks.add(statement, locked);
            }
            state.apply(parsed);
            // a data migration of many INSERTs is never held whole: only what the migration rules read
            if (!(parsed instanceof ParsedStatement.Insert) && !(parsed instanceof ParsedStatement.Other)) {
                reads.add(r);
            }
        }
        return reads;
    }

    /** The table from before the migration that the statement locks against traffic, or null. */
    private static TableView lockedTable(StatementContext ctx, ParsedStatement parsed) {
        TableView t = null;
        if (parsed instanceof ParsedStatement.AlterTable alter) {
            t = ctx.table(alter.table());
        } else if (parsed instanceof ParsedStatement.CreateIndex index && index.table() != null) {
            t = ctx.table(index.table());
        }
        return t == null || t.isNew() ? null : t;
    }

    @Override
    public SchemaFacts catalogFacts(Connection connection, SqlMigration migration, boolean withSizes)
            throws SQLException {
        int version = connection.getMetaData().getDatabaseMajorVersion();
        return CatalogFacts.read(connection, version, NamedObjects.of(read(migration, version).section(Direction.UP)),
                withSizes);
    }

    /**
     * The migration split and parsed, once for the catalog read, the rules and plan that follow
     * one another on it: the one read last is kept.
     */
    private ReadMigration read(SqlMigration migration, int serverMajorVersion) {
        ReadMigration last = this.last.get();
        if (last != null && last.reads(migration, serverMajorVersion)) {
            return last;
        }
        ReadMigration read = ReadMigration.of(migration, serverMajorVersion);
        this.last.set(read);
        return read;
    }
}
