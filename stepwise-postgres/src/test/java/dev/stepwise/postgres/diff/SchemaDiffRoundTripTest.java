package dev.stepwise.postgres.diff;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

/**
 * Hand-written schema pairs A, B on real PostgreSQL: A plus the rendered diff A→B is a database
 * whose model equals B's, and the reverse diff brings it back to A's, for the object kinds the
 * diff covers so far (schemas, tables, columns, constraints, indexes, partitions). The cases by
 * area are in the {@code *DiffCasesTest} classes beside it; all share {@link RoundTrip}.
 */
class SchemaDiffRoundTripTest {

    private static final String BASE = """
            CREATE TABLE customers (id bigint PRIMARY KEY, email varchar(100) NOT NULL, name text);
            CREATE TABLE orders (id bigint PRIMARY KEY, customer_id bigint REFERENCES customers (id),
                total numeric(12, 2) NOT NULL DEFAULT 0, note text);
            CREATE INDEX orders_customer ON orders (customer_id);
            INSERT INTO customers VALUES (1, 'a@example.com', 'A');
            INSERT INTO orders VALUES (1, 1, 10.50, 'first');
            """;

    /** The base with its order belonging to no customer: a table dropped and made again comes back empty. */
    private static final String ORPHAN_FREE = BASE.replace("INSERT INTO orders VALUES (1, 1,", "INSERT INTO orders VALUES (1, NULL,");

    static Stream<Arguments> pairs() {
        return Stream.of(
                pair("a new table with a key, a foreign key and an index", BASE, BASE + """
                        CREATE TABLE items (id bigint PRIMARY KEY, order_id bigint NOT NULL REFERENCES orders (id),
                            sku text NOT NULL CHECK (sku <> ''));
                        CREATE INDEX items_order ON items (order_id);
                        """),
                pair("a dropped table that another table references", ORPHAN_FREE + """
                        CREATE TABLE items (id bigint PRIMARY KEY, order_id bigint REFERENCES orders (id));
                        """, ORPHAN_FREE.replace("customer_id bigint REFERENCES customers (id)", "customer_id bigint")
                        .replace("CREATE TABLE customers (id bigint PRIMARY KEY, email varchar(100) NOT NULL, name text);",
                                "").replace("INSERT INTO customers VALUES (1, 'a@example.com', 'A');", "")),
                pair("added columns, nullable and with a default", BASE, BASE + """
                        ALTER TABLE orders ADD COLUMN shipped_at timestamptz;
                        ALTER TABLE orders ADD COLUMN status text NOT NULL DEFAULT 'new';
                        """),
                pair("a dropped column with its index", BASE + "CREATE INDEX orders_note ON orders (note);",
                        BASE.replace(",\n    total numeric(12, 2) NOT NULL DEFAULT 0, note text);",
                                ",\n    total numeric(12, 2) NOT NULL DEFAULT 0);").replace(", 'first'", "")),
                pair("a narrowed varchar and a widened integer", BASE, BASE + """
                        ALTER TABLE customers ALTER COLUMN email TYPE varchar(50);
                        ALTER TABLE orders ALTER COLUMN total TYPE numeric(14, 4);
                        """),
                pair("defaults set, changed and dropped", BASE, BASE + """
                        ALTER TABLE orders ALTER COLUMN total DROP DEFAULT;
                        ALTER TABLE orders ALTER COLUMN note SET DEFAULT 'none';
                        """),
                pair("NOT NULL set through a check, and dropped", BASE, BASE + """
                        ALTER TABLE customers ALTER COLUMN name SET NOT NULL;
                        ALTER TABLE customers ALTER COLUMN email DROP NOT NULL;
                        """),
                pair("constraints added to an existing table: check, unique, deferrable foreign key", BASE, BASE + """
                        ALTER TABLE orders ADD CONSTRAINT total_positive CHECK (total >= 0);
                        ALTER TABLE customers ADD CONSTRAINT customers_email_key UNIQUE (email);
                        ALTER TABLE orders DROP CONSTRAINT orders_customer_id_fkey;
                        ALTER TABLE orders ADD CONSTRAINT orders_customer_id_fkey FOREIGN KEY (customer_id)
                            REFERENCES customers (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED;
                        """),
                pair("a NOT VALID check becomes validated", BASE
                                + "ALTER TABLE orders ADD CONSTRAINT total_sane CHECK (total < 1000000) NOT VALID;",
                        BASE + "ALTER TABLE orders ADD CONSTRAINT total_sane CHECK (total < 1000000);"),
                pair("partial, expression and changed indexes", BASE, BASE.replace(
                        "CREATE INDEX orders_customer ON orders (customer_id);",
                        "CREATE INDEX orders_customer ON orders (customer_id, id DESC);") + """
                        CREATE INDEX orders_open ON orders (customer_id) INCLUDE (total) WHERE note IS NULL;
                        CREATE UNIQUE INDEX customers_lower_email ON customers (lower(email));
                        """),
                pair("a new schema with quoted mixed-case names", BASE, BASE + """
                        CREATE SCHEMA "Billing";
                        CREATE TABLE "Billing"."Invoice Lines" ("Line No" int NOT NULL, "Amount" numeric(10, 2),
                            CONSTRAINT "Invoice Lines_pkey" PRIMARY KEY ("Line No"));
                        CREATE INDEX "Amount idx" ON "Billing"."Invoice Lines" ("Amount");
                        """),
                pair("a partitioned table and its partitions", BASE, BASE + """
                        CREATE TABLE events (id bigint NOT NULL, at date NOT NULL, PRIMARY KEY (id, at))
                            PARTITION BY RANGE (at);
                        CREATE TABLE events_2026 PARTITION OF events FOR VALUES FROM ('2026-01-01') TO ('2027-01-01');
                        CREATE TABLE events_2027 PARTITION OF events FOR VALUES FROM ('2027-01-01') TO ('2028-01-01');
                        CREATE INDEX events_at ON events (at);
                        """),
                pair("new tables whose foreign keys point at each other", BASE, BASE + """
                        CREATE TABLE teams (id bigint PRIMARY KEY, lead_id bigint);
                        CREATE TABLE people (id bigint PRIMARY KEY, team_id bigint REFERENCES teams (id));
                        ALTER TABLE teams ADD CONSTRAINT teams_lead_fkey FOREIGN KEY (lead_id) REFERENCES people (id);
                        """),
                pair("identical schemas have no difference", BASE, BASE));
    }

    private static Arguments pair(String name, String a, String b) {
        return Arguments.of(name, a, b);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pairs")
    void aPlusTheDiffIsB_andTheReverseBringsItBackToA(String name, String a, String b) {
        RoundTrip.between(a, b).holds();
    }
}
