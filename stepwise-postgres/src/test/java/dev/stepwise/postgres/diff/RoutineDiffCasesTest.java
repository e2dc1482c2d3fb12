package dev.stepwise.postgres.diff;

import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/** Round trips of functions, procedures and triggers. They wait for the diff to cover those kinds. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class RoutineDiffCasesTest {

    private static final String TOUCH = """
            CREATE TABLE docs (id int PRIMARY KEY, body text, updated_at timestamptz);
            CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN NEW.updated_at := now(); RETURN NEW; END $$;
            """;

    @Test
    void a_function_is_added() {
        RoundTrip.between("", "CREATE FUNCTION add(a int, b int) RETURNS int LANGUAGE sql IMMUTABLE AS $$ SELECT a + b $$;")
                .holds();
    }

    @Test
    void a_function_body_changes() {
        RoundTrip.between("CREATE FUNCTION greet(n text) RETURNS text LANGUAGE sql AS $$ SELECT 'hi ' || n $$;",
                "CREATE FUNCTION greet(n text) RETURNS text LANGUAGE sql STABLE AS $$ SELECT 'hello ' || n $$;").holds();
    }

    @Test
    void a_function_gets_an_overload_and_another_loses_one() {
        RoundTrip.between("""
                CREATE FUNCTION area(r float8) RETURNS float8 LANGUAGE sql AS $$ SELECT pi() * r * r $$;
                CREATE FUNCTION label(i int) RETURNS text LANGUAGE sql AS $$ SELECT i::text $$;
                CREATE FUNCTION label(t text) RETURNS text LANGUAGE sql AS $$ SELECT t $$;
                """, """
                CREATE FUNCTION area(r float8) RETURNS float8 LANGUAGE sql AS $$ SELECT pi() * r * r $$;
                CREATE FUNCTION area(w float8, h float8) RETURNS float8 LANGUAGE sql AS $$ SELECT w * h $$;
                CREATE FUNCTION label(i int) RETURNS text LANGUAGE sql AS $$ SELECT i::text $$;
                """).holds();
    }

    @Test
    void a_function_changes_its_return_type() {
        RoundTrip.between("CREATE FUNCTION answer() RETURNS int LANGUAGE sql AS $$ SELECT 42 $$;",
                "CREATE FUNCTION answer() RETURNS bigint LANGUAGE sql AS $$ SELECT 42::bigint $$;").holds();
    }

    @Test
    void a_procedure_is_added_in_another_schema() {
        RoundTrip.between("CREATE TABLE log (at timestamptz);", """
                CREATE TABLE log (at timestamptz);
                CREATE SCHEMA ops;
                CREATE PROCEDURE ops."Write Log"() LANGUAGE sql AS $$ INSERT INTO public.log VALUES (now()) $$;
                """).holds();
    }

    @Test
    void a_trigger_is_added() {
        RoundTrip.between(TOUCH, TOUCH
                + "CREATE TRIGGER docs_touch BEFORE UPDATE ON docs FOR EACH ROW EXECUTE FUNCTION touch();").holds();
    }

    @Test
    void a_trigger_is_disabled_and_another_fires_always() {
        String triggers = """
                CREATE TRIGGER docs_touch BEFORE UPDATE ON docs FOR EACH ROW EXECUTE FUNCTION touch();
                CREATE TRIGGER docs_touch_insert BEFORE INSERT ON docs FOR EACH ROW EXECUTE FUNCTION touch();
                """;
        RoundTrip.between(TOUCH + triggers, TOUCH + triggers + """
                ALTER TABLE docs DISABLE TRIGGER docs_touch;
                ALTER TABLE docs ENABLE ALWAYS TRIGGER docs_touch_insert;
                """).holds();
    }

    @Test
    void a_trigger_changes_its_events_and_condition() {
        RoundTrip.between(TOUCH + "CREATE TRIGGER docs_touch BEFORE UPDATE ON docs FOR EACH ROW EXECUTE FUNCTION touch();",
                TOUCH + "CREATE TRIGGER docs_touch BEFORE INSERT OR UPDATE OF body ON docs FOR EACH ROW"
                        + " WHEN (NEW.body IS NOT NULL) EXECUTE FUNCTION touch();").holds();
    }

    @Test
    void a_trigger_on_a_partitioned_table_is_added() {
        String events = """
                CREATE TABLE events (id int NOT NULL, at date NOT NULL, updated_at timestamptz) PARTITION BY RANGE (at);
                CREATE TABLE events_2026 PARTITION OF events FOR VALUES FROM ('2026-01-01') TO ('2027-01-01');
                CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN NEW.updated_at := now(); RETURN NEW; END $$;
                """;
        RoundTrip.between(events, events
                + "CREATE TRIGGER events_touch BEFORE UPDATE ON events FOR EACH ROW EXECUTE FUNCTION touch();").holds();
    }
}
