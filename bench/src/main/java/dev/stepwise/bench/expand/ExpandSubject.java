package dev.stepwise.bench.expand;

import java.util.List;

/**
 * One change the benchmark makes to {@code orders}: the Stepwise generator that makes it as an
 * expand and a contract migration, and the single statement a plain migration tool sends instead.
 *
 * @param generator  the generator as the report names it, e.g. {@code --rename-column orders.note:memo}
 * @param slug       its project's directory under the work directory
 * @param revision   the arguments of {@code stepwise revision} that write its migrations
 * @param check      a query counting the rows left wrong after the change (0 when it is done)
 * @param naive      the single statement
 * @param oldCode    a query of the code that ran before the change, for one row: what the naive
 *                   statement does to it is reported
 */
public record ExpandSubject(String generator, String slug, List<String> revision, String check, String naive,
                            String oldCode) {

    public ExpandSubject {
        revision = List.copyOf(revision);
    }

    /** The row {@link #oldCode} reads: its values are known from its key (see {@link ExpandProject}). */
    static final long PROBE_ID = 1234;

    /** {@code note} becomes {@code memo}. */
    static ExpandSubject renameColumn() {
        return new ExpandSubject("--rename-column orders.note:memo", "rename-column",
                List.of("revision", "--rename-column", "orders.note:memo"),
                "SELECT count(*) FROM orders WHERE memo IS DISTINCT FROM 'note ' || id",
                "ALTER TABLE orders RENAME COLUMN note TO memo",
                "SELECT note FROM orders WHERE id = " + PROBE_ID);
    }

    /** {@code total_dollars numeric(12,2)} becomes {@code total_cents bigint}. */
    static ExpandSubject changeType() {
        return new ExpandSubject("--change-type orders.total_dollars:total_cents:bigint", "change-type",
                List.of("revision", "--change-type", "orders.total_dollars:total_cents:bigint",
                        "--using", "round(total_dollars * 100)", "--reverse", "total_cents / 100.0"),
                "SELECT count(*) FROM orders WHERE total_cents IS DISTINCT FROM " + ExpandProject.CENTS,
                "ALTER TABLE orders ALTER COLUMN total_dollars TYPE bigint USING round(total_dollars * 100)",
                "SELECT total_dollars FROM orders WHERE id = " + PROBE_ID);
    }

    /** What the naive statement leaves, checked like {@link #check}: the naive type change keeps the name. */
    String naiveCheck() {
        return check.replace("total_cents", "total_dollars");
    }

    /** The command line of the generator, as a user types it. */
    String commandLine() {
        StringBuilder b = new StringBuilder("stepwise");
        for (String a : revision) {
            b.append(' ').append(a.contains(" ") ? "\"" + a + "\"" : a);
        }
        return b.toString();
    }
}
