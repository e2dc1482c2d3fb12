package dev.stepwise.usage;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The usage check's answers from two readings of the counters. */
class UsageComparisonTest {

    private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");
    private static final Instant T1 = Instant.parse("2026-12-01T11:00:00Z");
    private static final List<RemovedName> NAMES = List.of(RemovedName.column("orders", "total_dollars"));
    private static final String OLD = "SELECT total_dollars FROM orders WHERE id = $1";
    private static final String OTHER = "SELECT note FROM orders WHERE id = $1";
    private static final UsageComparison.UsesName BY_TEXT = (id, query, name) -> query.contains(name.column());

    private static UsageSnapshot at(Instant t, Instant reset, long evictions, Map<Long, UsageSnapshot.Counter> s) {
        return new UsageSnapshot(t, reset, evictions, true, s);
    }

    private static Map<Long, UsageSnapshot.Counter> counts(long oldCalls, long otherCalls) {
        return Map.of(1L, new UsageSnapshot.Counter(oldCalls, OLD), 2L, new UsageSnapshot.Counter(otherCalls, OTHER));
    }

    @Test
    void open_whenNoStatementUsingTheNamesRanSince_whateverElseRan() {
        assertThat(UsageComparison.closedBecause(NAMES, at(T0, null, 0, counts(5, 5)), at(T1, null, 0, counts(5, 900)),
                BY_TEXT)).isEmpty();
    }

    @Test
    void closed_whenOneRan_sayingWhichAndHowOften() {
        assertThat(UsageComparison.closedBecause(NAMES, at(T0, null, 0, counts(5, 5)), at(T1, null, 0, counts(8, 5)),
                BY_TEXT)).hasValueSatisfying(r -> assertThat(r).contains("`" + OLD + "` ran 3 times"));
    }

    @Test
    void unknown_afterAnEviction_evenWhenTheCountsLookQuiet() {
        assertThat(UsageComparison.closedBecause(NAMES, at(T0, null, 10, counts(5, 5)), at(T1, null, 12, counts(5, 5)),
                BY_TEXT)).hasValueSatisfying(r -> assertThat(r).contains("evicted 2 entries"));
    }

    @Test
    void unknown_whenACountWentDown_orTheRoleSeesOnlyItsOwnStatements() {
        assertThat(UsageComparison.closedBecause(NAMES, at(T0, null, -1, counts(5, 5)), at(T1, null, -1, counts(2, 5)),
                BY_TEXT)).hasValueSatisfying(r -> assertThat(r).contains("its count went down"));
        UsageSnapshot partial = new UsageSnapshot(T1, null, 0, false, counts(5, 5));
        assertThat(UsageComparison.closedBecause(NAMES, at(T0, null, 0, counts(5, 5)), partial, BY_TEXT))
                .hasValueSatisfying(r -> assertThat(r).contains("pg_read_all_stats"));
    }
}
