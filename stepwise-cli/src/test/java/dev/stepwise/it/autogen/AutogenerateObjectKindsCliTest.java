package dev.stepwise.it.autogen;

import dev.stepwise.it.CliRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code revision --autogenerate} beyond tables and columns: sequences, enum labels, functions,
 * triggers, views that must be made again around a contract's type change, and what goes only
 * in the contract (a view and a function dropped for good). Each run ends with {@code check}
 * finding nothing after {@code upgrade}, and lint clean.
 */
class AutogenerateObjectKindsCliTest {

    @TempDir
    Path dir;

    private static final String ORDERS = "id bigint PRIMARY KEY, code varchar(40) NOT NULL, state text";

    @Test
    void sequencesEnumsFunctionsAndTriggers_areAddedInTheExpand_andCheckFindsNothingAfterUpgrade() {
        SchemaProject p = new SchemaProject(dir).orders(ORDERS).schema("01_types.sql", """
                CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy');
                CREATE SEQUENCE invoice_no START 1000;
                """).schema("02_tables.sql", """
                CREATE TABLE orders (id bigint PRIMARY KEY, code varchar(40) NOT NULL, state text, mood mood,
                    invoice bigint DEFAULT nextval('invoice_no'));
                CREATE TABLE notes (id serial PRIMARY KEY, body text);
                CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN NEW.body := trim(NEW.body); RETURN NEW; END $$;
                CREATE TRIGGER notes_touch BEFORE INSERT ON notes FOR EACH ROW EXECUTE FUNCTION touch();
                COMMENT ON TABLE notes IS 'free text';
                """);
        List<Path> before = p.migrations();

        CliRun run = p.cli.run("revision", "--autogenerate", "-m", "kinds");

        assertThat(run.exitCode()).as("%s", run).isZero();
        assertThat(run.out()).contains("+ enum public.mood", "+ sequence public.invoice_no", "+ table public.notes",
                "+ trigger notes_touch on public.notes");
        List<String> files = p.newMigrations(before);
        assertThat(files).as("no contract: nothing goes").hasSize(1);
        assertThat(files.get(0)).contains("CREATE TYPE public.mood AS ENUM ('sad', 'ok', 'happy')",
                "CREATE SEQUENCE public.notes_id_seq", "OWNED BY public.notes.id", "EXECUTE FUNCTION public.touch()",
                "COMMENT ON TABLE public.notes IS 'free text'");
        assertUpgradedAndClean(p);

        p.schema("01_types.sql", """
                CREATE TYPE mood AS ENUM ('awful', 'sad', 'ok', 'happy');
                CREATE SEQUENCE invoice_no START 1000 INCREMENT 10;
                """);
        List<Path> afterFirst = p.migrations();
        CliRun more = p.cli.run("revision", "--autogenerate", "-m", "more moods");
        assertThat(more.exitCode()).as("%s", more).isZero();
        List<String> second = p.newMigrations(afterFirst);
        assertThat(second).as("file names start with a random revision: find the new one, not the second by name")
                .hasSize(1);
        assertThat(second.get(0)).contains("ALTER TYPE public.mood ADD VALUE 'awful' BEFORE 'sad'",
                "INCREMENT BY 10");
        assertUpgradedAndClean(p);
    }

    @Test
    void aNarrowingUnderAView_goesIntoTheContract_withTheViewMadeAgainAroundIt_andAViewAndAFunctionDroppedForGood() {
        SchemaProject p = new SchemaProject(dir).orders(ORDERS);
        p.project.add(dev.stepwise.it.MigrationText.of("b2", "a1").up("""
                CREATE VIEW order_codes AS SELECT id, code FROM orders;
                CREATE VIEW old_states AS SELECT state FROM orders;
                CREATE FUNCTION code_of(o bigint) RETURNS text LANGUAGE sql AS $$ SELECT code FROM orders WHERE id = o $$;
                """).down("DROP FUNCTION code_of(bigint); DROP VIEW old_states; DROP VIEW order_codes;"));
        p.schema("schema.sql", """
                CREATE TABLE orders (id bigint PRIMARY KEY, code varchar(20) NOT NULL, state text);
                CREATE VIEW order_codes AS SELECT id, code FROM orders;
                """);
        List<Path> before = p.migrations();

        CliRun run = p.cli.run("revision", "--autogenerate", "-m", "shorter codes");

        assertThat(run.exitCode()).as("%s", run).isZero();
        List<String> files = p.newMigrations(before);
        assertThat(files).as("nothing for the expand: the contract alone").hasSize(1);
        String contract = files.get(0);
        assertThat(contract).contains("-- phase: contract", "-- reversible: lossy");
        String contractUp = contract.substring(0, contract.indexOf("-- +down"));
        assertThat(contractUp).contains("DROP VIEW public.order_codes", "TYPE character varying(20)",
                "CREATE VIEW public.order_codes", "DROP VIEW public.old_states", "DROP FUNCTION public.code_of(o bigint)");
        assertThat(contractUp.indexOf("DROP VIEW public.order_codes")).isLessThan(contractUp.indexOf("TYPE character varying(20)"));
        assertThat(contractUp.indexOf("TYPE character varying(20)")).isLessThan(contractUp.indexOf("CREATE VIEW public.order_codes"));
        assertUpgradedAndClean(p);
    }

    private static void assertUpgradedAndClean(SchemaProject p) {
        CliRun lint = p.cli.run("lint");
        assertThat(lint.out()).as("%s", lint).contains("0 errors, 0 warnings");
        CliRun upgrade = p.cli.run("upgrade", "head");
        assertThat(upgrade.exitCode()).as("%s", upgrade).isZero();
        CliRun check = p.cli.run("check");
        assertThat(check.exitCode()).as("%s", check).isZero();
        CliRun drift = p.cli.run("drift");
        assertThat(drift.exitCode()).as("%s", drift).isZero();
    }
}
