package dev.stepwise.postgres.lint.rules;

import dev.stepwise.lint.DownVerdict;
import dev.stepwise.lint.RuleGroup;
import dev.stepwise.lint.RuleInfo;
import dev.stepwise.lint.Severity;
import dev.stepwise.postgres.lint.MigrationContext;
import dev.stepwise.postgres.lint.MigrationRule;
import dev.stepwise.postgres.lint.MigrationState;
import dev.stepwise.postgres.parse.ParsedStatement;
import dev.stepwise.postgres.statement.QualifiedName;
import dev.stepwise.source.Reversibility;

/**
 * A {@code +down} is lossy when it destroys data that existed before the {@code +up} (dropping a
 * column or table the {@code +up} did not add, deleting or truncating rows it did not insert) or
 * data the {@code +up} moved (dropping what the {@code +up} filled from columns it then dropped);
 * dropping what the {@code +up} merely added is not. A lossy down needs {@code reversible: lossy}.
 */
public final class DownLosesData implements MigrationRule {

    static final RuleInfo INFO = new RuleInfo("down-loses-data", RuleGroup.REVERSIBILITY, Severity.ERROR,
            "the +down destroys data that was there before the +up, without reversible: lossy",
            "say reversible: lossy in the header if that is intended, or make the +down keep the data");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    /** The down's verdict: missing, lossy with what it destroys first, or reversible. */
    public static DownVerdict verdict(MigrationContext ctx) {
        if (!ctx.migration().hasDown()) {
            return DownVerdict.MISSING;
        }
        for (MigrationContext.Read read : ctx.down()) {
            String lost = lost(read.parsed(), ctx.upState());
            if (lost != null) {
                return DownVerdict.lossy(lost);
            }
        }
        return DownVerdict.REVERSIBLE;
    }

    @Override
    public void check(MigrationContext ctx) {
        if (ctx.migration().header().reversible() != Reversibility.YES) {
            return;
        }
        MigrationState up = ctx.upState();
        for (MigrationContext.Read read : ctx.down()) {
            String lost = lost(read.parsed(), up);
            if (lost != null) {
                ctx.report(INFO, INFO.severity(), read.statement(),
                        "the +down " + lost + ", so downgrading loses data; the header says reversible: yes",
                        "add reversible: lossy to the header if that is what you want, or keep the data (rename"
                                + " instead of dropping, copy it back before dropping)");
            }
        }
    }

    private static String lost(ParsedStatement statement, MigrationState up) {
        if (statement instanceof ParsedStatement.DropTable drop) {
            for (QualifiedName t : drop.tables()) {
                if (!up.created(t)) {
                    return "drops " + t + ", which the +up did not create";
                }
                if (up.movedData()) {
                    return "drops " + t + ", into which the +up moved data from what it dropped";
                }
            }
        }
        if (statement instanceof ParsedStatement.AlterTable alter) {
            for (ParsedStatement.AlterAction action : alter.actions()) {
                if (action instanceof ParsedStatement.DropColumn drop) {
                    if (!up.addedColumn(alter.table(), drop.column())) {
                        return "drops " + alter.table() + "." + drop.column() + ", which the +up did not add";
                    }
                    if (up.movedData()) {
                        return "drops " + alter.table() + "." + drop.column() + ", into which the +up moved data from"
                                + " what it dropped";
                    }
                }
            }
        }
        if (statement instanceof ParsedStatement.Truncate truncate) {
            return "empties " + String.join(", ", truncate.tables().stream().map(Object::toString).toList());
        }
        if (statement instanceof ParsedStatement.DataChange change && change.verb().equals("DELETE")
                && change.table() != null && !up.insertedInto(change.table()) && !up.created(change.table())) {
            return "deletes rows of " + change.table() + " that the +up did not insert";
        }
        return null;
    }
}
