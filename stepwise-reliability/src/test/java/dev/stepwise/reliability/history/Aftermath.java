package dev.stepwise.reliability.history;

import dev.stepwise.it.CatalogSnapshot;
import dev.stepwise.it.Evidence;
import dev.stepwise.testing.TestDatabase;

import java.util.ArrayList;
import java.util.List;

/**
 * What a trial must leave behind once the next run has finished: exactly what an uninterrupted
 * run leaves (schema, data, {@code stepwise_version}), no INVALID index, no step or migration
 * recorded as applied twice, and no Stepwise backend or advisory lock still on the server.
 */
public final class Aftermath {

    private Aftermath() {
    }

    /** The problems found on {@code db}, none when the trial ended as it must. */
    public static List<String> problems(TestDatabase db, List<String> expected) {
        List<String> problems = new ArrayList<>();
        List<String> actual = CatalogSnapshot.of(db);
        if (!actual.equals(expected)) {
            List<String> missing = new ArrayList<>(expected);
            missing.removeAll(actual);
            List<String> extra = new ArrayList<>(actual);
            extra.removeAll(expected);
            problems.add("not what an uninterrupted run leaves: missing " + first(missing) + ", extra " + first(extra));
        }
        String invalid = db.value("SELECT coalesce(string_agg(indexrelid::regclass::text, ', '), '') FROM pg_index"
                + " WHERE NOT indisvalid");
        if (!invalid.isEmpty()) {
            problems.add("INVALID index left: " + invalid);
        }
        List<String> twice = db.column("SELECT revision || ' ' || coalesce('step ' || step, 'as a whole') || ' '"
                + " || count(*) || ' times' FROM stepwise_history WHERE outcome IN ('success', 'unsafe-forced')"
                + " AND direction = 'up' GROUP BY revision, step HAVING count(*) > 1 ORDER BY 1");
        if (!twice.isEmpty()) {
            problems.add("applied more than once: " + twice);
        }
        List<Evidence.Backend> left = Evidence.of(db).backends("stepwise-%");
        if (!left.isEmpty()) {
            problems.add("Stepwise backends left on the server: " + left);
        }
        String locks = db.value("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory'"
                + " AND database = (SELECT oid FROM pg_database WHERE datname = current_database())");
        if (!locks.equals("0")) {
            problems.add(locks + " advisory lock(s) left");
        }
        return problems;
    }

    private static String first(List<String> lines) {
        return lines.isEmpty() ? "nothing" : lines.size() <= 3 ? lines.toString()
                : lines.subList(0, 3) + " and " + (lines.size() - 3) + " more";
    }
}
