package dev.stepwise.postgres.diff;

import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/** Round trips of partitioned tables: list, range and hash partitions, default partitions, sub-partitions. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class PartitionDiffCasesTest {

    private static final String EVENTS = """
            CREATE TABLE events (id bigint NOT NULL, at date NOT NULL, kind text NOT NULL, PRIMARY KEY (id, at))
                PARTITION BY RANGE (at);
            CREATE TABLE events_2026 PARTITION OF events FOR VALUES FROM ('2026-01-01') TO ('2027-01-01');
            INSERT INTO events VALUES (1, '2026-03-01', 'click');
            """;

    private static final String REGIONS = """
            CREATE TABLE sales (id bigint NOT NULL, region text NOT NULL, amount numeric(10, 2)) PARTITION BY LIST (region);
            CREATE TABLE sales_eu PARTITION OF sales FOR VALUES IN ('de', 'fr');
            CREATE TABLE sales_us PARTITION OF sales FOR VALUES IN ('us');
            INSERT INTO sales VALUES (1, 'de', 10), (2, 'us', 20);
            """;

    @Test
    void a_range_partition_is_added_to_an_existing_partitioned_table() {
        RoundTrip.between(EVENTS, EVENTS + """
                CREATE TABLE events_2027 PARTITION OF events FOR VALUES FROM ('2027-01-01') TO ('2028-01-01');
                """).holds();
    }

    @Test
    void a_list_partition_is_removed() {
        RoundTrip.between(REGIONS + "CREATE TABLE sales_asia PARTITION OF sales FOR VALUES IN ('jp', 'kr');",
                REGIONS).holds();
    }

    @Test
    void a_hash_partitioned_table_is_made_with_its_four_partitions() {
        RoundTrip.between("", """
                CREATE TABLE sessions (id uuid PRIMARY KEY, data jsonb) PARTITION BY HASH (id);
                CREATE TABLE sessions_0 PARTITION OF sessions FOR VALUES WITH (MODULUS 4, REMAINDER 0);
                CREATE TABLE sessions_1 PARTITION OF sessions FOR VALUES WITH (MODULUS 4, REMAINDER 1);
                CREATE TABLE sessions_2 PARTITION OF sessions FOR VALUES WITH (MODULUS 4, REMAINDER 2);
                CREATE TABLE sessions_3 PARTITION OF sessions FOR VALUES WITH (MODULUS 4, REMAINDER 3);
                """).holds();
    }

    @Test
    void a_default_partition_is_added() {
        RoundTrip.between(REGIONS, REGIONS + "CREATE TABLE sales_other PARTITION OF sales DEFAULT;").holds();
    }

    @Test
    void sub_partitions_are_made_under_a_list_partition() {
        RoundTrip.between(REGIONS, REGIONS + """
                CREATE TABLE sales_asia PARTITION OF sales FOR VALUES IN ('jp', 'kr') PARTITION BY RANGE (id);
                CREATE TABLE sales_asia_low PARTITION OF sales_asia FOR VALUES FROM (MINVALUE) TO (1000);
                CREATE TABLE sales_asia_high PARTITION OF sales_asia FOR VALUES FROM (1000) TO (MAXVALUE);
                """).holds();
    }

    @Test
    void a_sub_partition_whose_name_sorts_before_its_parent_is_made_after_it() {
        RoundTrip.between(REGIONS, REGIONS + """
                CREATE TABLE sales_zz PARTITION OF sales FOR VALUES IN ('zz') PARTITION BY RANGE (id);
                CREATE TABLE sales_a_zz PARTITION OF sales_zz FOR VALUES FROM (MINVALUE) TO (MAXVALUE);
                """).holds();
    }

    @Test
    void a_column_is_added_to_a_partitioned_table() {
        RoundTrip.between(REGIONS, REGIONS.replace("amount numeric(10, 2))", "amount numeric(10, 2), note text)"))
                .holds();
    }

    @Test
    void a_column_of_a_partitioned_table_changes_type_default_and_nullability() {
        RoundTrip.between(REGIONS, REGIONS.replace("amount numeric(10, 2))",
                "amount numeric(14, 4) NOT NULL DEFAULT 0)")).holds();
    }

    @Test
    void a_partition_keeps_a_default_of_its_own() {
        RoundTrip.between(REGIONS, REGIONS + "ALTER TABLE sales_eu ALTER COLUMN amount SET DEFAULT 1;").holds();
    }

    @Test
    void an_index_is_added_to_an_existing_partitioned_table() {
        RoundTrip.between(EVENTS, EVENTS + "CREATE INDEX events_kind ON events (kind);").holds();
    }

    @Test
    void an_index_whose_names_hold_on_and_using_is_added_to_a_partitioned_table() {
        String events = """
                CREATE TABLE "events USING x" (id bigint NOT NULL, at date NOT NULL, kind text NOT NULL, PRIMARY KEY (id, at))
                    PARTITION BY RANGE (at);
                CREATE TABLE "events ON 2026" PARTITION OF "events USING x" FOR VALUES FROM ('2026-01-01') TO ('2027-01-01');
                INSERT INTO "events USING x" VALUES (1, '2026-03-01', 'click');
                """;
        RoundTrip.between(events, events + "CREATE INDEX \"kind ON x USING y\" ON \"events USING x\" (kind);").holds();
    }

    @Test
    void a_unique_constraint_is_added_to_an_existing_partitioned_table() {
        RoundTrip.between(EVENTS, EVENTS + "ALTER TABLE events ADD CONSTRAINT events_kind_key UNIQUE (kind, at);")
                .holds();
    }

    @Test
    void a_partition_gets_a_check_and_an_index_of_its_own() {
        RoundTrip.between(REGIONS, REGIONS + """
                ALTER TABLE sales_us ADD CONSTRAINT sales_us_amount CHECK (amount < 1000);
                CREATE INDEX sales_us_amount_idx ON sales_us (amount);
                """).holds();
    }

    @Test
    void a_new_partition_has_a_check_of_its_own() {
        RoundTrip.between(REGIONS, REGIONS + """
                CREATE TABLE sales_asia PARTITION OF sales (CONSTRAINT sales_asia_amount CHECK (amount > 0))
                    FOR VALUES IN ('jp');
                """).holds();
    }

    @Test
    void a_list_partition_gives_one_of_its_values_to_a_new_partition() {
        RoundTrip.between(REGIONS, REGIONS.replace("FOR VALUES IN ('de', 'fr')", "FOR VALUES IN ('de')")
                .replace("INSERT INTO sales VALUES (1, 'de', 10)", "CREATE TABLE sales_fr PARTITION OF sales FOR VALUES IN ('fr');\n"
                        + "INSERT INTO sales VALUES (1, 'de', 10)")).holds();
    }

    @Test
    void a_range_partition_holding_rows_is_widened() {
        RoundTrip.between(EVENTS, EVENTS.replace("TO ('2027-01-01')", "TO ('2027-07-01')")).holds();
    }

    @Test
    void a_partition_bound_changes() {
        RoundTrip.between(REGIONS, REGIONS.replace("FOR VALUES IN ('us')", "FOR VALUES IN ('us', 'ca')")).holds();
    }
}
