package dev.stepwise.postgres.introspect;

import dev.stepwise.dialect.SchemaIntrospector;
import dev.stepwise.schema.Column;
import dev.stepwise.schema.ColumnRef;
import dev.stepwise.schema.Constraint;
import dev.stepwise.schema.Index;
import dev.stepwise.schema.Nullability;
import dev.stepwise.schema.ObjectName;
import dev.stepwise.schema.Routine;
import dev.stepwise.schema.SchemaModel;
import dev.stepwise.schema.Table;
import dev.stepwise.schema.Trigger;
import dev.stepwise.schema.View;
import dev.stepwise.testing.TestDatabase;
import dev.stepwise.testing.TestPostgres;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The catalog read into the schema model: every object kind, in a fixed number of queries. */
class PostgresIntrospectorTest {

    private static final String SHOP = """
            CREATE SCHEMA "Sales";
            CREATE EXTENSION pg_trgm;
            CREATE TYPE status AS ENUM ('new', 'paid', 'shipped');
            CREATE DOMAIN positive_money AS numeric(12, 2) NOT NULL DEFAULT 0 CONSTRAINT positive CHECK (VALUE >= 0);
            CREATE SEQUENCE invoice_no AS integer START 1000 INCREMENT 10 CACHE 5 CYCLE;
            CREATE TABLE customers (
                id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                email text COLLATE "C" NOT NULL,
                name text
            );
            CREATE TABLE "Sales"."Orders" (
                id bigserial PRIMARY KEY,
                customer_id bigint NOT NULL REFERENCES customers (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
                total positive_money,
                state status NOT NULL DEFAULT 'new',
                total_cents bigint GENERATED ALWAYS AS ((total * 100)::bigint) STORED,
                CONSTRAINT one_per_state UNIQUE (customer_id, state)
            );
            ALTER TABLE "Sales"."Orders" ADD CONSTRAINT total_sane CHECK (total < 1000000) NOT VALID;
            CREATE INDEX orders_open ON "Sales"."Orders" (customer_id) INCLUDE (total) WHERE state <> 'shipped';
            CREATE INDEX customers_lower_email ON customers (lower(email) DESC NULLS LAST);
            CREATE INDEX customers_name_trgm ON customers USING gin (name gin_trgm_ops);
            CREATE TABLE events (id bigint NOT NULL, at date NOT NULL, PRIMARY KEY (id, at)) PARTITION BY RANGE (at);
            CREATE TABLE events_2026 PARTITION OF events FOR VALUES FROM ('2026-01-01') TO ('2027-01-01');
            CREATE VIEW open_orders AS SELECT id, customer_id FROM "Sales"."Orders" WHERE state <> 'shipped';
            CREATE MATERIALIZED VIEW order_totals AS SELECT customer_id, sum(total) AS total FROM "Sales"."Orders" GROUP BY 1;
            CREATE UNIQUE INDEX order_totals_customer ON order_totals (customer_id);
            CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
            CREATE PROCEDURE archive(before date) LANGUAGE sql AS $$ DELETE FROM events WHERE at < before $$;
            CREATE TRIGGER orders_touch BEFORE UPDATE ON "Sales"."Orders" FOR EACH ROW EXECUTE FUNCTION touch();
            CREATE TRIGGER events_touch BEFORE UPDATE ON events FOR EACH ROW EXECUTE FUNCTION touch();
            COMMENT ON TABLE customers IS 'who buys';
            COMMENT ON COLUMN customers.email IS 'unique per customer';
            CREATE TYPE point3 AS (x float8, y float8, z float8);
            ALTER TABLE customers ENABLE ROW LEVEL SECURITY;
            CREATE POLICY own ON customers USING (true);
            CREATE TABLE stepwise_version (revision text PRIMARY KEY);
            """;

    private static final SchemaIntrospector.Scope SCOPE =
            new SchemaIntrospector.Scope(List.of(), List.of("public.stepwise_version"));

    private static SchemaModel introspect(TestDatabase db) throws SQLException {
        try (Connection c = db.connect()) {
            return new PostgresIntrospector().introspect(c, SCOPE);
        }
    }

    private static TestDatabase shop() {
        TestDatabase db = TestPostgres.server().newDatabase();
        db.execute(SHOP);
        return db;
    }

    @Test
    void everyModelledKind_isRead_asPostgresReportsIt() throws SQLException {
        SchemaModel model = introspect(shop());

        assertThat(model.schemas()).containsExactly("Sales", "public");
        assertThat(model.extensions()).extracting(e -> e.name()).contains("pg_trgm", "plpgsql");
        assertThat(model.enums()).singleElement().satisfies(e ->
                assertThat(e.labels()).containsExactly("new", "paid", "shipped"));
        assertThat(model.domains()).singleElement().satisfies(d -> {
            assertThat(d.baseType()).isEqualTo("numeric(12,2)");
            assertThat(d.nullability()).isEqualTo(Nullability.NOT_NULL);
            assertThat(d.defaultValue()).isEqualTo("0");
            assertThat(d.checks()).singleElement().satisfies(k -> assertThat(k.definition())
                    .isEqualTo("CHECK ((VALUE >= (0)::numeric))"));
        });
        assertThat(model.sequences()).extracting(s -> s.name().name()).containsExactly("Orders_id_seq", "invoice_no");
        assertThat(model.sequences().get(1)).satisfies(s -> {
            assertThat(s.dataType()).isEqualTo("integer");
            assertThat(s.start()).isEqualTo(1000);
            assertThat(s.increment()).isEqualTo(10);
            assertThat(s.cache()).isEqualTo(5);
            assertThat(s.ownedBy()).isNull();
        });
        assertThat(model.sequences().get(0).ownedBy())
                .isEqualTo(new ColumnRef(new ObjectName("Sales", "Orders"), "id"));

        Table orders = model.table(new ObjectName("Sales", "Orders")).orElseThrow();
        assertThat(orders.columns()).extracting(Column::name)
                .containsExactly("id", "customer_id", "total", "state", "total_cents");
        assertThat(orders.column("id").orElseThrow().defaultValue())
                .isEqualTo("nextval('\"Sales\".\"Orders_id_seq\"'::regclass)");
        assertThat(orders.column("total").orElseThrow().type()).isEqualTo("public.positive_money");
        assertThat(orders.column("state").orElseThrow().defaultValue()).isEqualTo("'new'::public.status");
        assertThat(orders.column("total_cents").orElseThrow().generated()).isEqualTo("(((total)::numeric * (100)::numeric))::bigint");
        assertThat(orders.constraints()).extracting(Constraint::name)
                .containsExactly("Orders_customer_id_fkey", "Orders_pkey", "one_per_state", "total_sane");
        assertThat(orders.constraints().get(0)).satisfies(fk -> {
            assertThat(fk.kind()).isEqualTo(Constraint.Kind.FOREIGN_KEY);
            assertThat(fk.deferral()).isEqualTo(Constraint.Deferral.DEFERRABLE_DEFERRED);
            assertThat(fk.foreignKey().references()).isEqualTo(new ObjectName("public", "customers"));
            assertThat(fk.foreignKey().onDelete()).isEqualTo("CASCADE");
            assertThat(fk.foreignKey().onUpdate()).isEqualTo("NO ACTION");
        });
        assertThat(orders.constraints().get(3).validation()).isEqualTo(Constraint.Validation.NOT_VALID);
        assertThat(orders.indexes()).extracting(Index::name).containsExactly("Orders_pkey", "one_per_state",
                "orders_open");
        assertThat(orders.indexes().get(0).constraint()).isEqualTo("Orders_pkey");
        assertThat(orders.indexes().get(2)).satisfies(i -> {
            assertThat(i.definition()).contains("INCLUDE (total)").contains("WHERE (state <> 'shipped'::public.status)");
            assertThat(i.predicate()).isEqualTo("(state <> 'shipped'::public.status)");
        });

        Table customers = model.table(new ObjectName("public", "customers")).orElseThrow();
        assertThat(customers.column("id").orElseThrow().identity()).isEqualTo(Column.Identity.ALWAYS);
        assertThat(customers.column("email").orElseThrow().collation()).isEqualTo("C");
        assertThat(customers.indexes()).extracting(Index::definition).anySatisfy(d -> assertThat(d)
                .contains("USING gin (name public.gin_trgm_ops)")).anySatisfy(d -> assertThat(d)
                .contains("(lower(email) DESC NULLS LAST)"));

        Table events = model.table(new ObjectName("public", "events")).orElseThrow();
        Table partition = model.table(new ObjectName("public", "events_2026")).orElseThrow();
        assertThat(events.partitioning().key()).isEqualTo("RANGE (at)");
        assertThat(partition.partitioning().parent()).isEqualTo(events.name());
        assertThat(partition.partitioning().bound()).isEqualTo("FOR VALUES FROM ('2026-01-01') TO ('2027-01-01')");
        // what the partition inherits is the parent's, not listed twice
        assertThat(partition.constraints()).isEmpty();
        assertThat(partition.indexes()).isEmpty();

        assertThat(model.views()).extracting(View::kind).containsExactly(View.Kind.VIEW, View.Kind.MATERIALIZED);
        assertThat(model.views().get(1).indexes()).extracting(Index::name).containsExactly("order_totals_customer");
        assertThat(model.views().get(0).columns()).containsExactly("id", "customer_id");
        assertThat(model.routines()).extracting(Routine::signature)
                .containsExactly("public.archive(IN before date)", "public.touch()");
        assertThat(model.routines().get(0).kind()).isEqualTo(Routine.Kind.PROCEDURE);
        assertThat(model.triggers()).extracting(Trigger::name).containsExactly("orders_touch", "events_touch");
        assertThat(model.comments()).extracting(c -> c.objectKind() + " " + c.identity() + ": " + c.text())
                .containsExactly("schema public: standard public schema", "table public.customers: who buys",
                        "table column public.customers.email: unique per customer");
        assertThat(model.unmodelled()).extracting(u -> u.kind() + " " + u.identity())
                .containsExactly("composite type public.point3", "policy own on public.customers",
                        "row level security public.customers");
        // the version table is Stepwise's own
        assertThat(model.table(new ObjectName("public", "stepwise_version"))).isEmpty();
    }

    @Test
    void commentsInASchemaWhoseNameMustBeQuoted_areRead() throws SQLException {
        TestDatabase db = TestPostgres.server().newDatabase();
        db.execute("""
                CREATE SCHEMA "Sales Dept";
                CREATE TABLE "Sales Dept"."Order Items" (id int, "Note" text);
                COMMENT ON TABLE "Sales Dept"."Order Items" IS 'what was bought';
                COMMENT ON COLUMN "Sales Dept"."Order Items"."Note" IS 'free text';
                """);

        assertThat(introspect(db).comments()).extracting(c -> c.objectKind() + " " + c.names() + ": " + c.text())
                .containsExactly("schema [public]: standard public schema", "table [Sales Dept, Order Items]: what was bought",
                        "table column [Sales Dept, Order Items, Note]: free text");
    }

    @Test
    void namesComeOutSchemaQualified_whateverTheSearchPath() throws SQLException {
        TestDatabase db = shop();
        SchemaModel usual = introspect(db);
        db.execute("ALTER DATABASE " + db.name() + " SET search_path = \"Sales\", public");
        assertThat(introspect(db)).isEqualTo(usual);
    }

    @Test
    void theSameSqlOnTwoDatabases_givesEqualModels() throws SQLException {
        assertThat(introspect(shop())).isEqualTo(introspect(shop()));
    }

    @Test
    void theNumberOfQueries_doesNotGrowWithTheNumberOfTables() throws SQLException {
        TestDatabase small = shop();
        TestDatabase large = shop();
        StringBuilder many = new StringBuilder();
        for (int i = 0; i < 200; i++) {
            many.append("CREATE TABLE t").append(i).append(" (id bigint PRIMARY KEY, parent bigint REFERENCES t")
                    .append(i == 0 ? 0 : i - 1).append(i == 0 ? " (id), v text);\n" : " (id), v text);\n")
                    .append("CREATE INDEX ON t").append(i).append(" (v);\n");
        }
        large.execute(many.toString().replaceFirst("REFERENCES t0 \\(id\\)", ""));

        assertThat(queriesSentBy(small)).isEqualTo(PostgresIntrospector.QUERIES);
        assertThat(queriesSentBy(large)).isEqualTo(PostgresIntrospector.QUERIES);
        assertThat(introspect(large).tables()).hasSize(204);
    }

    /** The server's own count of the catalog queries one introspection sent to this database. */
    private static long queriesSentBy(TestDatabase db) throws SQLException {
        db.execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
        String count = "SELECT coalesce(sum(calls), 0)::text FROM pg_stat_statements WHERE dbid ="
                + " (SELECT oid FROM pg_database WHERE datname = current_database()) AND query LIKE 'WITH scope AS%'";
        long before = Long.parseLong(db.value(count));
        introspect(db);
        return Long.parseLong(db.value(count)) - before;
    }
}
