package dev.stepwise.postgres.lint;

import dev.stepwise.lint.Finding;
import dev.stepwise.lint.RuleInfo;
import dev.stepwise.lint.SchemaFacts;
import dev.stepwise.lint.Severity;
import dev.stepwise.lint.TableFacts;
import dev.stepwise.postgres.parse.ParsedStatement;
import dev.stepwise.postgres.statement.QualifiedName;
import dev.stepwise.sql.ExecutionMode;
import dev.stepwise.sql.SqlStatement;
import dev.stepwise.sql.TokenPositions;

import java.util.List;
import java.util.Optional;

/**
 * One statement as the rules see it: what it is, where it stands (section, phase, transaction),
 * what the database and the statements before it make of the tables it names, and where to put
 * what they find.
 */
public final class StatementContext {

    /**
     * Where a statement stands in its migration.
     *
     * @param compatibility whether the rules about running code apply: in an expand migration's
     *                      {@code +up} and a contract migration's {@code +down}
     * @param locksTaken    the statements before it in the same transaction that took a lock
     *                      blocking traffic on a table from before the migration
     */
    public record Place(String file, Section section, boolean compatibility, LocksTaken.Before locksTaken) {
    }

    private final SqlStatement statement;
    private final ParsedStatement parsed;
    private final Place place;
    private final SchemaFacts facts;
    private final MigrationState state;
    private final List<Finding> sink;
    private List<TokenPositions.Position> positions;

    StatementContext(SqlStatement statement, ParsedStatement parsed, Place place, SchemaFacts facts,
                     MigrationState state, List<Finding> sink) {
        this.statement = statement;
        this.parsed = parsed;
        this.place = place;
        this.facts = facts;
        this.state = state;
        this.sink = sink;
    }

    public SqlStatement statement() {
        return statement;
    }

    public ParsedStatement parsed() {
        return parsed;
    }

    public Section section() {
        return place.section();
    }

    /** Whether the rules about what the running code trips on apply here. */
    public boolean compatibilityRulesApply() {
        return place.compatibility();
    }

    /**
     * The first earlier statement of this transaction that holds a lock blocking traffic on a
     * table that is not small, or null (asking reads the catalog: the size decides).
     */
    public SqlStatement strongLockHeld() {
        return place.locksTaken().strongLockHeld();
    }

    public boolean batched() {
        return statement.mode() == ExecutionMode.BATCHED;
    }

    public int serverVersion() {
        return facts.serverMajorVersion();
    }

    public SchemaFacts facts() {
        return facts;
    }

    public MigrationState state() {
        return state;
    }

    /** A table the statement names, as the statements before it and the catalog leave it. */
    public TableView table(QualifiedName name) {
        if (state.created(name)) {
            return TableView.created(name);
        }
        return TableView.existing(name, () -> facts.table(name.schema(), name.name()));
    }

    /**
     * Whether a validated {@code CHECK (column IS NOT NULL)} proves the column has no NULL, so
     * that PostgreSQL 12+ sets NOT NULL without scanning: one from before the migration, one
     * added by it, or one from before that it validated.
     */
    public boolean notNullProven(QualifiedName table, String column) {
        if (state.hasValidNotNullCheck(table, column)) {
            return true;
        }
        TableView view = table(table);
        return view.facts() != null && view.facts().notNullChecks(column).stream()
                .anyMatch(c -> c.validated() || state.validated(table, c.name()));
    }

    /** The severity of a locking finding on this table: only worth knowing on a new or small one. */
    public Severity lockingSeverity(RuleInfo rule, TableView table) {
        return table.isNew() || table.isSmall() ? Severity.INFO : rule.severity();
    }

    /** Reports a finding about one subcommand of an {@code ALTER TABLE} (underlining it). */
    public void report(RuleInfo rule, Severity severity, ParsedStatement.AlterAction action, String message,
                       String help, String fix) {
        List<String> tokens = statement.tokens();
        int end = action.at();
        int depth = 0;
        while (end < tokens.size()) {
            String t = tokens.get(end);
            if (t.equals("(")) {
                depth++;
            } else if (t.equals(")")) {
                depth--;
            } else if (t.equals(",") && depth == 0) {
                break;
            }
            end++;
        }
        report(rule, severity, action.at(), end, message, help, fix);
    }

    /** Whether the statement is an {@code ALTER TABLE} of this one subcommand (a fix can rewrite it whole). */
    public boolean single(ParsedStatement.AlterTable alter) {
        return alter.actions().size() == 1;
    }

    /**
     * Reports a finding about tokens {@code [from, to)} of the statement (underlined as far as the
     * first line of them reaches).
     */
    public void report(RuleInfo rule, Severity severity, int from, int to, String message, String help, String fix) {
        if (positions == null) {
            positions = TokenPositions.of(statement);
        }
        List<String> tokens = statement.tokens();
        int first = Math.max(0, Math.min(from, tokens.size() - 1));
        int last = Math.max(first, Math.min(to, tokens.size()) - 1);
        TokenPositions.Position start = positions.get(first);
        int end = start.column() + tokens.get(first).length();
        for (int i = first + 1; i <= last && positions.get(i).line() == start.line(); i++) {
            end = positions.get(i).column() + tokens.get(i).length();
        }
        sink.add(new Finding(rule.id(), severity, place.file(), start.line(), start.column(),
                Math.max(1, end - start.column()), statement.sql(),
                new Finding.Anchor(statement.line(), statement.column()), message, help, fix));
    }
}
