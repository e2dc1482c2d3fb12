package dev.stepwise.bench.expand;

import dev.stepwise.config.DurationText;
import dev.stepwise.config.LockTimeouts;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The runner's lock-timeout schedule under test: {@code lock_timeout} and
 * {@code lock_timeout_max} as the project's {@code stepwise.toml} sets them, the other keys at
 * their defaults, and the whole schedule written out for the results file.
 *
 * @param lockTimeout    the first attempt's lock timeout, e.g. {@code 25ms}
 * @param lockTimeoutMax the cap it doubles up to, e.g. {@code 2s}
 */
record LockSchedule(String lockTimeout, String lockTimeoutMax) {

    LockSchedule {
        timeouts(lockTimeout, lockTimeoutMax);
    }

    /** What the runner must end up with: checked against the built configuration before each phase. */
    LockTimeouts timeouts() {
        return timeouts(lockTimeout, lockTimeoutMax);
    }

    private static LockTimeouts timeouts(String first, String max) {
        LockTimeouts d = LockTimeouts.DEFAULT;
        return new LockTimeouts(duration(first), duration(max), d.retryBudget(), d.retryBackoff(),
                d.statementBudget(), d.attemptTimeout());
    }

    private static Duration duration(String text) {
        return DurationText.parse(text).orElseThrow(() -> new IllegalArgumentException("not a duration: '" + text
                + "' (write it as stepwise.toml does: 25ms, 2s)"));
    }

    String toml() {
        return "migrations = \"migrations\"\n"
                + "# the benchmark's lock-timeout schedule; the other lock keys keep their defaults\n"
                + "lock_timeout = \"" + lockTimeout + "\"\n"
                + "lock_timeout_max = \"" + lockTimeoutMax + "\"\n";
    }

    /** The lock timeouts of the attempts, up to and including the first at the cap. */
    static List<Duration> attempts(LockTimeouts t) {
        List<Duration> out = new ArrayList<>();
        for (int n = 1; ; n++) {
            Duration d = t.lockTimeoutOfAttempt(n);
            out.add(d);
            if (d.equals(t.max())) {
                return out;
            }
        }
    }

    /** The schedule in a sentence, every key named as {@code stepwise.toml} spells it. */
    static String describe(LockTimeouts t) {
        List<String> waits = attempts(t).stream().map(LockSchedule::shown).toList();
        return "`lock_timeout` " + DurationText.format(t.first()) + ", `lock_timeout_max` "
                + DurationText.format(t.max()) + ": a step whose locks queue traffic waits at most "
                + String.join(", ", waits.subList(0, waits.size() - 1))
                + (waits.size() > 1 ? ", then " : "") + waits.get(waits.size() - 1)
                + " on each later attempt; `lock_retry_backoff` " + DurationText.format(t.retryBackoff())
                + " before the second attempt, doubling (with jitter) up to the cap; `lock_retry_budget` "
                + DurationText.format(t.retryBudget()) + " per step; `attempt_timeout` "
                + DurationText.format(t.attemptTimeout()) + ". Steps that take SHARE UPDATE EXCLUSIVE at most"
                + " (`CREATE INDEX CONCURRENTLY`, `VALIDATE CONSTRAINT`, `ANALYZE`) block no reads or writes and"
                + " wait up to `statement_budget` " + DurationText.format(t.statementBudget());
    }

    private static String shown(Duration d) {
        long ms = d.toMillis();
        return ms < 1000 ? ms + " ms" : ms % 1000 == 0 ? ms / 1000 + " s" : String.format(java.util.Locale.ROOT,
                "%.1f s", ms / 1000.0);
    }
}
