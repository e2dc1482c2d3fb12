package dev.stepwise.postgres.diff;

import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/**
 * Round trips of enum types, domains and sequences, and of the columns that use them. The cases
 * where the types themselves change wait for the diff to cover those kinds; columns moving to a
 * type both schemas share are table changes and run now.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class TypeDiffCasesTest {

    private static final String MOOD = "CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy');\n";

    private static final String EMAIL = """
            CREATE DOMAIN email AS text CHECK (VALUE LIKE '%@%');
            """;

    @Test
    void a_text_column_moves_to_an_enum_both_schemas_have() {
        RoundTrip.between(MOOD + """
                CREATE TABLE people (id int PRIMARY KEY, feeling text);
                INSERT INTO people VALUES (1, 'ok');
                """, MOOD + """
                CREATE TABLE people (id int PRIMARY KEY, feeling mood);
                """).holds();
    }

    @Test
    void a_text_column_moves_to_a_domain_both_schemas_have() {
        RoundTrip.between(EMAIL + """
                CREATE TABLE users (id int PRIMARY KEY, address text);
                INSERT INTO users VALUES (1, 'a@x');
                """, EMAIL + """
                CREATE TABLE users (id int PRIMARY KEY, address email NOT NULL);
                """).holds();
    }

    @Test
    void a_column_of_an_enum_in_a_mixed_case_schema_gets_a_default() {
        String type = """
                CREATE SCHEMA "Types";
                CREATE TYPE "Types"."Level" AS ENUM ('low', 'high');
                """;
        RoundTrip.between(type + "CREATE TABLE alerts (id int PRIMARY KEY, level \"Types\".\"Level\");", type
                + "CREATE TABLE alerts (id int PRIMARY KEY, level \"Types\".\"Level\" NOT NULL DEFAULT 'low');")
                .holds();
    }

    @Test
    void an_enum_gets_a_value_at_its_end() {
        RoundTrip.between(MOOD + "CREATE TABLE people (id int PRIMARY KEY, feeling mood);",
                "CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy', 'ecstatic');\n"
                        + "CREATE TABLE people (id int PRIMARY KEY, feeling mood);").holds();
    }

    @Test
    void an_enum_gets_a_value_in_its_middle() {
        RoundTrip.between(MOOD + "CREATE TABLE people (id int PRIMARY KEY, feeling mood DEFAULT 'ok');",
                "CREATE TYPE mood AS ENUM ('sad', 'meh', 'ok', 'happy');\n"
                        + "CREATE TABLE people (id int PRIMARY KEY, feeling mood DEFAULT 'ok');").holds();
    }

    @Test
    void an_enum_used_by_a_column_has_its_values_reordered() {
        RoundTrip.between(MOOD + """
                CREATE TABLE people (id int PRIMARY KEY, feeling mood);
                INSERT INTO people VALUES (1, 'happy');
                """, """
                CREATE TYPE mood AS ENUM ('happy', 'ok', 'sad');
                CREATE TABLE people (id int PRIMARY KEY, feeling mood);
                """).holds();
    }

    @Test
    void an_enum_used_by_a_column_loses_a_value_no_row_holds() {
        RoundTrip.between(MOOD + """
                CREATE TABLE people (id int PRIMARY KEY, feeling mood DEFAULT 'ok');
                CREATE INDEX people_feeling ON people (feeling);
                INSERT INTO people VALUES (1, 'happy');
                """, """
                CREATE TYPE mood AS ENUM ('ok', 'happy');
                CREATE TABLE people (id int PRIMARY KEY, feeling mood DEFAULT 'ok');
                CREATE INDEX people_feeling ON people (feeling);
                """).holds();
    }

    @Test
    void a_new_enum_is_used_by_a_new_column() {
        RoundTrip.between("CREATE TABLE people (id int PRIMARY KEY);", MOOD
                + "CREATE TABLE people (id int PRIMARY KEY, feeling mood NOT NULL DEFAULT 'ok');").holds();
    }

    @Test
    void a_domain_used_by_a_column_gets_another_check_and_a_default() {
        RoundTrip.between(EMAIL + "CREATE TABLE users (id int PRIMARY KEY, address email);", """
                CREATE DOMAIN email AS text DEFAULT 'nobody@example.com' CHECK (VALUE LIKE '%@%')
                    CONSTRAINT email_short CHECK (length(VALUE) < 255);
                CREATE TABLE users (id int PRIMARY KEY, address email);
                """).holds();
    }

    @Test
    void a_domain_becomes_NOT_NULL_with_a_collation() {
        RoundTrip.between("CREATE DOMAIN code AS text;\nCREATE TABLE items (id int PRIMARY KEY, c code);",
                "CREATE DOMAIN code AS text COLLATE \"C\" NOT NULL;\nCREATE TABLE items (id int PRIMARY KEY, c code);")
                .holds();
    }

    @Test
    void a_new_domain_is_used_by_a_new_table() {
        RoundTrip.between("", EMAIL + "CREATE TABLE users (id int PRIMARY KEY, address email NOT NULL);").holds();
    }

    @Test
    void a_sequence_changes_its_increment_cache_bounds_and_cycle() {
        RoundTrip.between("CREATE SEQUENCE tickets START 100;", """
                CREATE SEQUENCE tickets AS integer START 100 INCREMENT 5 MINVALUE 100 MAXVALUE 100000 CACHE 10 CYCLE;
                """).holds();
    }

    @Test
    void a_sequence_becomes_owned_by_the_column_whose_default_it_feeds() {
        RoundTrip.between("""
                CREATE SEQUENCE invoice_no;
                CREATE TABLE invoices (id int PRIMARY KEY, no bigint NOT NULL DEFAULT nextval('invoice_no'));
                """, """
                CREATE SEQUENCE invoice_no;
                CREATE TABLE invoices (id int PRIMARY KEY, no bigint NOT NULL DEFAULT nextval('invoice_no'));
                ALTER SEQUENCE invoice_no OWNED BY invoices.no;
                """).holds();
    }

    @Test
    void a_serial_key_becomes_an_identity_column() {
        RoundTrip.between("""
                CREATE TABLE accounts (id serial PRIMARY KEY, name text);
                INSERT INTO accounts (name) VALUES ('a');
                """, """
                CREATE TABLE accounts (id integer GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY, name text);
                """).holds();
    }

    @Test
    void a_new_table_with_a_bigserial_key_in_a_new_schema() {
        RoundTrip.between("", """
                CREATE SCHEMA ledger;
                CREATE TABLE ledger.entries (id bigserial PRIMARY KEY, amount numeric(12, 2) NOT NULL);
                """).holds();
    }
}
