package dev.stepwise.postgres.diff;

import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/** Round trips of constraints: primary keys, unique, foreign keys with their actions and deferral, checks, exclusions. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ConstraintDiffCasesTest {

    private static final String PARENT = """
            CREATE TABLE parents (tenant int NOT NULL, id int NOT NULL, PRIMARY KEY (tenant, id));
            INSERT INTO parents VALUES (1, 1);
            """;

    @Test
    void a_check_that_calls_a_function_is_added_to_a_table_with_rows() {
        String function = """
                CREATE FUNCTION is_sku(v text) RETURNS boolean LANGUAGE sql IMMUTABLE AS $$ SELECT v ~ '^[A-Z][0-9]+$' $$;
                """;
        RoundTrip.between(function + """
                CREATE TABLE items (id int PRIMARY KEY, sku text);
                INSERT INTO items VALUES (1, 'A1');
                """, function + """
                CREATE TABLE items (id int PRIMARY KEY, sku text CONSTRAINT sku_shape CHECK (is_sku(sku) AND sku = upper(sku)));
                """).holds();
    }

    @Test
    void a_foreign_key_gets_ON_DELETE_SET_NULL_of_one_of_its_columns() {
        RoundTrip.between(PARENT + """
                CREATE TABLE children (id int PRIMARY KEY, tenant int NOT NULL, parent_id int,
                    CONSTRAINT children_parent FOREIGN KEY (tenant, parent_id) REFERENCES parents (tenant, id));
                INSERT INTO children VALUES (1, 1, 1);
                """, PARENT + """
                CREATE TABLE children (id int PRIMARY KEY, tenant int NOT NULL, parent_id int,
                    CONSTRAINT children_parent FOREIGN KEY (tenant, parent_id) REFERENCES parents (tenant, id)
                        ON DELETE SET NULL (parent_id) ON UPDATE CASCADE);
                """).holds();
    }

    @Test
    void a_foreign_key_becomes_MATCH_FULL() {
        RoundTrip.between(PARENT + """
                CREATE TABLE children (id int PRIMARY KEY, tenant int, parent_id int,
                    CONSTRAINT children_parent FOREIGN KEY (tenant, parent_id) REFERENCES parents (tenant, id));
                """, PARENT + """
                CREATE TABLE children (id int PRIMARY KEY, tenant int, parent_id int,
                    CONSTRAINT children_parent FOREIGN KEY (tenant, parent_id) REFERENCES parents (tenant, id) MATCH FULL);
                """).holds();
    }

    @Test
    void a_foreign_key_becomes_deferrable_and_another_initially_deferred() {
        RoundTrip.between(PARENT + """
                CREATE TABLE a (id int PRIMARY KEY, tenant int, p int, FOREIGN KEY (tenant, p) REFERENCES parents);
                CREATE TABLE b (id int PRIMARY KEY, tenant int, p int,
                    FOREIGN KEY (tenant, p) REFERENCES parents DEFERRABLE);
                """, PARENT + """
                CREATE TABLE a (id int PRIMARY KEY, tenant int, p int,
                    FOREIGN KEY (tenant, p) REFERENCES parents DEFERRABLE);
                CREATE TABLE b (id int PRIMARY KEY, tenant int, p int,
                    FOREIGN KEY (tenant, p) REFERENCES parents DEFERRABLE INITIALLY DEFERRED);
                """).holds();
    }

    @Test
    void a_unique_constraint_becomes_deferrable_on_a_table_with_rows() {
        RoundTrip.between("""
                CREATE TABLE slots (id int PRIMARY KEY, position int CONSTRAINT slots_position_key UNIQUE);
                INSERT INTO slots VALUES (1, 1), (2, 2);
                """, """
                CREATE TABLE slots (id int PRIMARY KEY,
                    position int CONSTRAINT slots_position_key UNIQUE DEFERRABLE INITIALLY DEFERRED);
                """).holds();
    }

    @Test
    void an_exclusion_constraint_with_btree_gist_is_added() {
        String extension = "CREATE EXTENSION btree_gist;\n";
        RoundTrip.between(extension + """
                CREATE TABLE bookings (id int PRIMARY KEY, room int NOT NULL, during tstzrange NOT NULL);
                INSERT INTO bookings VALUES (1, 1, '[2026-01-01, 2026-01-02)');
                """, extension + """
                CREATE TABLE bookings (id int PRIMARY KEY, room int NOT NULL, during tstzrange NOT NULL,
                    CONSTRAINT no_double_booking EXCLUDE USING gist (room WITH =, during WITH &&));
                """).holds();
    }

    @Test
    void an_exclusion_constraint_on_a_range_changes_its_predicate() {
        RoundTrip.between("""
                CREATE TABLE shifts (id int PRIMARY KEY, during int4range NOT NULL, active boolean NOT NULL DEFAULT true,
                    CONSTRAINT no_overlap EXCLUDE USING gist (during WITH &&));
                """, """
                CREATE TABLE shifts (id int PRIMARY KEY, during int4range NOT NULL, active boolean NOT NULL DEFAULT true,
                    CONSTRAINT no_overlap EXCLUDE USING gist (during WITH &&) WHERE (active) DEFERRABLE);
                """).holds();
    }

    @Test
    void a_composite_primary_key_gains_a_column() {
        RoundTrip.between("""
                CREATE TABLE memberships (org int NOT NULL, person int NOT NULL, since date NOT NULL DEFAULT '2026-01-01',
                    CONSTRAINT memberships_pkey PRIMARY KEY (org, person));
                INSERT INTO memberships VALUES (1, 1);
                """, """
                CREATE TABLE memberships (org int NOT NULL, person int NOT NULL, since date NOT NULL DEFAULT '2026-01-01',
                    CONSTRAINT memberships_pkey PRIMARY KEY (org, person, since));
                """).holds();
    }

    @Test
    void a_primary_key_that_a_foreign_key_references_is_renamed() {
        RoundTrip.between("""
                CREATE TABLE owners (id int CONSTRAINT owners_pkey PRIMARY KEY);
                CREATE TABLE pets (id int PRIMARY KEY, owner_id int REFERENCES owners (id));
                INSERT INTO owners VALUES (1);
                INSERT INTO pets VALUES (1, 1);
                """, """
                CREATE TABLE owners (id int CONSTRAINT owners_id_pk PRIMARY KEY);
                CREATE TABLE pets (id int PRIMARY KEY, owner_id int REFERENCES owners (id));
                """).holds();
    }

    @Test
    void a_primary_key_is_added_to_a_table_with_rows_and_a_nullable_column() {
        RoundTrip.between("""
                CREATE TABLE notes (id int, body text);
                INSERT INTO notes VALUES (1, 'a'), (2, 'b');
                """, """
                CREATE TABLE notes (id int PRIMARY KEY, body text);
                """).holds();
    }

    @Test
    void a_unique_constraint_treats_nulls_as_not_distinct() {
        RoundTrip.between("""
                CREATE TABLE handles (id int PRIMARY KEY, site text, handle text, CONSTRAINT handles_key UNIQUE (site, handle));
                INSERT INTO handles VALUES (1, NULL, 'a');
                """, """
                CREATE TABLE handles (id int PRIMARY KEY, site text, handle text,
                    CONSTRAINT handles_key UNIQUE NULLS NOT DISTINCT (site, handle));
                """).holds();
    }

    @Test
    void a_unique_constraint_gets_INCLUDE_columns() {
        RoundTrip.between("""
                CREATE TABLE products (id int PRIMARY KEY, code text, name text, CONSTRAINT products_code UNIQUE (code));
                INSERT INTO products VALUES (1, 'p', 'P');
                """, """
                CREATE TABLE products (id int PRIMARY KEY, code text, name text,
                    CONSTRAINT products_code UNIQUE (code) INCLUDE (name));
                """).holds();
    }

    @Test
    void circular_foreign_keys_are_dropped_and_made_again_together() {
        RoundTrip.between("""
                CREATE TABLE teams (id int PRIMARY KEY, lead_id int);
                CREATE TABLE people (id int PRIMARY KEY, team_id int REFERENCES teams (id));
                ALTER TABLE teams ADD CONSTRAINT teams_lead FOREIGN KEY (lead_id) REFERENCES people (id);
                CREATE TABLE keep (id int PRIMARY KEY);
                """, """
                CREATE TABLE keep (id int PRIMARY KEY);
                """).holds();
    }

    @Test
    void circular_foreign_keys_are_added_between_existing_tables_with_rows() {
        RoundTrip.between("""
                CREATE TABLE teams (id int PRIMARY KEY, lead_id int);
                CREATE TABLE people (id int PRIMARY KEY, team_id int);
                INSERT INTO teams VALUES (1, 1);
                INSERT INTO people VALUES (1, 1);
                """, """
                CREATE TABLE teams (id int PRIMARY KEY, lead_id int);
                CREATE TABLE people (id int PRIMARY KEY, team_id int REFERENCES teams (id) DEFERRABLE INITIALLY DEFERRED);
                ALTER TABLE teams ADD CONSTRAINT teams_lead FOREIGN KEY (lead_id) REFERENCES people (id)
                    DEFERRABLE INITIALLY DEFERRED;
                """).holds();
    }

    @Test
    void a_self_referencing_foreign_key_is_added_to_a_table_with_rows() {
        RoundTrip.between("""
                CREATE TABLE nodes (id int PRIMARY KEY, parent_id int);
                INSERT INTO nodes VALUES (1, NULL), (2, 1);
                """, """
                CREATE TABLE nodes (id int PRIMARY KEY, parent_id int REFERENCES nodes (id) ON DELETE CASCADE);
                """).holds();
    }

    @Test
    void a_NOT_VALID_foreign_key_changes_its_action_and_stays_NOT_VALID() {
        RoundTrip.between("""
                CREATE TABLE owners (id int PRIMARY KEY);
                CREATE TABLE pets (id int PRIMARY KEY, owner_id int);
                INSERT INTO pets VALUES (1, 99);
                ALTER TABLE pets ADD CONSTRAINT pets_owner FOREIGN KEY (owner_id) REFERENCES owners (id) NOT VALID;
                """, """
                CREATE TABLE owners (id int PRIMARY KEY);
                CREATE TABLE pets (id int PRIMARY KEY, owner_id int);
                ALTER TABLE pets ADD CONSTRAINT pets_owner FOREIGN KEY (owner_id) REFERENCES owners (id)
                    ON DELETE SET NULL NOT VALID;
                """).holds();
    }

    @Test
    void a_validated_check_becomes_NOT_VALID_and_is_renamed_elsewhere() {
        RoundTrip.between("""
                CREATE TABLE stock (id int PRIMARY KEY, qty int CONSTRAINT qty_positive CHECK (qty >= 0),
                    price int CONSTRAINT price_ok CHECK (price > 0));
                INSERT INTO stock VALUES (1, 1, 1);
                """, """
                CREATE TABLE stock (id int PRIMARY KEY, qty int, price int CONSTRAINT price_positive CHECK (price > 0));
                ALTER TABLE stock ADD CONSTRAINT qty_positive CHECK (qty >= 0) NOT VALID;
                """).holds();
    }

    @Test
    void a_unique_constraint_gives_way_to_a_unique_index_on_the_same_column() {
        RoundTrip.between("""
                CREATE TABLE users (id int PRIMARY KEY, email text CONSTRAINT users_email_key UNIQUE);
                INSERT INTO users VALUES (1, 'a@x');
                """, """
                CREATE TABLE users (id int PRIMARY KEY, email text);
                CREATE UNIQUE INDEX users_email_key ON users (email);
                """).holds();
    }
}
