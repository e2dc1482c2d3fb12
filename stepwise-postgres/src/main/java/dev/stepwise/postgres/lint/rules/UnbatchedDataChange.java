package dev.stepwise.postgres.lint.rules;

import dev.stepwise.lint.RuleGroup;
import dev.stepwise.lint.RuleInfo;
import dev.stepwise.lint.Severity;
import dev.stepwise.lint.TableFacts;
import dev.stepwise.lint.TableSize;
import dev.stepwise.postgres.lint.Estimates;
import dev.stepwise.postgres.lint.LintRule;
import dev.stepwise.postgres.lint.StatementContext;
import dev.stepwise.postgres.lint.TableView;
import dev.stepwise.postgres.parse.ParsedStatement;
import dev.stepwise.postgres.statement.QualifiedName;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A large {@code UPDATE} or {@code DELETE} in one statement locks every row it touches until it
 * commits, bloats the table and lags replicas; writers to those rows wait meanwhile. A change of
 * one row by its key is not that.
 */
public final class UnbatchedDataChange implements LintRule {

    static final RuleInfo INFO = new RuleInfo("unbatched-data-change", RuleGroup.DATA, Severity.WARNING,
            "UPDATE or DELETE of an existing table in one statement holds every row it changes until it commits",
            "-- stepwise:batch above it: keyset batches, each its own short transaction, resumable");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(StatementContext ctx) {
        if (!(ctx.parsed() instanceof ParsedStatement.DataChange change) || ctx.batched() || change.table() == null) {
            return;
        }
        TableView table = ctx.table(change.table());
        if (table.isNew() || pointChange(ctx, table)) {
            return;
        }
        Severity severity = switch (table.size().kind()) {
            case SMALL -> Severity.INFO;
            case LARGE -> Severity.ERROR;
            case UNKNOWN -> INFO.severity();
        };
        ctx.report(INFO, severity, 0, 2,
                change.verb() + " changes every matching row of " + table.describe() + " in one transaction: it holds"
                        + " their row locks until it commits, so the application's writes to them wait, and it bloats"
                        + " the table and lags replicas" + Estimates.of(table, Estimates.ROW_CHANGES),
                "put -- stepwise:batch on the line above it: Stepwise runs it in keyset batches along the primary key,"
                        + " each its own short transaction, and resumes after a crash"
                        + (change.verb().equals("UPDATE") ? " (its WHERE must leave out the rows already done)" : ""),
                "-- stepwise:batch size=auto\n" + ctx.statement().sql().strip());
    }

    /** {@code WHERE id = 5} (or {@code IN (...)}) on the primary key, or any key column called id: a few rows. */
    private static boolean pointChange(StatementContext ctx, TableView table) {
        List<String> tokens = ctx.statement().tokens();
        int where = tokens.stream().map(t -> t.toUpperCase(Locale.ROOT)).toList().indexOf("WHERE");
        if (where < 0) {
            return false;
        }
        Set<String> keys = primaryKey(table.facts());
        for (int i = where + 1; i + 2 < tokens.size(); i++) {
            String column = QualifiedName.identifier(tokens.get(i));
            boolean key = keys.isEmpty() ? column.equals("id") : keys.contains(column);
            boolean literal = isLiteral(tokens.get(i + 2)) || tokens.get(i + 2).startsWith("$");
            if (key && (tokens.get(i + 1).equals("=") && literal
                    || tokens.get(i + 1).equalsIgnoreCase("IN") && tokens.get(i + 2).equals("("))) {
                return true;
            }
        }
        return false;
    }

    private static Set<String> primaryKey(TableFacts facts) {
        if (facts == null) {
            return Set.of();
        }
        return facts.constraints().stream().filter(c -> c.type() == 'p').findFirst()
                .map(c -> Set.copyOf(c.columns())).orElse(Set.of());
    }

    private static boolean isLiteral(String token) {
        return !token.isEmpty() && (Character.isDigit(token.charAt(0)) || token.startsWith("'")
                || token.startsWith("-") && token.length() > 1);
    }
}
