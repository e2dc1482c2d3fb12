package dev.stepwise.postgres.diff;

import dev.stepwise.diff.SchemaChange;
import dev.stepwise.diff.SchemaDiff;
import dev.stepwise.dialect.SchemaIntrospector;
import dev.stepwise.postgres.introspect.PostgresIntrospector;
import dev.stepwise.schema.SchemaModel;
import dev.stepwise.testing.TestDatabase;
import dev.stepwise.testing.TestPostgres;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hand-written schema pairs A, B on real PostgreSQL: A plus the rendered diff A→B is a database
 * whose model equals B's, and the reverse diff brings it back to A's, for the kinds around the
 * tables: extensions, enum types, domains, sequences, views and materialized views, functions
 * and procedures, triggers, comments, and indexes of partitioned tables that hold rows.
 */
class SchemaDiffObjectKindsTest {

    /**
     * The server the cases run on: the default version, or another with {@code -Dstepwise.diff.pg=13}
     * (its binaries copied to {@code target/pg-binaries/}, as stepwise-cli's build does).
     */
    private static final String SERVER_VERSION = System.getProperty("stepwise.diff.pg", TestPostgres.DEFAULT_VERSION);

    private static final String BASE = """
            CREATE TABLE accounts (id bigint PRIMARY KEY, name text NOT NULL, balance numeric(12, 2) NOT NULL DEFAULT 0);
            INSERT INTO accounts VALUES (1, 'a', 10), (2, 'b', 20);
            """;

    private static final String MOOD = BASE + """
            CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy');
            ALTER TABLE accounts ADD COLUMN mood mood NOT NULL DEFAULT 'ok';
            ALTER TABLE accounts ADD COLUMN moods mood[];
            """;

    private static final String FUNCTIONS = BASE + """
            CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN NEW.name := lower(NEW.name); RETURN NEW; END $$;
            CREATE FUNCTION doubled(x numeric) RETURNS numeric LANGUAGE sql IMMUTABLE AS $$ SELECT x * 2 $$;
            """;

    private static final String EVENTS = BASE + """
            CREATE TABLE events (id bigint NOT NULL, at date NOT NULL, kind text) PARTITION BY RANGE (at);
            CREATE TABLE events_2026 PARTITION OF events FOR VALUES FROM ('2026-01-01') TO ('2027-01-01');
            CREATE TABLE events_2027 PARTITION OF events FOR VALUES FROM ('2027-01-01') TO ('2028-01-01')
                PARTITION BY LIST (kind);
            CREATE TABLE events_2027_a PARTITION OF events_2027 FOR VALUES IN ('a');
            CREATE TABLE events_2027_rest PARTITION OF events_2027 DEFAULT;
            INSERT INTO events VALUES (1, '2026-05-01', 'a'), (2, '2027-05-01', 'a'), (3, '2027-06-01', 'b');
            """;

    static Stream<Arguments> pairs() {
        return Stream.of(
                pair("an extension added", BASE, BASE + "CREATE EXTENSION pg_trgm;"),
                pair("an extension in its own schema, used by a column", BASE, BASE + """
                        CREATE SCHEMA ext;
                        CREATE EXTENSION citext WITH SCHEMA ext;
                        ALTER TABLE accounts ADD COLUMN email ext.citext;
                        """),
                pair("an enum type made and used by a column", BASE, MOOD),
                pair("enum labels added at the end, in the middle and first", MOOD,
                        MOOD.replace("('sad', 'ok', 'happy')", "('awful', 'sad', 'ok', 'fine', 'happy', 'elated')")),
                pair("an enum label removed and the others reordered, with a default and an array column", MOOD,
                        MOOD.replace("('sad', 'ok', 'happy')", "('happy', 'ok')")),
                pair("an enum with a quoted mixed-case name in another schema", BASE, BASE + """
                        CREATE SCHEMA "Shop";
                        CREATE TYPE "Shop"."Order State" AS ENUM ('new', 'it''s paid');
                        ALTER TABLE accounts ADD COLUMN state "Shop"."Order State";
                        """),
                pair("a domain with checks, default and NOT NULL", BASE, BASE + """
                        CREATE DOMAIN positive AS numeric(12, 2) NOT NULL DEFAULT 1 CHECK (VALUE > 0);
                        ALTER TABLE accounts ADD COLUMN credit positive;
                        """),
                pair("a domain's default, nullability and checks changed", BASE + """
                        CREATE DOMAIN code AS text DEFAULT 'x' CONSTRAINT code_short CHECK (length(VALUE) < 10);
                        ALTER TABLE accounts ADD COLUMN code code;
                        """, BASE + """
                        CREATE DOMAIN code AS text NOT NULL CONSTRAINT code_short CHECK (length(VALUE) < 20)
                            CONSTRAINT code_filled CHECK (VALUE <> '');
                        ALTER DOMAIN code ADD CONSTRAINT code_ascii CHECK (VALUE ~ '^[ -~]*$') NOT VALID;
                        ALTER TABLE accounts ADD COLUMN code code DEFAULT 'A';
                        """),
                pair("a sequence with options, and a serial column", BASE, BASE + """
                        CREATE SEQUENCE invoice_no AS integer INCREMENT BY 5 MINVALUE 100 MAXVALUE 100000 START 200 CACHE 10 CYCLE;
                        CREATE TABLE notes (id serial PRIMARY KEY, body text);
                        """),
                pair("a sequence's options and owner changed", BASE + """
                        CREATE SEQUENCE ticket START 10;
                        ALTER TABLE accounts ADD COLUMN ticket bigint DEFAULT nextval('ticket');
                        """, BASE + """
                        CREATE SEQUENCE ticket AS integer START 10 INCREMENT 2 OWNED BY accounts.id;
                        ALTER TABLE accounts ADD COLUMN ticket bigint DEFAULT nextval('ticket');
                        """),
                pair("serial becomes identity", BASE + "CREATE TABLE notes (id serial PRIMARY KEY, body text);",
                        BASE + "CREATE TABLE notes (id integer GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY, body text);"),
                pair("identity switched between ALWAYS and BY DEFAULT, and a plain column made identity", BASE
                                + "CREATE TABLE notes (id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY, n int NOT NULL);"
                                + "INSERT INTO notes (n) VALUES (1), (2);",
                        BASE + "CREATE TABLE notes (id integer GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,"
                                + " n int GENERATED ALWAYS AS IDENTITY NOT NULL);"
                                + "INSERT INTO notes (id) VALUES (1), (2);"),
                pair("views over views, and one with its own column names", BASE, BASE + """
                        CREATE VIEW rich AS SELECT id, name FROM accounts WHERE balance > 15;
                        CREATE VIEW rich_names (who) AS SELECT name FROM rich;
                        """),
                pair("a column type change under a view that reads it and a view reading that view", BASE + """
                        CREATE VIEW balances AS SELECT id, balance FROM accounts;
                        CREATE VIEW totals AS SELECT sum(balance) AS total FROM balances;
                        """, BASE.replace("balance numeric(12, 2)", "balance numeric(14, 4)") + """
                        CREATE VIEW balances AS SELECT id, balance FROM accounts;
                        CREATE VIEW totals AS SELECT sum(balance) AS total FROM balances;
                        """),
                pair("a view's query changed, and a column it read dropped", BASE + """
                        ALTER TABLE accounts ADD COLUMN note text;
                        CREATE VIEW noted AS SELECT id, note FROM accounts;
                        """, BASE + "CREATE VIEW noted AS SELECT id, name FROM accounts;"),
                pair("a materialized view with an index, and an index added to one that stays", BASE + """
                        CREATE MATERIALIZED VIEW sums AS SELECT count(*) AS n, sum(balance) AS total FROM accounts;
                        """, BASE + """
                        CREATE MATERIALIZED VIEW sums AS SELECT count(*) AS n, sum(balance) AS total FROM accounts;
                        CREATE UNIQUE INDEX sums_n ON sums (n);
                        CREATE MATERIALIZED VIEW names AS SELECT name FROM accounts;
                        CREATE INDEX names_name ON names (name);
                        """),
                pair("functions and a procedure made", BASE, FUNCTIONS + """
                        CREATE PROCEDURE reset_balances(to_value numeric) LANGUAGE sql AS $$ UPDATE accounts SET balance = to_value $$;
                        """),
                pair("a function's body replaced, another's result type changed, an overload added", FUNCTIONS,
                        FUNCTIONS.replace("SELECT x * 2", "SELECT x + x").replace(
                                "CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN NEW.name := lower(NEW.name); RETURN NEW; END $$;",
                                "CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;")
                                + """
                                CREATE FUNCTION doubled(x integer) RETURNS bigint LANGUAGE sql IMMUTABLE AS $$ SELECT x * 2 $$;
                                CREATE FUNCTION label(n integer) RETURNS text LANGUAGE sql AS $$ SELECT n::text $$;
                                """),
                pair("a function whose result type changes", BASE + """
                        CREATE FUNCTION label(n integer) RETURNS text LANGUAGE sql AS $$ SELECT n::text $$;
                        """, BASE + """
                        CREATE FUNCTION label(n integer) RETURNS varchar LANGUAGE sql AS $$ SELECT n::text $$;
                        """),
                pair("triggers made, one disabled, one firing always", FUNCTIONS, FUNCTIONS + """
                        CREATE TRIGGER accounts_touch BEFORE INSERT OR UPDATE ON accounts FOR EACH ROW EXECUTE FUNCTION touch();
                        CREATE TRIGGER accounts_touch_name BEFORE UPDATE OF name ON accounts FOR EACH ROW
                            WHEN (OLD.name IS DISTINCT FROM NEW.name) EXECUTE FUNCTION touch();
                        ALTER TABLE accounts DISABLE TRIGGER accounts_touch;
                        ALTER TABLE accounts ENABLE ALWAYS TRIGGER accounts_touch_name;
                        """),
                pair("a trigger changed, and one enabled again", FUNCTIONS + """
                        CREATE TRIGGER t1 BEFORE INSERT ON accounts FOR EACH ROW EXECUTE FUNCTION touch();
                        CREATE TRIGGER t2 BEFORE INSERT ON accounts FOR EACH ROW EXECUTE FUNCTION touch();
                        ALTER TABLE accounts DISABLE TRIGGER t2;
                        """, FUNCTIONS + """
                        CREATE TRIGGER t1 BEFORE INSERT OR UPDATE ON accounts FOR EACH ROW EXECUTE FUNCTION touch();
                        CREATE TRIGGER t2 BEFORE INSERT ON accounts FOR EACH ROW EXECUTE FUNCTION touch();
                        """),
                pair("comments on a schema, table, column, constraint, index, view, function and type", FUNCTIONS, FUNCTIONS + """
                        CREATE TYPE flavour AS ENUM ('plain');
                        CREATE INDEX accounts_name ON accounts (name);
                        CREATE VIEW names AS SELECT name FROM accounts;
                        COMMENT ON SCHEMA public IS 'the app';
                        COMMENT ON TABLE accounts IS 'who pays';
                        COMMENT ON COLUMN accounts.balance IS 'in cents, it''s exact';
                        COMMENT ON CONSTRAINT accounts_pkey ON accounts IS 'the key';
                        COMMENT ON INDEX accounts_name IS 'lookups';
                        COMMENT ON VIEW names IS 'names only';
                        COMMENT ON COLUMN names.name IS 'a name';
                        COMMENT ON FUNCTION doubled(numeric) IS 'twice';
                        COMMENT ON TYPE flavour IS 'tastes';
                        """),
                pair("an enum's comment kept when it is made again without a label", BASE + """
                        CREATE TYPE flavour AS ENUM ('plain', 'salted');
                        COMMENT ON TYPE flavour IS 'tastes';
                        """, BASE + """
                        CREATE TYPE flavour AS ENUM ('plain');
                        COMMENT ON TYPE flavour IS 'tastes';
                        """),
                pair("a view's comments kept when the view is made again around a type change", BASE + """
                        CREATE VIEW names AS SELECT name FROM accounts;
                        COMMENT ON VIEW names IS 'names only';
                        """, BASE.replace("name text NOT NULL", "name varchar(200) NOT NULL") + """
                        CREATE VIEW names AS SELECT name FROM accounts;
                        COMMENT ON VIEW names IS 'names only';
                        """),
                pair("an index added to and one dropped from a partitioned table with sub-partitions", EVENTS
                        + "CREATE INDEX events_kind ON events (kind);", EVENTS + """
                        CREATE INDEX events_at ON events (at, id);
                        """),
                pair("a function used by a new table's default and check, and a trigger on it", BASE, BASE + """
                        CREATE FUNCTION next_code() RETURNS text LANGUAGE plpgsql AS $$ BEGIN RETURN md5(random()::text); END $$;
                        CREATE FUNCTION is_code(t text) RETURNS boolean LANGUAGE plpgsql IMMUTABLE AS $$ BEGIN RETURN length(t) = 32; END $$;
                        CREATE FUNCTION stamp() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN NEW.at := now(); RETURN NEW; END $$;
                        CREATE TABLE codes (code text PRIMARY KEY DEFAULT next_code() CHECK (is_code(code)), at timestamptz);
                        CREATE TRIGGER codes_stamp BEFORE INSERT ON codes FOR EACH ROW EXECUTE FUNCTION stamp();
                        """),
                pair("an SQL function reading a table, and a view calling it", BASE, BASE + """
                        CREATE FUNCTION total() RETURNS numeric LANGUAGE sql STABLE AS $$ SELECT sum(balance) FROM accounts $$;
                        CREATE VIEW overall AS SELECT total() AS total;
                        """),
                pair("views and a materialized view across schemas, reading each other", BASE, BASE + """
                        CREATE SCHEMA report;
                        CREATE VIEW report.accounts_named AS SELECT id, name FROM public.accounts;
                        CREATE MATERIALIZED VIEW report.name_counts AS SELECT name, count(*) AS n FROM report.accounts_named GROUP BY name;
                        CREATE VIEW public.top_names AS SELECT name FROM report.name_counts ORDER BY n DESC LIMIT 3;
                        """),
                pair("a table dropped with the view that read it and the sequence it owned", BASE + """
                        CREATE TABLE old_log (id serial PRIMARY KEY, line text);
                        CREATE VIEW old_lines AS SELECT line FROM old_log;
                        COMMENT ON VIEW old_lines IS 'gone soon';
                        """, BASE),
                pair("an enum over a domain's base and a domain over an enum", BASE, BASE + """
                        CREATE TYPE level AS ENUM ('low', 'high');
                        CREATE DOMAIN required_level AS level NOT NULL;
                        ALTER TABLE accounts ADD COLUMN level required_level DEFAULT 'low';
                        """),
                pair("a sequence in another schema used by a default, and an extension dropped", BASE + """
                        CREATE EXTENSION pg_trgm;
                        """, BASE + """
                        CREATE SCHEMA ids;
                        CREATE SEQUENCE ids."Account No" START 1000;
                        ALTER TABLE accounts ADD COLUMN no bigint DEFAULT nextval('ids."Account No"');
                        """),
                pair("a column type change under an index, a check and a view", BASE + """
                        CREATE INDEX accounts_name ON accounts (name);
                        ALTER TABLE accounts ADD CONSTRAINT name_filled CHECK (name <> '');
                        CREATE VIEW named AS SELECT name FROM accounts;
                        """, BASE.replace("name text NOT NULL", "name varchar(300) NOT NULL") + """
                        CREATE INDEX accounts_name ON accounts (name);
                        ALTER TABLE accounts ADD CONSTRAINT name_filled CHECK (name <> '');
                        CREATE VIEW named AS SELECT name FROM accounts;
                        """),
                pair("a trigger's function replaced in place while the trigger stays", FUNCTIONS + """
                        CREATE TRIGGER t1 BEFORE INSERT ON accounts FOR EACH ROW EXECUTE FUNCTION touch();
                        """, FUNCTIONS.replace("lower(NEW.name)", "upper(NEW.name)") + """
                        CREATE TRIGGER t1 BEFORE INSERT ON accounts FOR EACH ROW EXECUTE FUNCTION touch();
                        """),
                pair("a constraint and an index that only change their names are renamed", BASE + """
                        ALTER TABLE accounts ADD CONSTRAINT balance_ok CHECK (balance > -100);
                        CREATE INDEX accounts_name_idx ON accounts (lower(name)) WHERE balance > 0;
                        """, BASE.replace("id bigint PRIMARY KEY", "id bigint CONSTRAINT accounts_key PRIMARY KEY") + """
                        ALTER TABLE accounts ADD CONSTRAINT balance_above_floor CHECK (balance > -100);
                        CREATE INDEX accounts_lower_name ON accounts (lower(name)) WHERE balance > 0;
                        """),
                pair("a unique index on a partitioned table that holds rows", EVENTS, EVENTS
                        + "CREATE UNIQUE INDEX events_id_at ON events (id, at, kind);"));
    }

    private static Arguments pair(String name, String a, String b) {
        return Arguments.of(name, a, b);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pairs")
    void aPlusTheDiffIsB_andTheReverseBringsItBackToA(String name, String a, String b) throws SQLException {
        TestDatabase db = database(a);
        SchemaModel modelA = introspect(db);
        SchemaModel modelB = introspect(database(b));

        SchemaDiff.Result forward = SchemaDiff.between(modelA, modelB);
        apply(db, forward.changes());

        assertThat(introspect(db)).as("A + diff(A, B) for %s:\n%s", name, rendered(forward.changes()))
                .isEqualTo(modelB);
        assertThat(forward.notes()).isEmpty();
        if (a.equals(b)) {
            assertThat(forward.changes()).isEmpty();
        }

        SchemaDiff.Result back = SchemaDiff.between(introspect(db), modelA);
        apply(db, back.changes());

        assertThat(introspect(db)).as("back to A for %s:\n%s", name, rendered(back.changes())).isEqualTo(modelA);
    }

    private static TestDatabase database(String sql) {
        TestDatabase db = TestPostgres.server(SERVER_VERSION).newDatabase();
        db.execute(sql);
        return db;
    }

    private static SchemaModel introspect(TestDatabase db) throws SQLException {
        try (Connection c = db.connect()) {
            return new PostgresIntrospector().introspect(c, SchemaIntrospector.Scope.ALL);
        }
    }

    /** Each statement in autocommit, as a migration's steps run (CONCURRENTLY cannot run in a transaction). */
    private static void apply(TestDatabase db, List<SchemaChange> changes) throws SQLException {
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            for (String sql : rendered(changes)) {
                try {
                    s.execute(sql);
                } catch (SQLException e) {
                    throw new AssertionError(sql + ": " + e.getMessage() + "\nall:\n" + rendered(changes), e);
                }
            }
        }
    }

    private static List<String> rendered(List<SchemaChange> changes) {
        List<String> all = new ArrayList<>();
        changes.forEach(ch -> all.addAll(new ChangeRenderer().render(ch)));
        return all;
    }
}
