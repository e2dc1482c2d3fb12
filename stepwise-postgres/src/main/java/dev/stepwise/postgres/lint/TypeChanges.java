package dev.stepwise.postgres.lint;

import dev.stepwise.postgres.parse.PgType;

import java.util.List;
import java.util.Set;

/**
 * What {@code ALTER COLUMN ... TYPE} costs, from the old and the new type: nothing where the
 * change is binary-coercible (PostgreSQL keeps the data and the table), a rewrite of the table
 * and its indexes otherwise; and whether the new type is narrower, so that values the running
 * code writes may no longer fit. See "Type changes without a rewrite" in the reference.
 */
public final class TypeChanges {

    public enum Cost { NONE, REWRITE }

    private static final Set<String> TEXT_LIKE = Set.of("text", "character varying");
    private static final Set<String> TIMED = Set.of("timestamp without time zone", "timestamp with time zone",
            "time without time zone", "time with time zone", "interval");
    private static final List<String> INTEGERS = List.of("smallint", "integer", "bigint");

    private TypeChanges() {
    }

    public static Cost cost(PgType from, PgType to, boolean usingChangesValues) {
        if (usingChangesValues) {
            return Cost.REWRITE;
        }
        if (from.equals(to)) {
            return Cost.NONE;
        }
        if (from.arrayDims() != to.arrayDims()) {
            return Cost.REWRITE;
        }
        String a = from.name();
        String b = to.name();
        // varchar(n) -> varchar(m >= n), varchar, text; text -> varchar without a limit
        if (TEXT_LIKE.contains(a) && TEXT_LIKE.contains(b)) {
            if (b.equals("text") || to.modifiers().isEmpty()) {
                return Cost.NONE;
            }
            return a.equals("character varying") && !from.modifiers().isEmpty()
                    && to.firstModifier() >= from.firstModifier() ? Cost.NONE : Cost.REWRITE;
        }
        if (a.equals("numeric") && b.equals("numeric")) {
            if (to.modifiers().isEmpty()) {
                return Cost.NONE;
            }
            if (from.modifiers().isEmpty()) {
                return Cost.REWRITE;
            }
            int scaleFrom = from.modifiers().size() > 1 ? from.modifiers().get(1) : 0;
            int scaleTo = to.modifiers().size() > 1 ? to.modifiers().get(1) : 0;
            return to.firstModifier() >= from.firstModifier() && scaleTo == scaleFrom ? Cost.NONE : Cost.REWRITE;
        }
        if (a.equals("bit varying") && b.equals("bit varying")) {
            return to.modifiers().isEmpty() || !from.modifiers().isEmpty() && to.firstModifier() >= from.firstModifier()
                    ? Cost.NONE : Cost.REWRITE;
        }
        if (a.equals("cidr") && b.equals("inet")) {
            return Cost.NONE;
        }
        // a precision increase of the same time type
        if (a.equals(b) && TIMED.contains(a)) {
            int p = from.modifiers().isEmpty() ? 6 : from.firstModifier();
            int q = to.modifiers().isEmpty() ? 6 : to.firstModifier();
            return q >= p ? Cost.NONE : Cost.REWRITE;
        }
        return Cost.REWRITE;
    }

    /** Whether values of the old type may not fit the new one. */
    public static boolean narrows(PgType from, PgType to) {
        String a = from.name();
        String b = to.name();
        if (TEXT_LIKE.contains(a) && TEXT_LIKE.contains(b) || a.equals("character") && TEXT_LIKE.contains(b)) {
            int limitFrom = a.equals("text") ? -1 : from.firstModifier();
            int limitTo = b.equals("text") ? -1 : to.firstModifier();
            return limitTo >= 0 && (limitFrom < 0 || limitTo < limitFrom);
        }
        if (INTEGERS.contains(a) && INTEGERS.contains(b)) {
            return INTEGERS.indexOf(b) < INTEGERS.indexOf(a);
        }
        if (a.equals("numeric") && b.equals("numeric")) {
            if (to.modifiers().isEmpty()) {
                return false;
            }
            if (from.modifiers().isEmpty()) {
                return true;
            }
            int scaleFrom = from.modifiers().size() > 1 ? from.modifiers().get(1) : 0;
            int scaleTo = to.modifiers().size() > 1 ? to.modifiers().get(1) : 0;
            return to.firstModifier() - scaleTo < from.firstModifier() - scaleFrom || scaleTo < scaleFrom;
        }
        if (a.equals(b) && TIMED.contains(a)) {
            int p = from.modifiers().isEmpty() ? 6 : from.firstModifier();
            int q = to.modifiers().isEmpty() ? 6 : to.firstModifier();
            return q < p;
        }
        if (a.equals("double precision") && (b.equals("real") || INTEGERS.contains(b))
                || a.equals("real") && INTEGERS.contains(b) || a.equals("numeric") && INTEGERS.contains(b)) {
            return true;
        }
        if (a.equals("timestamp with time zone") && b.equals("date") || a.equals("timestamp without time zone")
                && b.equals("date")) {
            return true;
        }
        return false;
    }

    /**
     * Whether a {@code USING} expression is just the column (perhaps cast to the new type), which
     * changes no value, so the cost is the type change's alone.
     */
    public static boolean usingChangesValues(List<String> using, String column) {
        if (using.isEmpty()) {
            return false;
        }
        List<String> t = using.stream().filter(x -> !x.equals("(") && !x.equals(")")).toList();
        if (t.size() >= 1 && dev.stepwise.postgres.statement.QualifiedName.identifier(t.get(0)).equals(column)) {
            return !(t.size() == 1 || t.size() >= 3 && t.get(1).equals("::"));
        }
        return true;
    }
}
