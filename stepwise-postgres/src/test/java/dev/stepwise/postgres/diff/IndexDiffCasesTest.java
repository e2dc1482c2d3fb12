package dev.stepwise.postgres.diff;

import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/** Round trips of indexes: methods, operator classes, sort order, INCLUDE, predicates, expressions, uniqueness. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class IndexDiffCasesTest {

    private static final String ARTICLES = """
            CREATE TABLE articles (id int PRIMARY KEY, title text NOT NULL, slug varchar(80), body jsonb,
                published_at timestamptz, views int NOT NULL DEFAULT 0, draft boolean NOT NULL DEFAULT true);
            INSERT INTO articles VALUES (1, 'Hello', 'hello', '{"tags": ["a"]}', now(), 3, false);
            """;

    @Test
    void an_index_with_the_text_pattern_ops_operator_class_is_added() {
        RoundTrip.between(ARTICLES, ARTICLES + """
                CREATE INDEX articles_title_prefix ON articles (title text_pattern_ops);
                CREATE INDEX articles_slug_prefix ON articles (slug varchar_pattern_ops);
                """).holds();
    }

    @Test
    void an_index_becomes_DESC_NULLS_LAST() {
        RoundTrip.between(ARTICLES + "CREATE INDEX articles_recent ON articles (published_at);", ARTICLES
                + "CREATE INDEX articles_recent ON articles (published_at DESC NULLS LAST, id);").holds();
    }

    @Test
    void an_index_INCLUDE_list_changes() {
        RoundTrip.between(ARTICLES + "CREATE INDEX articles_by_slug ON articles (slug) INCLUDE (title);", ARTICLES
                + "CREATE INDEX articles_by_slug ON articles (slug) INCLUDE (title, views);").holds();
    }

    @Test
    void hash_gin_and_brin_indexes_are_added() {
        RoundTrip.between(ARTICLES, ARTICLES + """
                CREATE INDEX articles_slug_hash ON articles USING hash (slug);
                CREATE INDEX articles_body ON articles USING gin (body jsonb_path_ops);
                CREATE INDEX articles_words ON articles USING gin (to_tsvector('simple', title));
                CREATE INDEX articles_published ON articles USING brin (published_at) WITH (pages_per_range = 32);
                """).holds();
    }

    @Test
    void a_trigram_index_from_pg_trgm_is_added() {
        String extension = "CREATE EXTENSION pg_trgm;\n";
        RoundTrip.between(extension + ARTICLES, extension + ARTICLES
                + "CREATE INDEX articles_title_trgm ON articles USING gin (title gin_trgm_ops);").holds();
    }

    @Test
    void a_partial_index_predicate_changes() {
        RoundTrip.between(ARTICLES + "CREATE INDEX articles_live ON articles (published_at) WHERE NOT draft;",
                ARTICLES + "CREATE INDEX articles_live ON articles (published_at) WHERE NOT draft AND views > 0;")
                .holds();
    }

    @Test
    void an_expression_index_changes_its_expression() {
        RoundTrip.between(ARTICLES + "CREATE INDEX articles_lower_title ON articles (lower(title));",
                ARTICLES + "CREATE INDEX articles_lower_title ON articles (lower(title), (body ->> 'lang'));").holds();
    }

    @Test
    void a_unique_index_becomes_non_unique() {
        RoundTrip.between(ARTICLES + "CREATE UNIQUE INDEX articles_slug ON articles (slug);",
                ARTICLES + "CREATE INDEX articles_slug ON articles (slug);").holds();
    }

    @Test
    void a_unique_index_treats_nulls_as_not_distinct() {
        RoundTrip.between(ARTICLES + "CREATE UNIQUE INDEX articles_slug ON articles (slug);",
                ARTICLES + "CREATE UNIQUE INDEX articles_slug ON articles (slug) NULLS NOT DISTINCT;").holds();
    }

    @Test
    void a_renamed_index_is_dropped_and_built_again() {
        RoundTrip.between(ARTICLES + "CREATE INDEX articles_views ON articles (views);",
                ARTICLES + "CREATE INDEX articles_by_views ON articles (views);").holds();
    }

    @Test
    void an_index_gets_a_collation_and_a_storage_parameter() {
        RoundTrip.between(ARTICLES + "CREATE INDEX articles_title ON articles (title);",
                ARTICLES + "CREATE INDEX articles_title ON articles (title COLLATE \"C\") WITH (fillfactor = 70);")
                .holds();
    }

    @Test
    void a_unique_index_is_added_on_an_expression_and_a_partial_predicate() {
        RoundTrip.between(ARTICLES, ARTICLES
                + "CREATE UNIQUE INDEX articles_live_slug ON articles (lower(slug)) WHERE NOT draft;").holds();
    }

    @Test
    void an_index_is_dropped_with_the_column_it_covers_and_the_column_comes_back_last() {
        RoundTrip.between(ARTICLES + "CREATE INDEX articles_views_draft ON articles (views, draft);",
                ARTICLES.replace(", views int NOT NULL DEFAULT 0", "").replace("now(), 3, false", "now(), false"))
                .expectingNote("in another order").comparing(RoundTrip.Comparison.APART_FROM_COLUMN_ORDER).holds();
    }
}
