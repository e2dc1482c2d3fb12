package dev.stepwise.postgres.lint.rules;

import dev.stepwise.lint.RuleGroup;
import dev.stepwise.lint.RuleInfo;
import dev.stepwise.lint.Severity;
import dev.stepwise.postgres.lint.MigrationContext;
import dev.stepwise.postgres.lint.Fixes;
import dev.stepwise.postgres.lint.MigrationRule;
import dev.stepwise.postgres.parse.ParsedStatement;
import dev.stepwise.source.Phase;

import java.util.List;

/**
 * Renaming a table breaks every query of the running code that names it, unless the same
 * migration keeps the old name alive with a view (simple views are updatable).
 */
public final class RenameTable implements MigrationRule {

    static final RuleInfo INFO = new RuleInfo("rename-table", RuleGroup.COMPATIBILITY, Severity.ERROR,
            "RENAME TO breaks the running code that uses the old table name",
            "rename and create an updatable view under the old name in one transaction; drop the view in a contract");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(MigrationContext ctx) {
        Phase phase = ctx.migration().header().phase();
        check(ctx, ctx.up(), phase == Phase.EXPAND);
        check(ctx, ctx.down(), phase == Phase.CONTRACT);
    }

    private void check(MigrationContext ctx, List<MigrationContext.Read> section, boolean compatibility) {
        if (!compatibility) {
            return;
        }
        for (int i = 0; i < section.size(); i++) {
            if (!(section.get(i).parsed() instanceof ParsedStatement.AlterTable alter)) {
                continue;
            }
            for (ParsedStatement.AlterAction action : alter.actions()) {
                if (action instanceof ParsedStatement.RenameTable rename && !keptByAView(section, i, alter)) {
                    ctx.report(INFO, INFO.severity(), section.get(i).statement(),
                            "renaming " + alter.table() + " to " + rename.to() + " breaks every query of the running"
                                    + " code that names " + alter.table().name() + ", from the moment it commits",
                            "in the same migration create a view under the old name (CREATE VIEW " + Fixes.table(alter.table())
                                    + " AS SELECT * FROM " + rename.to() + "): simple views are updatable, so the old"
                                    + " code reads and writes through it; drop the view in a contract migration");
                }
            }
        }
    }

    private static boolean keptByAView(List<MigrationContext.Read> section, int from, ParsedStatement.AlterTable alter) {
        for (int j = from + 1; j < section.size(); j++) {
            if (section.get(j).parsed() instanceof ParsedStatement.CreateView view && view.view() != null
                    && view.view().name().equals(alter.table().name())) {
                return true;
            }
        }
        return false;
    }
}
