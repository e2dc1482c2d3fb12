package dev.stepwise.run;

import dev.stepwise.config.DurationText;
import dev.stepwise.dialect.Blocker;

import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

/** Names blockers in one line: {@code blocked by pid 4242 (psql, idle in transaction for 5.2s): SELECT ...}. */
final class BlockerText {

    private BlockerText() {
    }

    static String describe(List<Blocker> blockers) {
        if (blockers.isEmpty()) {
            return "the blocker was not seen (the wait ended before the sampler asked)";
        }
        return "blocked by " + blockers.stream().map(BlockerText::one).collect(Collectors.joining("; and "));
    }

    static String one(Blocker b) {
        String who = switch (b.kind()) {
            case AUTOVACUUM -> "autovacuum";
            case WRAPAROUND_AUTOVACUUM -> "an anti-wraparound autovacuum, which never yields";
            case SESSION -> b.pid() == 0 ? "a prepared transaction" : b.applicationName().isEmpty() ? "" : b.applicationName();
        };
        StringBuilder s = new StringBuilder("pid ").append(b.pid()).append(" (").append(who);
        if (!b.state().isEmpty() && b.kind() == Blocker.Kind.SESSION && b.pid() != 0) {
            s.append(who.isEmpty() ? "" : ", ").append(b.state());
        }
        if (b.transaction() != null) {
            s.append(" for ").append(seconds(b.transaction()));
        }
        s.append(')');
        String query = b.query().strip().replaceAll("\\s+", " ").replaceAll(";+$", "");
        if (!query.isEmpty()) {
            s.append(": ").append(query.length() > 120 ? query.substring(0, 117) + "..." : query);
        }
        return s.toString();
    }

    static String seconds(Duration d) {
        long ms = d.toMillis();
        if (ms < 1000 || ms % 60_000 == 0) {
            return DurationText.format(d);
        }
        return String.format(java.util.Locale.ROOT, "%.1fs", ms / 1000.0);
    }
}
