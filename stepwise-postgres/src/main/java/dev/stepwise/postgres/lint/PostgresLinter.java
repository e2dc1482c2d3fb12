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
import dev.stepwise.postgres.parse.ParsedStatement;
import dev.stepwise.postgres.parse.StatementParser;
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

    @Override
    public List<RuleInfo> rules() {
        return RuleCatalogue.all();
    }

    @Override
    public LinterReport lint(SqlMigration migration, SchemaFacts facts) {
        PostgresStatementClassifier classifier = new PostgresStatementClassifier(facts.serverMajorVersion());
        List<Finding> findings = new ArrayList<>();
        List<AllowDirective> allows = new ArrayList<>();
        Phase phase = migration.header().phase();
        MigrationState upState = new MigrationState();
        List<MigrationContext.Read> up = section(migration, Direction.UP, phase == Phase.EXPAND, classifier, facts,
                upState, findings, allows);
        // the down runs where the up left off, but what the up created may hold data by then
        List<MigrationContext.Read> down = section(migration, Direction.DOWN, phase == Phase.CONTRACT, classifier, facts,
                new MigrationState(), findings, allows);
        MigrationContext whole = new MigrationContext(migration, up, down, upState, findings);
        for (MigrationRule rule : RuleCatalogue.MIGRATION_RULES) {
            rule.check(whole);
        }
        return new LinterReport(findings, allows, DownLosesData.verdict(whole),
                down.isEmpty() ? Integer.MAX_VALUE : down.get(0).statement().line());
    }

    @Override
    public java.util.Set<String> tablesTouched(SqlMigration migration) {
        java.util.Set<String> tables = new java.util.HashSet<>();
        PostgresStatementClassifier classifier = new PostgresStatementClassifier(17);
        for (SqlStatement statement : migration.plan(Direction.UP, classifier)) {
            ParsedStatement p = StatementParser.parse(statement.tokens());
            java.util.List<dev.stepwise.postgres.statement.QualifiedName> names = new ArrayList<>();
            if (p instanceof ParsedStatement.CreateTable c) {
                names.add(c.table());
            } else if (p instanceof ParsedStatement.AlterTable a) {
                names.add(a.table());
                a.actions().stream().filter(ParsedStatement.RenameTable.class::isInstance)
                        .map(r -> new dev.stepwise.postgres.statement.QualifiedName(null,
                                ((ParsedStatement.RenameTable) r).to())).forEach(names::add);
            } else if (p instanceof ParsedStatement.CreateIndex i) {
                names.add(i.table());
            } else if (p instanceof ParsedStatement.DropTable d) {
                names.addAll(d.tables());
            } else if (p instanceof ParsedStatement.DataChange d) {
                names.add(d.table());
            } else if (p instanceof ParsedStatement.Insert i) {
                names.add(i.table());
            } else if (p instanceof ParsedStatement.CreateView v) {
                names.add(v.view());
            } else if (p instanceof ParsedStatement.Truncate t) {
                names.addAll(t.tables());
            }
            names.stream().filter(java.util.Objects::nonNull)
                    .forEach(n -> tables.add(n.name().toLowerCase(java.util.Locale.ROOT)));
        }
        return tables;
    }

    @Override
    public List<StatementImpact> explain(SqlMigration migration, SchemaFacts facts) {
        PostgresStatementClassifier classifier = new PostgresStatementClassifier(facts.serverMajorVersion());
        MigrationState state = new MigrationState();
        List<StatementImpact> impacts = new ArrayList<>();
        for (SqlStatement statement : migration.plan(Direction.UP, classifier)) {
            ParsedStatement parsed = StatementParser.parse(statement.tokens());
            StatementContext ctx = new StatementContext(statement, parsed, new StatementContext.Place(migration.origin(),
                    Section.UP, false, null), facts, state, new ArrayList<>());
            impacts.add(StatementImpacts.of(ctx));
            state.apply(parsed);
        }
        return impacts;
    }

    private static List<MigrationContext.Read> section(SqlMigration migration, Direction direction, boolean compatibility,
                                                       PostgresStatementClassifier classifier, SchemaFacts facts,
                                                       MigrationState state, List<Finding> findings,
                                                       List<AllowDirective> allows) {
        List<MigrationContext.Read> reads = new ArrayList<>();
        Section section = direction == Direction.UP ? Section.UP : Section.DOWN;
        SqlStatement held = null;
        for (SqlStatement statement : migration.plan(direction, classifier)) {
            ParsedStatement parsed = StatementParser.parse(statement.tokens());
            for (Directive d : statement.directives()) {
                if (d.name().equals("allow")) {
                    allows.add(new AllowDirective(d.arguments().get(0), d.arguments().get(1), d.line(),
                            new Finding.Anchor(statement.line(), statement.column())));
                }
            }
            boolean sharesTransaction = statement.mode() == ExecutionMode.TRANSACTIONAL;
            if (!sharesTransaction) {
                held = null;
            }
            StatementContext ctx = new StatementContext(statement, parsed, new StatementContext.Place(migration.origin(),
                    section, compatibility, held), facts, state, findings);
            for (LintRule rule : RuleCatalogue.STATEMENT_RULES) {
                rule.check(ctx);
            }
            if (held == null && sharesTransaction && statement.lock() == LockImpact.QUEUES_TRAFFIC
                    && locksAnExistingTable(ctx, parsed)) {
                held = statement;
            }
            state.apply(parsed);
            // a data migration of many INSERTs is never held whole: only what the migration rules read
            if (!(parsed instanceof ParsedStatement.Insert) && !(parsed instanceof ParsedStatement.Other)) {
                reads.add(new MigrationContext.Read(statement, parsed));
            }
        }
        return reads;
    }

    private static boolean locksAnExistingTable(StatementContext ctx, ParsedStatement parsed) {
        if (parsed instanceof ParsedStatement.AlterTable alter) {
            TableView t = ctx.table(alter.table());
            return !t.isNew() && !t.isSmall();
        }
        if (parsed instanceof ParsedStatement.CreateIndex index && index.table() != null) {
            TableView t = ctx.table(index.table());
            return !t.isNew() && !t.isSmall();
        }
        return false;
    }

    @Override
    public SchemaFacts catalogFacts(Connection connection, SqlMigration migration, boolean withSizes)
            throws SQLException {
        return CatalogFacts.read(connection, migration, withSizes);
    }
}
