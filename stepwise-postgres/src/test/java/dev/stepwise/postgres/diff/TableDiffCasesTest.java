package dev.stepwise.postgres.diff;

import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/** Round trips of tables and their columns: types, collations, defaults, nullability, identity, generated columns. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class TableDiffCasesTest {

    @Test
    void a_varchar_is_widened() {
        RoundTrip.between("""
                CREATE TABLE people (id int PRIMARY KEY, name varchar(20) NOT NULL);
                INSERT INTO people VALUES (1, 'Ada');
                """, """
                CREATE TABLE people (id int PRIMARY KEY, name varchar(200) NOT NULL);
                """).holds();
    }

    @Test
    void a_varchar_is_narrowed_while_its_values_fit() {
        RoundTrip.between("""
                CREATE TABLE people (id int PRIMARY KEY, code varchar(64));
                INSERT INTO people VALUES (1, 'ab');
                """, """
                CREATE TABLE people (id int PRIMARY KEY, code varchar(8));
                """).holds();
    }

    @Test
    void an_integer_key_becomes_bigint_with_its_index_and_the_foreign_key_that_points_at_it() {
        RoundTrip.between("""
                CREATE TABLE customers (id int PRIMARY KEY);
                CREATE TABLE orders (id int PRIMARY KEY, customer_id int REFERENCES customers (id));
                CREATE INDEX orders_customer ON orders (customer_id);
                INSERT INTO customers VALUES (1);
                INSERT INTO orders VALUES (1, 1);
                """, """
                CREATE TABLE customers (id bigint PRIMARY KEY);
                CREATE TABLE orders (id int PRIMARY KEY, customer_id bigint REFERENCES customers (id));
                CREATE INDEX orders_customer ON orders (customer_id);
                """).holds();
    }

    @Test
    void text_holding_numbers_becomes_integer() {
        RoundTrip.between("""
                CREATE TABLE readings (id int PRIMARY KEY, value text);
                INSERT INTO readings VALUES (1, '42');
                """, """
                CREATE TABLE readings (id int PRIMARY KEY, value integer);
                """).holds();
    }

    @Test
    void a_varchar_with_a_default_becomes_text_and_its_default_is_recast() {
        RoundTrip.between("""
                CREATE TABLE tickets (id int PRIMARY KEY, status varchar(10) NOT NULL DEFAULT 'new');
                INSERT INTO tickets VALUES (1);
                """, """
                CREATE TABLE tickets (id int PRIMARY KEY, status text NOT NULL DEFAULT 'new');
                """).holds();
    }

    @Test
    void an_integer_with_a_default_becomes_text_and_keeps_a_default_that_cannot_be_cast_automatically() {
        RoundTrip.between("""
                CREATE TABLE counters (id int PRIMARY KEY, hits integer NOT NULL DEFAULT 0);
                INSERT INTO counters VALUES (1, 7);
                """, """
                CREATE TABLE counters (id int PRIMARY KEY, hits text NOT NULL DEFAULT '0');
                """).holds();
    }

    @Test
    void a_default_of_now_becomes_CURRENT_TIMESTAMP() {
        RoundTrip.between("""
                CREATE TABLE audit (id int PRIMARY KEY, at timestamptz NOT NULL DEFAULT now());
                """, """
                CREATE TABLE audit (id int PRIMARY KEY, at timestamptz NOT NULL DEFAULT CURRENT_TIMESTAMP);
                """).holds();
    }

    @Test
    void defaults_with_casts_change_interval_numeric_and_date_defaults() {
        RoundTrip.between("""
                CREATE TABLE plans (id int PRIMARY KEY, period interval DEFAULT '1 day', price numeric(8, 2) DEFAULT 0,
                    starts date DEFAULT '2026-01-01');
                """, """
                CREATE TABLE plans (id int PRIMARY KEY, period interval DEFAULT '1 mon'::interval,
                    price numeric(8, 2) DEFAULT 9.99, starts date DEFAULT (CURRENT_DATE + 1));
                """).holds();
    }

    @Test
    void columns_get_the_collations_C_and_POSIX_and_one_loses_its_collation() {
        RoundTrip.between("""
                CREATE TABLE words (id int PRIMARY KEY, a text, b varchar(10), c text COLLATE "C");
                INSERT INTO words VALUES (1, 'x', 'y', 'z');
                """, """
                CREATE TABLE words (id int PRIMARY KEY, a text COLLATE "C", b varchar(10) COLLATE "POSIX", c text);
                """).holds();
    }

    @Test
    void a_generated_column_is_added_and_another_changes_its_expression() {
        RoundTrip.between("""
                CREATE TABLE lines (id int PRIMARY KEY, price numeric(10, 2) NOT NULL, qty int NOT NULL,
                    total numeric GENERATED ALWAYS AS (price * qty) STORED);
                INSERT INTO lines VALUES (1, 2.50, 4);
                """, """
                CREATE TABLE lines (id int PRIMARY KEY, price numeric(10, 2) NOT NULL, qty int NOT NULL,
                    total numeric GENERATED ALWAYS AS (price * qty * 1.2) STORED,
                    doubled int GENERATED ALWAYS AS (qty * 2) STORED);
                """).holds();
    }

    @Test
    void a_generated_column_becomes_a_plain_column_with_a_default_and_keeps_its_index() {
        RoundTrip.between("""
                CREATE TABLE lines (id int PRIMARY KEY, qty int NOT NULL, doubled int GENERATED ALWAYS AS (qty * 2) STORED);
                CREATE INDEX lines_doubled ON lines (doubled);
                INSERT INTO lines VALUES (1, 4);
                """, """
                CREATE TABLE lines (id int PRIMARY KEY, qty int NOT NULL, doubled int DEFAULT 0);
                CREATE INDEX lines_doubled ON lines (doubled);
                """).holds();
    }

    @Test
    void a_column_is_dropped_with_the_generated_column_that_reads_it() {
        RoundTrip.between("""
                CREATE TABLE lines (id int PRIMARY KEY, qty int, doubled int GENERATED ALWAYS AS (qty * 2) STORED);
                INSERT INTO lines VALUES (1, 4);
                """, """
                CREATE TABLE lines (id int PRIMARY KEY);
                """).holds();
    }

    @Test
    void an_identity_ALWAYS_becomes_BY_DEFAULT_while_a_foreign_key_references_it() {
        RoundTrip.between("""
                CREATE TABLE accounts (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, name text);
                CREATE TABLE logins (id bigint PRIMARY KEY, account_id bigint REFERENCES accounts (id));
                INSERT INTO accounts (name) VALUES ('a');
                INSERT INTO logins VALUES (1, 1);
                """, """
                CREATE TABLE accounts (id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY, name text);
                CREATE TABLE logins (id bigint PRIMARY KEY, account_id bigint REFERENCES accounts (id));
                """).holds();
    }

    @Test
    void a_plain_key_becomes_an_identity_column_and_keeps_its_values() {
        RoundTrip.between("""
                CREATE TABLE accounts (id bigint NOT NULL PRIMARY KEY, name text);
                INSERT INTO accounts VALUES (10, 'a');
                """, """
                CREATE TABLE accounts (id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY, name text);
                """).holds();
    }

    @Test
    void an_identity_column_becomes_a_plain_column_with_a_default() {
        RoundTrip.between("""
                CREATE TABLE accounts (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, name text);
                INSERT INTO accounts (name) VALUES ('a');
                """, """
                CREATE TABLE accounts (id bigint NOT NULL DEFAULT 0 PRIMARY KEY, name text);
                """).holds();
    }

    @Test
    void array_and_jsonb_columns_are_added_and_changed() {
        RoundTrip.between("""
                CREATE TABLE docs (id int PRIMARY KEY, tags text[], body json);
                INSERT INTO docs VALUES (1, '{a,b}', '{"k": 1}');
                """, """
                CREATE TABLE docs (id int PRIMARY KEY, tags varchar(20)[] NOT NULL DEFAULT '{}', body jsonb,
                    scores integer[][], meta jsonb NOT NULL DEFAULT '{}'::jsonb);
                """).holds();
    }

    @Test
    void a_column_becomes_NOT_NULL_and_gets_a_default_at_once() {
        RoundTrip.between("""
                CREATE TABLE tasks (id int PRIMARY KEY, priority int);
                INSERT INTO tasks VALUES (1, 3);
                """, """
                CREATE TABLE tasks (id int PRIMARY KEY, priority int NOT NULL DEFAULT 1);
                """).holds();
    }

    @Test
    void a_timestamp_becomes_timestamptz_and_a_numeric_gains_precision_under_a_check() {
        RoundTrip.between("""
                CREATE TABLE payments (id int PRIMARY KEY, paid_at timestamp, amount numeric(10, 2) CHECK (amount > 0));
                INSERT INTO payments VALUES (1, '2026-01-01 10:00', 5);
                """, """
                CREATE TABLE payments (id int PRIMARY KEY, paid_at timestamptz, amount numeric(12, 4) CHECK (amount > 0));
                """).holds();
    }

    @Test
    void a_varchar_under_a_check_becomes_text_and_the_check_is_reworded_by_PostgreSQL() {
        RoundTrip.between("""
                CREATE TABLE skus (id int PRIMARY KEY, code varchar(12) CONSTRAINT code_not_blank CHECK (length(code) > 0));
                INSERT INTO skus VALUES (1, 'A1');
                """, """
                CREATE TABLE skus (id int PRIMARY KEY, code text CONSTRAINT code_not_blank CHECK (length(code) > 0));
                """).holds();
    }

    @Test
    void a_renamed_table_is_one_table_dropped_and_another_made() {
        RoundTrip.between("""
                CREATE TABLE old_name (id int PRIMARY KEY, v text);
                """, """
                CREATE TABLE new_name (id int PRIMARY KEY, v text);
                """).holds();
    }

    @Test
    void a_table_without_columns_gets_one() {
        RoundTrip.between("""
                CREATE TABLE placeholder ();
                """, """
                CREATE TABLE placeholder (id int);
                """).holds();
    }

    @Test
    void columns_in_another_order_are_noted_and_left_as_they_are() {
        RoundTrip.between("""
                CREATE TABLE pairs (a int, b text, c date);
                """, """
                CREATE TABLE pairs (b text, a int, c date);
                """).expectingNote("in another order").comparing(RoundTrip.Comparison.APART_FROM_COLUMN_ORDER).holds();
    }
}
