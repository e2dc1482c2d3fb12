package dev.stepwise.stairway;

import dev.stepwise.lint.Checklist;
import dev.stepwise.lint.Finding;
import dev.stepwise.lint.Severity;
import dev.stepwise.source.Migration;
import dev.stepwise.source.Phase;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Ticks PRODUCT.md's checklist for one migration from what the walk measured, with the thresholds
 * of {@code [checklist]} in {@code stepwise.toml} (the ones {@code plan} estimates against).
 */
public final class ChecklistJudge {

    private final Checklist limits;
    private final Set<String> compatibilityRules;

    /** @param compatibilityRules the ids of lint's compatibility rules (what the running code trips on) */
    public ChecklistJudge(Checklist limits, Set<String> compatibilityRules) {
        this.limits = limits;
        this.compatibilityRules = Set.copyOf(compatibilityRules);
    }

    public Checklist limits() {
        return limits;
    }

    /**
     * @param locks    what the watcher saw of its up, or null when it did not watch (no rows)
     * @param rollback whether its down passed the stairway, or null when it has none
     */
    public List<ChecklistItem> judge(Migration migration, LockProfile locks, List<Finding> findings,
                                     Boolean rollback) {
        List<ChecklistItem> items = new ArrayList<>();
        if (locks == null) {
            String why = "measured only on populated tables (--rows N or --seed FILE)";
            items.add(new ChecklistItem(1, "fast where it blocks", ChecklistItem.Tick.UNKNOWN, why, true));
            items.add(new ChecklistItem(2, "no long blocking lock", ChecklistItem.Tick.UNKNOWN, why, true));
        } else {
            Duration blocking = locks.blockingOnExisting();
            items.add(new ChecklistItem(1, "fast where it blocks", blocking.compareTo(limits.blockingBudget()) < 0
                    ? ChecklistItem.Tick.YES : ChecklistItem.Tick.NO, human(blocking)
                    + " holding SHARE or stronger on existing tables (limit " + human(limits.blockingBudget()) + ")",
                    true));
            LockProfile.TableLock longest = null;
            for (LockProfile.TableLock t : locks.tables()) {
                if (t.existed() && t.large() && (longest == null || t.blockingFor().compareTo(longest.blockingFor()) > 0)) {
                    longest = t;
                }
            }
            Duration allowed = limits.longestBlockingLock();
            if (longest != null && longest.blockingFor().compareTo(allowed) > 0) {
                items.add(new ChecklistItem(2, "no long blocking lock", ChecklistItem.Tick.NO, longest.mode() + " on "
                        + longest.table() + " (" + String.format(Locale.ROOT, "%,d", longest.rows()) + " rows) held for "
                        + human(longest.blockingFor()) + " (limit " + human(allowed) + ")", true));
            } else {
                items.add(new ChecklistItem(2, "no long blocking lock", ChecklistItem.Tick.YES, "none held over "
                        + human(allowed) + " on a table above " + limits.describeLargeTable()
                        + (longest == null || longest.blockingFor().isZero() ? ""
                        : " (longest: " + human(longest.blockingFor()) + " on " + longest.table() + ")"), true));
            }
        }
        if (migration.header().phase() != Phase.EXPAND) {
            items.add(new ChecklistItem(3, "backward compatible", ChecklistItem.Tick.YES,
                    "a contract migration: it runs after the code deploy", false));
        } else {
            List<String> breaking = findings.stream().filter(f -> compatibilityRules.contains(f.rule())
                    && f.severity() != Severity.INFO).map(f -> f.rule() + " (line " + f.line() + ")").toList();
            items.add(new ChecklistItem(3, "backward compatible", breaking.isEmpty() ? ChecklistItem.Tick.YES
                    : ChecklistItem.Tick.NO, breaking.isEmpty() ? "no compatibility finding"
                    : "compatibility findings: " + String.join(", ", breaking), false));
        }
        items.add(rollback == null
                ? new ChecklistItem(4, "rollback tested", ChecklistItem.Tick.UNKNOWN, "reversible: no: no +down to test",
                true)
                : new ChecklistItem(4, "rollback tested", rollback ? ChecklistItem.Tick.YES : ChecklistItem.Tick.NO,
                rollback ? "up, down, up: the schema and the rows came back" : "the stairway failed", true));
        return items;
    }

    /** Milliseconds up to ten seconds (the budgets under test are often a fraction of one), then seconds. */
    public static String human(Duration d) {
        long ms = d.toMillis();
        return ms < 10_000 ? String.format(Locale.ROOT, "%,d ms", ms)
                : String.format(Locale.ROOT, "%.1f s", ms / 1000.0);
    }
}
