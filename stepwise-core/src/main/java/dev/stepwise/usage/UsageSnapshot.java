package dev.stepwise.usage;

import java.time.Instant;
import java.util.Map;

/**
 * The statement counters of one database at one moment ({@code pg_stat_statements}, summed over
 * roles): a baseline after an expand migration, or the reading the contract gate compares with it.
 *
 * @param statsReset when the counters were last reset as a whole, or null where the server does not say
 * @param evictions  how many entries the server has evicted to make room, or -1 where it does not say
 * @param complete   false when the role could not see every role's statements
 */
public record UsageSnapshot(Instant takenAt, Instant statsReset, long evictions, boolean complete,
                            Map<Long, Counter> statements) {

    /** One normalised statement: how often it ran, and its text ({@code $1} for constants). */
    public record Counter(long calls, String query) {
    }

    public UsageSnapshot {
        statements = Map.copyOf(statements);
    }
}
