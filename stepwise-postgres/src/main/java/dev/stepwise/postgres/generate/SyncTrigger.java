package dev.stepwise.postgres.generate;

import dev.stepwise.postgres.statement.PostgresIdentifiers;

/**
 * The two-way trigger that keeps an old and a new column equal while old and new code both
 * write (PRODUCT.md, reference "Multi-step patterns"): on {@code INSERT} it fills the new column
 * from the old when the new one is NULL, and the old from the new otherwise; on {@code UPDATE} it
 * converts from whichever column the writer changed, and leaves a row alone when a writer
 * changed both. A one-way copy would hide the new code's writes from the old code.
 *
 * <p>The backfill's batches turn {@link #FLAG} on for their own transactions; the trigger lets
 * their writes through untouched, so a value that does not round-trip (10.005 dollars, 1001
 * cents) is never rewritten behind the user's back.
 */
final class SyncTrigger {

    /** The setting a backfill batch turns on: {@code -- stepwise:batch flag=stepwise.backfill}. */
    static final String FLAG = "stepwise.backfill";

    private final TableShape table;
    private final String name;
    private final String oldColumn;
    private final String newColumn;
    private final String toNew;
    private final String toOld;
    private final boolean oldHasDefault;
    private final boolean comparable;

    /**
     * @param toNew         the new column's value from the row {@code NEW}, as PL/pgSQL
     * @param toOld         the old column's value from the row {@code NEW}
     * @param oldHasDefault whether the old column has a default: then on INSERT a non-NULL new
     *                      column wins, since the old one may hold only its default
     * @param comparable    whether both types have {@code =}; else changes are compared as text
     */
    SyncTrigger(TableShape table, String name, String oldColumn, String newColumn, String toNew, String toOld,
                boolean oldHasDefault, boolean comparable) {
        this.table = table;
        this.name = name;
        this.oldColumn = oldColumn;
        this.newColumn = newColumn;
        this.toNew = toNew;
        this.toOld = toOld;
        this.oldHasDefault = oldHasDefault;
        this.comparable = comparable;
    }

    String function() {
        return PostgresIdentifiers.quote(table.schema()) + "." + PostgresIdentifiers.quote(name);
    }

    void create(Script s) {
        String o = PostgresIdentifiers.quote(oldColumn);
        String n = PostgresIdentifiers.quote(newColumn);
        String body = "BEGIN\n"
                + "  -- the backfill's batches set " + FLAG + ": their writes pass unchanged\n"
                + "  IF current_setting('" + FLAG + "', true) = 'on' THEN\n"
                + "    RETURN NEW;\n"
                + "  END IF;\n"
                + "  IF TG_OP = 'INSERT' THEN\n"
                + "    IF NEW." + n + " IS NULL THEN\n"
                + "      NEW." + n + " := " + toNew + ";\n"
                + (oldHasDefault
                ? "    ELSE\n      -- the new column has no default: a value in it is the writer's\n"
                : "    ELSIF NEW." + o + " IS NULL THEN\n")
                + "      NEW." + o + " := " + toOld + ";\n"
                + "    END IF;\n"
                + "  ELSIF " + changed(o) + " AND NOT " + changed(n) + " THEN\n"
                + "    NEW." + n + " := " + toNew + ";\n"
                + "  ELSIF " + changed(n) + " AND NOT " + changed(o) + " THEN\n"
                + "    NEW." + o + " := " + toOld + ";\n"
                + "  END IF;\n"
                + "  RETURN NEW;\n"
                + "END\n";
        String tag = dollarTag(body);
        s.statement("CREATE FUNCTION " + function() + "() RETURNS trigger LANGUAGE plpgsql AS " + tag + "\n" + body + tag);
        s.statement("CREATE TRIGGER " + PostgresIdentifiers.quote(name) + " BEFORE INSERT OR UPDATE OF " + o + ", "
                + n + " ON " + table.sql() + " FOR EACH ROW EXECUTE FUNCTION " + function() + "()");
    }

    void drop(Script s) {
        s.statement("DROP TRIGGER " + PostgresIdentifiers.quote(name) + " ON " + table.sql());
        s.statement("DROP FUNCTION " + function() + "()");
    }

    /**
     * A dollar quote the body does not hold: the body names the columns, and a quoted name may
     * hold {@code $stepwise$}, which would end the body there and leave the rest as SQL.
     */
    static String dollarTag(String body) {
        String tag = "$stepwise$";
        for (int n = 1; body.contains(tag); n++) {
            tag = "$stepwise_" + n + "$";
        }
        return tag;
    }

    private String changed(String column) {
        return comparable ? "NEW." + column + " IS DISTINCT FROM OLD." + column
                : "NEW." + column + "::text IS DISTINCT FROM OLD." + column + "::text";
    }
}
