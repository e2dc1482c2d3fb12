package dev.stepwise.it.expand;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * One generator's transition as the applications see it: the {@code revision} options that write
 * it, which migrations it has, v1's shape and v2's, and what each version reads of a row the other
 * wrote.
 *
 * @param toNew        v1's amount as v2 reads it (the {@code --using} conversion)
 * @param toOld        v2's amount as v1 reads it (the {@code --reverse} conversion)
 * @param tagOfOldRows what v2 reads as tag in a row v1 wrote (a new column's default), or null
 */
record Transition(String name, List<String> revisionOptions, boolean expands, boolean contracts, Shape v1,
                  Shape v2, UnaryOperator<BigDecimal> toNew, UnaryOperator<BigDecimal> toOld,
                  String tagOfOldRows) {

    private static final String BASE_TABLES = """
            CREATE TABLE orders (
                id bigint PRIMARY KEY,
                customer text NOT NULL,
                total_dollars numeric(12, 3) NOT NULL DEFAULT 0,
                note varchar(100)
            );
            CREATE INDEX orders_total_dollars_idx ON orders (total_dollars);
            CREATE TABLE audit_log (id bigserial PRIMARY KEY, order_id bigint NOT NULL,
                at timestamptz NOT NULL DEFAULT now());
            """;

    static final String BASE_DOWN = "DROP TABLE audit_log;\nDROP TABLE orders;";

    /** The base migration: the tables, and the fixture rows as SQL. */
    static String baseUp(java.util.Map<Long, Value> fixture) {
        StringBuilder sql = new StringBuilder(BASE_TABLES);
        fixture.forEach((id, v) -> sql.append("INSERT INTO orders (id, customer, total_dollars, note) VALUES (")
                .append(id).append(", 'fixture ").append(id).append("', ").append(v.amount().toPlainString())
                .append(", 'fixture');\n"));
        return sql.toString();
    }

    static List<Transition> all() {
        Shape dollars = Shape.of("orders", "total_dollars", Shape.Amount.DOLLARS);
        return List.of(
                new Transition("rename-column", List.of("--rename-column", "orders.total_dollars:amount"), true, true,
                        dollars, Shape.of("orders", "amount", Shape.Amount.DOLLARS),
                        UnaryOperator.identity(), UnaryOperator.identity(), null),
                new Transition("change-type", List.of("--change-type", "orders.total_dollars:total_cents:bigint",
                        "--using", "round(total_dollars * 100)", "--reverse", "total_cents / 100.0"), true, true,
                        dollars, Shape.of("orders", "total_cents", Shape.Amount.CENTS),
                        d -> d.movePointRight(2).setScale(0, RoundingMode.HALF_UP), c -> c.movePointLeft(2), null),
                new Transition("rename-table", List.of("--rename-table", "orders:purchases"), true, true,
                        dollars, Shape.of("purchases", "total_dollars", Shape.Amount.DOLLARS),
                        UnaryOperator.identity(), UnaryOperator.identity(), null),
                new Transition("add-required-column", List.of("--add-required-column", "orders.status:text",
                        "--default", "'new'"), true, false,
                        dollars, Shape.of("orders", "total_dollars", Shape.Amount.DOLLARS)
                        .tag("status", Shape.Tag.STATUS, true),
                        UnaryOperator.identity(), UnaryOperator.identity(), "new"),
                new Transition("add-required-column-volatile", List.of("--add-required-column",
                        "orders.ref:uuid", "--default", "gen_random_uuid()"), true, false,
                        dollars, Shape.of("orders", "total_dollars", Shape.Amount.DOLLARS)
                        .tag("ref", Shape.Tag.UUID, true),
                        UnaryOperator.identity(), UnaryOperator.identity(), Value.ANY),
                new Transition("drop-column", List.of("--drop-column", "orders.note"), false, true,
                        Shape.of("orders", "total_dollars", Shape.Amount.DOLLARS).tag("note", Shape.Tag.NOTE, false),
                        dollars, UnaryOperator.identity(), UnaryOperator.identity(), null),
                new Transition("drop-table", List.of("--drop-table", "audit_log"), false, true,
                        Shape.of("orders", "total_dollars", Shape.Amount.DOLLARS)
                                .alsoInserts("INSERT INTO audit_log (order_id) VALUES (?)"),
                        dollars, UnaryOperator.identity(), UnaryOperator.identity(), null));
    }

    Shape shape(Version version) {
        return version == Version.V1 ? v1 : v2;
    }

    /** What {@code reader} should read of a row whose last write was {@code last}. */
    Value seenBy(Version reader, Write last) {
        Value v = last.value();
        if (last.by() == reader) {
            return shape(reader).project(v);
        }
        if (reader == Version.V2) {
            return v2.project(new Value(toNew.apply(v.amount()), tagOfOldRows));
        }
        return v1.project(new Value(toOld.apply(v.amount()), null));
    }

    /**
     * After the expand's down, the old shape is all there is: each row is what v1 reads of it, as if
     * v1 had written it (tags only v2 knew are gone).
     */
    Write afterExpandDown(Write last) {
        return new Write(Version.V1, seenBy(Version.V1, last));
    }

    /**
     * After the contract's down, the old column is filled back from the new one: a row v1 wrote
     * last holds its amount converted there and back (10.005 dollars comes back as 10.01).
     */
    Write afterContractDown(Write last) {
        if (last.by() != Version.V1) {
            return last;
        }
        return new Write(Version.V1, new Value(toOld.apply(toNew.apply(last.value().amount())), last.value().tag()));
    }

    @Override
    public String toString() {
        return name;
    }
}
