package dev.stepwise.postgres.diff;

import dev.stepwise.dialect.ColumnTypes;
import dev.stepwise.postgres.lint.TypeChanges;
import dev.stepwise.postgres.parse.PgType;

import java.util.List;
import java.util.Set;

/**
 * The PostgreSQL type changes that keep every value: a longer or no length limit on
 * {@code varchar}, {@code char} to {@code varchar}/{@code text}, a larger integer type, more
 * digits on either side of a {@code numeric}'s point (or no limit), {@code real} to
 * {@code double precision}, more fractional digits on a time type, {@code cidr} to {@code inet}.
 * Anything else (an integer to {@code numeric} included, which keeps values but changes what the
 * driver hands the code) is not called a widening.
 */
public final class PostgresColumnTypes implements ColumnTypes {

    private static final Set<String> TEXT_LIKE = Set.of("text", "character varying", "character");
    private static final List<String> INTEGERS = List.of("smallint", "integer", "bigint");
    private static final Set<String> TIMED = Set.of("timestamp without time zone", "timestamp with time zone",
            "time without time zone", "time with time zone", "interval");

    @Override
    public boolean widens(String from, String to) {
        PgType a = PgType.ofFormatted(from);
        PgType b = PgType.ofFormatted(to);
        if (a.equals(b)) {
            return true;
        }
        if (a.arrayDims() != b.arrayDims() || TypeChanges.narrows(a, b)) {
            return false;
        }
        String x = a.name();
        String y = b.name();
        if (TEXT_LIKE.contains(x) && TEXT_LIKE.contains(y)) {
            // char(n) pads with blanks that varchar and text keep; nothing else may become char
            return !y.equals("character");
        }
        if (INTEGERS.contains(x) && INTEGERS.contains(y) || x.equals("numeric") && y.equals("numeric")
                || x.equals(y) && TIMED.contains(x)) {
            return true;
        }
        if (x.equals("bit varying") && y.equals("bit varying")) {
            return b.modifiers().isEmpty() || !a.modifiers().isEmpty() && b.firstModifier() >= a.firstModifier();
        }
        return x.equals("real") && y.equals("double precision") || x.equals("cidr") && y.equals("inet");
    }
}
