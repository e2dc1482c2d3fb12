package dev.stepwise.postgres.diff;

import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/** Round trips that turn on names: reserved words, unicode, quotes inside names, 63-byte names, several schemas. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class NameAndSchemaDiffCasesTest {

    /** 63 bytes, PostgreSQL's longest name. */
    private static final String LONG = "t".repeat(60) + "abc";

    @Test
    void tables_and_columns_named_with_reserved_words_change() {
        RoundTrip.between("""
                CREATE TABLE "user" (id int PRIMARY KEY, "select" text, "order" int);
                INSERT INTO "user" VALUES (1, 'a', 1);
                """, """
                CREATE TABLE "user" (id int PRIMARY KEY, "select" varchar(50) NOT NULL DEFAULT 'x', "group" int,
                    CONSTRAINT "check" CHECK ("select" <> ''));
                CREATE INDEX "where" ON "user" ("select");
                """).holds();
    }

    @Test
    void unicode_names_change() {
        RoundTrip.between("""
                CREATE TABLE "Straße" (id int PRIMARY KEY, "Größe" int);
                INSERT INTO "Straße" VALUES (1, 2);
                """, """
                CREATE TABLE "Straße" (id int PRIMARY KEY, "Größe" bigint NOT NULL, "名前" text,
                    CONSTRAINT "Größe_positiv" CHECK ("Größe" > 0));
                CREATE INDEX "Straße_名前" ON "Straße" ("名前");
                """).holds();
    }

    @Test
    void names_with_a_double_quote_inside_change() {
        RoundTrip.between("""
                CREATE TABLE "say ""hi""\" (id int PRIMARY KEY, "a""b" text);
                INSERT INTO "say ""hi""\" VALUES (1, 'x');
                """, """
                CREATE TABLE "say ""hi""\" (id int PRIMARY KEY, "a""b" text NOT NULL, "c""\" int DEFAULT 1);
                CREATE INDEX "idx ""a""\" ON "say ""hi""\" ("a""b");
                ALTER TABLE "say ""hi""\" ADD CONSTRAINT "uq ""c""\" UNIQUE ("c""\");
                """).holds();
    }

    @Test
    void a_table_with_a_63_byte_name_gets_NOT_NULL_through_a_check_of_a_derived_name() {
        String long63Column = "c".repeat(63);
        RoundTrip.between("CREATE TABLE " + LONG + " (id int PRIMARY KEY, " + long63Column + " int);"
                        + "INSERT INTO " + LONG + " VALUES (1, 1);",
                "CREATE TABLE " + LONG + " (id int PRIMARY KEY, " + long63Column + " int NOT NULL);"
                        + "CREATE INDEX " + "i".repeat(63) + " ON " + LONG + " (" + long63Column + ");").holds();
    }

    @Test
    void mixed_case_tables_and_columns_change_type_and_constraints() {
        RoundTrip.between("""
                CREATE TABLE "Orders" ("OrderId" int PRIMARY KEY, "CustomerName" varchar(20), "Total" int);
                INSERT INTO "Orders" VALUES (1, 'A', 2);
                """, """
                CREATE TABLE "Orders" ("OrderId" bigint PRIMARY KEY, "CustomerName" varchar(80) COLLATE "C",
                    "Total" numeric(10, 2) CONSTRAINT "Total_NonNegative" CHECK ("Total" >= 0));
                CREATE INDEX "Orders_CustomerName" ON "Orders" ("CustomerName" DESC);
                """).holds();
    }

    @Test
    void tables_in_three_schemas_get_cross_schema_foreign_keys() {
        String schemas = """
                CREATE SCHEMA sales;
                CREATE SCHEMA "Billing";
                CREATE SCHEMA shipping;
                CREATE TABLE sales.customers (id int PRIMARY KEY);
                CREATE TABLE "Billing"."Invoices" (id int PRIMARY KEY, customer_id int);
                CREATE TABLE shipping.parcels (id int PRIMARY KEY, invoice_id int, customer_id int);
                INSERT INTO sales.customers VALUES (1);
                INSERT INTO "Billing"."Invoices" VALUES (1, 1);
                INSERT INTO shipping.parcels VALUES (1, 1, 1);
                """;
        RoundTrip.between(schemas, schemas + """
                ALTER TABLE "Billing"."Invoices" ADD FOREIGN KEY (customer_id) REFERENCES sales.customers (id);
                ALTER TABLE shipping.parcels ADD FOREIGN KEY (invoice_id) REFERENCES "Billing"."Invoices" (id);
                ALTER TABLE shipping.parcels ADD FOREIGN KEY (customer_id) REFERENCES sales.customers (id)
                    ON DELETE CASCADE;
                """).holds();
    }

    @Test
    void a_schema_is_dropped_with_its_tables_that_another_schema_references() {
        RoundTrip.between("""
                CREATE SCHEMA archive;
                CREATE TABLE archive.years (y int PRIMARY KEY);
                CREATE TABLE archive.entries (id int PRIMARY KEY, y int REFERENCES archive.years);
                CREATE TABLE public.reports (id int PRIMARY KEY, y int REFERENCES archive.years);
                """, """
                CREATE TABLE public.reports (id int PRIMARY KEY, y int);
                """).holds();
    }

    @Test
    void tables_of_one_name_in_two_schemas_change_apart() {
        RoundTrip.between("""
                CREATE SCHEMA a;
                CREATE SCHEMA b;
                CREATE TABLE a.items (id int PRIMARY KEY, v text);
                CREATE TABLE b.items (id int PRIMARY KEY, v text);
                CREATE INDEX items_v ON a.items (v);
                CREATE INDEX items_v ON b.items (v);
                """, """
                CREATE SCHEMA a;
                CREATE SCHEMA b;
                CREATE TABLE a.items (id int PRIMARY KEY, v varchar(10));
                CREATE TABLE b.items (id int PRIMARY KEY, v text, w int);
                CREATE INDEX items_v ON a.items (v);
                CREATE INDEX items_v ON b.items (v DESC);
                """).holds();
    }

    @Test
    void a_table_moved_to_another_schema_is_dropped_there_and_made_here() {
        RoundTrip.between("""
                CREATE SCHEMA old;
                CREATE TABLE old.things (id int PRIMARY KEY, name text);
                """, """
                CREATE SCHEMA new;
                CREATE TABLE new.things (id int PRIMARY KEY, name text);
                """).holds();
    }

    @Test
    void a_quoted_mixed_case_partitioned_table_gets_a_partition_and_an_index() {
        String table = """
                CREATE SCHEMA "Metrics";
                CREATE TABLE "Metrics"."Samples" ("At" date NOT NULL, "Value" float8) PARTITION BY RANGE ("At");
                CREATE TABLE "Metrics"."Samples 2026" PARTITION OF "Metrics"."Samples"
                    FOR VALUES FROM ('2026-01-01') TO ('2027-01-01');
                """;
        RoundTrip.between(table, table + """
                CREATE TABLE "Metrics"."Samples 2027" PARTITION OF "Metrics"."Samples"
                    FOR VALUES FROM ('2027-01-01') TO ('2028-01-01');
                CREATE INDEX "Samples By Value" ON "Metrics"."Samples" ("Value");
                """).holds();
    }
}
