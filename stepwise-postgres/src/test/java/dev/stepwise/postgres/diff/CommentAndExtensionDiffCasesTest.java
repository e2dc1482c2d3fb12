package dev.stepwise.postgres.diff;

import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/**
 * Round trips of comments and extensions (pg_trgm, btree_gist and citext ship with the embedded
 * server's binaries). They wait for the diff to cover those kinds.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class CommentAndExtensionDiffCasesTest {

    private static final String ITEMS = """
            CREATE TABLE items (id int PRIMARY KEY, name text);
            CREATE INDEX items_name ON items (name);
            CREATE FUNCTION item_count() RETURNS bigint LANGUAGE sql AS $$ SELECT count(*) FROM items $$;
            """;

    @Test
    void comments_are_added_on_a_table_a_column_an_index_and_a_function() {
        RoundTrip.between(ITEMS, ITEMS + """
                COMMENT ON TABLE items IS 'What we sell';
                COMMENT ON COLUMN items.name IS 'Shown to customers';
                COMMENT ON INDEX items_name IS 'For the search box';
                COMMENT ON FUNCTION item_count() IS 'All of them';
                """).holds();
    }

    @Test
    void a_comment_changes_and_another_is_removed() {
        RoundTrip.between(ITEMS + """
                COMMENT ON TABLE items IS 'What we sell';
                COMMENT ON COLUMN items.name IS 'Shown to customers';
                """, ITEMS + "COMMENT ON TABLE items IS 'What we sell, and what we sold: it''s history';").holds();
    }

    @Test
    void comments_on_a_schema_and_a_constraint_are_added() {
        RoundTrip.between("CREATE SCHEMA shop;\nCREATE TABLE shop.t (id int CONSTRAINT t_pk PRIMARY KEY);", """
                CREATE SCHEMA shop;
                CREATE TABLE shop.t (id int CONSTRAINT t_pk PRIMARY KEY);
                COMMENT ON SCHEMA shop IS 'The shop';
                COMMENT ON CONSTRAINT t_pk ON shop.t IS 'One row per id';
                """).holds();
    }

    @Test
    void the_pg_trgm_extension_is_added_with_an_index_that_uses_it() {
        RoundTrip.between(ITEMS, "CREATE EXTENSION pg_trgm;\n" + ITEMS
                + "CREATE INDEX items_name_trgm ON items USING gist (name gist_trgm_ops);").holds();
    }

    @Test
    void the_citext_extension_is_added_and_a_column_becomes_citext() {
        RoundTrip.between(ITEMS, "CREATE EXTENSION citext;\n" + ITEMS.replace("name text", "name citext")).holds();
    }

    @Test
    void the_btree_gist_extension_is_added_in_its_own_schema_for_an_exclusion_constraint() {
        RoundTrip.between("CREATE TABLE rooms (id int PRIMARY KEY, room int, during tsrange);", """
                CREATE SCHEMA ext;
                CREATE EXTENSION btree_gist SCHEMA ext;
                CREATE TABLE rooms (id int PRIMARY KEY, room int, during tsrange,
                    EXCLUDE USING gist (room ext.gist_int4_ops WITH =, during WITH &&));
                """).holds();
    }
}
