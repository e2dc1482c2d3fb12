package dev.stepwise.usage;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Whether the statements that use a contract's removed names ran since a baseline: the usage half
 * of the contract gate. Anything it cannot be sure of (no baseline, a reset, an eviction, an
 * entry gone, counters the role cannot see) is "unknown", which keeps the gate closed like a use.
 */
public final class UsageComparison {

    /** How many statements a reason names before it says "and N more". */
    private static final int NAMED = 3;
    private static final int QUERY_CHARS = 80;

    /** Whether a counted statement is a use of a removed name. */
    @FunctionalInterface
    public interface UsesName {

        boolean uses(long queryid, String query, RemovedName name);
    }

    private UsageComparison() {
    }

    /**
     * Why the gate stays closed, or empty when no statement using the names ran since the baseline.
     *
     * @param uses whether a counted statement uses a removed name
     */
    public static Optional<String> closedBecause(List<RemovedName> names, UsageSnapshot baseline, UsageSnapshot now,
                                                 UsesName uses) {
        String what = "statements using " + String.join(", ", names.stream().map(RemovedName::toString).toList());
        if (!now.complete()) {
            return Optional.of("unknown whether " + what + " still run: this role cannot see other roles' statements"
                    + " in pg_stat_statements (grant it pg_read_all_stats)");
        }
        if (baseline == null) {
            return Optional.of("unknown whether " + what + " still run: there is no baseline of pg_stat_statements"
                    + " since the expand; one was taken now");
        }
        Instant since = baseline.takenAt();
        if (!Objects.equals(baseline.statsReset(), now.statsReset())) {
            return Optional.of("unknown whether " + what + " ran since " + since + ": pg_stat_statements was reset"
                    + " at " + now.statsReset() + "; a new baseline was taken now");
        }
        if (baseline.evictions() >= 0 && now.evictions() > baseline.evictions()) {
            return Optional.of("unknown whether " + what + " ran since " + since + ": pg_stat_statements evicted "
                    + (now.evictions() - baseline.evictions()) + " entries since (pg_stat_statements.max is too"
                    + " small for the workload); a new baseline was taken now");
        }
        List<String> ran = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        for (Map.Entry<Long, UsageSnapshot.Counter> e : baseline.statements().entrySet()) {
            UsageSnapshot.Counter before = e.getValue();
            if (!usesAny(e.getKey(), before.query(), names, uses)) {
                continue;
            }
            UsageSnapshot.Counter after = now.statements().get(e.getKey());
            if (after == null || after.calls() < before.calls()) {
                unknown.add(shown(before.query()) + (after == null ? " (its entry is gone)" : " (its count went down)"));
            } else if (after.calls() > before.calls()) {
                ran.add(shown(after.query()) + " ran " + (after.calls() - before.calls()) + " times");
            }
        }
        for (Map.Entry<Long, UsageSnapshot.Counter> e : now.statements().entrySet()) {
            if (!baseline.statements().containsKey(e.getKey()) && usesAny(e.getKey(), e.getValue().query(), names, uses)) {
                ran.add(shown(e.getValue().query()) + " ran " + e.getValue().calls() + " times (new since)");
            }
        }
        if (!ran.isEmpty()) {
            return Optional.of(what + " ran since " + since + ": " + list(ran) + "; deploy the code that stops using"
                    + " them, then run `stepwise upgrade` again (it compares with the counters read now)");
        }
        if (!unknown.isEmpty()) {
            return Optional.of("unknown whether " + what + " ran since " + since + ": " + list(unknown)
                    + "; a new baseline was taken now");
        }
        return Optional.empty();
    }

    private static boolean usesAny(long queryid, String query, List<RemovedName> names, UsesName uses) {
        return names.stream().anyMatch(n -> uses.uses(queryid, query, n));
    }

    private static String list(List<String> items) {
        String named = String.join("; ", items.subList(0, Math.min(NAMED, items.size())));
        return items.size() > NAMED ? named + "; and " + (items.size() - NAMED) + " more" : named;
    }

    private static String shown(String query) {
        String oneLine = query.replaceAll("\\s+", " ").strip();
        return "`" + (oneLine.length() > QUERY_CHARS ? oneLine.substring(0, QUERY_CHARS - 3) + "..." : oneLine) + "`";
    }
}
