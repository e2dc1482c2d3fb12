package dev.stepwise.postgres.lint;

import dev.stepwise.lint.Finding;
import dev.stepwise.lint.RuleInfo;
import dev.stepwise.lint.Severity;
import dev.stepwise.postgres.parse.ParsedStatement;
import dev.stepwise.source.SqlMigration;
import dev.stepwise.sql.SqlStatement;

import java.util.List;

/**
 * A migration's two sections read in full, for the rules about the migration as a whole.
 *
 * @param up    the {@code +up} statements with what each is
 * @param down  the {@code +down} statements with what each is
 * @param upState what the {@code +up} did, in full
 */
public record MigrationContext(SqlMigration migration, List<Read> up, List<Read> down, MigrationState upState,
                               List<Finding> sink) {

    /** A statement and what it is. */
    public record Read(SqlStatement statement, ParsedStatement parsed) {
    }

    /** Reports a finding about the migration as a whole, at its file's first line (or a statement's). */
    public void report(RuleInfo rule, Severity severity, SqlStatement at, String message, String help) {
        int line = at == null ? 1 : at.line();
        int column = at == null ? 1 : at.column();
        sink.add(new Finding(rule.id(), severity, migration.origin(), line, column, at == null ? 1
                : Math.max(1, at.sql().indexOf('\n') < 0 ? at.sql().length() : at.sql().indexOf('\n')),
                at == null ? null : at.sql(), at == null ? null : new Finding.Anchor(at.line(), at.column()),
                message, help, null));
    }
}
