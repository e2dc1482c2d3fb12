package dev.stepwise.it.expand;

import dev.stepwise.it.Cli;
import dev.stepwise.it.CliRun;
import dev.stepwise.it.MigrationText;
import dev.stepwise.it.Project;
import dev.stepwise.testing.TestDatabase;
import dev.stepwise.testing.TestPostgres;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the generators write for awkward names, that lint passes it, and what they refuse: every
 * refusal exits 2, names the option, the column as SQL writes it and the reason, and writes nothing.
 */
class GeneratorOutputTest {

    private static final String LONG = "a_column_name_long_enough_that_derived_names_must_be_shortened";

    @TempDir
    Path dir;

    private Project project;
    private Cli cli;
    private TestDatabase db;

    @BeforeEach
    void project() {
        db = TestPostgres.server().newDatabase();
        project = Project.in(dir);
        project.config("replay_url = \"" + db.server().jdbcUrl("postgres") + "\"\nuser = \"" + db.server().user()
                + "\"\n");
        project.add(MigrationText.of("a1", "none").up("""
                CREATE SCHEMA "Sales";
                CREATE TABLE "Sales"."Order Items" (
                    id bigserial PRIMARY KEY,
                    "Unit Price" numeric(12, 3) NOT NULL DEFAULT 0 CHECK ("Unit Price" >= 0),
                    sku text NOT NULL UNIQUE,
                    ident bigint GENERATED ALWAYS AS IDENTITY,
                    note text
                );
                CREATE INDEX "Order Items price" ON "Sales"."Order Items" ("Unit Price") WHERE "Unit Price" > 0;
                CREATE TABLE parents (id bigint PRIMARY KEY, code text UNIQUE);
                CREATE TABLE children (id bigint PRIMARY KEY, parent_code text REFERENCES parents (code));
                CREATE TABLE keyless (a int, b int);
                CREATE VIEW item_notes AS SELECT id, note FROM "Sales"."Order Items";
                """).down("""
                DROP VIEW item_notes;
                DROP TABLE keyless;
                DROP TABLE children;
                DROP TABLE parents;
                DROP SCHEMA "Sales" CASCADE;
                """));
        cli = Cli.on(db, project);
    }

    private List<Path> generated() throws IOException {
        try (Stream<Path> files = Files.list(project.root().resolve("migrations"))) {
            return files.filter(f -> !f.getFileName().toString().contains("_a1")).sorted().toList();
        }
    }

    private String text(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8);
    }

    @Test
    void anEarlierMigrationThatUsesTheEnumValueItAdds_replaysForTheGenerator() throws IOException {
        // upgrade gives the added value a step of its own; the replay must commit it too before its use
        project.add(MigrationText.of("b2", "a1").up("""
                CREATE TYPE state AS ENUM ('new');
                ALTER TABLE parents ADD COLUMN state state NOT NULL DEFAULT 'new';
                ALTER TYPE state ADD VALUE 'paid';
                UPDATE parents SET state = 'paid' WHERE id = 1;""").down("ALTER TABLE parents DROP COLUMN state;\nDROP TYPE state;"));

        CliRun run = cli.run("revision", "--rename-column", "children.parent_code:code");

        assertThat(run.exitCode()).as("%s", run).isZero();
        assertThat(generated()).hasSize(3);
    }

    @Test
    void quotedMixedCaseNames_areQuotedEverywhere_longDerivedNamesShortened_andLintPassesTheOutput()
            throws IOException {
        CliRun run = cli.run("revision", "--rename-column", "\"Sales\".\"Order Items\".\"Unit Price\":" + LONG);

        assertThat(run.exitCode()).as("%s", run).isZero();
        List<Path> files = generated();
        assertThat(files).hasSize(2);
        String expand = files.stream().map(f -> {
            try {
                return text(f);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }).filter(t -> !t.contains("phase: contract")).findFirst().orElseThrow();
        assertThat(expand).contains("ALTER TABLE \"Sales\".\"Order Items\" ADD COLUMN " + LONG + " numeric(12,3);")
                .contains("CREATE INDEX CONCURRENTLY")
                .contains("WHERE (" + LONG + " > (0)::numeric)")
                .contains("CHECK ((" + LONG + " >= (0)::numeric)) NOT VALID");
        // every identifier Stepwise derives fits PostgreSQL's 63 bytes, so none is cut silently
        assertThat(expand.lines().flatMap(l -> Stream.of(l.split("[\\s(),;]+")))
                .filter(w -> w.startsWith("stepwise_") || w.startsWith("\"Order Items") || w.contains(LONG + "_")))
                .allSatisfy(w -> assertThat(w.replace("\"", "").replace("Sales.", "").getBytes(StandardCharsets.UTF_8))
                        .hasSizeLessThanOrEqualTo(63));

        CliRun lint = cli.run("lint");
        assertThat(lint.exitCode()).as("%s", lint).isZero();
        assertThat(lint.out()).contains("0 errors, 0 warnings");
        assertThat(cli.run("upgrade", "head").exitCode()).isZero();
        assertThat(cli.run("downgrade", "a1").exitCode()).isZero();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "--change-type|\"Sales\".\"Order Items\".\"Unit Price\":price_cents:bigint|--using"
                    + "|round(\"Unit Price\" * 100)|--reverse|price_cents / 100.0",
            "--rename-table|parents:guardians",
            "--add-required-column|parents.status:text|--default|'new'",
            "--add-required-column|parents.token:uuid|--default|gen_random_uuid()",
            "--drop-column|\"Sales\".\"Order Items\".note2",
            "--drop-table|keyless"})
    void everyGeneratorsOutput_passesLintWithoutErrorsOrWarnings(String options) {
        if (options.contains("note2")) {
            // a droppable column: one that no view uses
            project.add(MigrationText.of("b2", "a1").up("ALTER TABLE \"Sales\".\"Order Items\" ADD COLUMN note2 text;")
                    .down("ALTER TABLE \"Sales\".\"Order Items\" DROP COLUMN note2;"));
        }
        CliRun run = cli.run(Stream.concat(Stream.of("revision"), Stream.of(options.split("\\|")))
                .toArray(String[]::new));
        assertThat(run.exitCode()).as("%s", run).isZero();

        CliRun lint = cli.run("lint");

        assertThat(lint.exitCode()).as("%s", lint).isZero();
        assertThat(lint.out()).as("%s", lint).contains("0 errors, 0 warnings");
    }

    @Test
    void namesOver63Bytes_areTheNamesPostgresKeeps_inTheOptionsAndInTheSql() throws IOException {
        String kept = "n".repeat(63);
        project.add(MigrationText.of("b2", "a1").up("ALTER TABLE parents ADD COLUMN " + kept + "_written_in_full text;")
                .down("ALTER TABLE parents DROP COLUMN " + kept + ";"));

        // the column PostgreSQL made of the long name, found by the long name; the new one cut as PostgreSQL would
        CliRun run = cli.run("revision", "--rename-column", "parents." + kept + "_written_in_full:" + "m".repeat(70));

        assertThat(run.exitCode()).as("%s", run).isZero();
        List<Path> files = generated();
        assertThat(files.stream().map(this::unchecked)).anySatisfy(t -> assertThat(t)
                .contains("ADD COLUMN " + "m".repeat(63) + " text;"));
    }

    @Test
    void aColumnNamedWithTheTriggersDollarQuote_getsATriggerBodyQuotedAnotherWay() throws IOException {
        // the body names the column: quoted with $stepwise$, the name would end it
        CliRun run = cli.run("revision", "--rename-column", "\"Sales\".\"Order Items\".sku:\"sku$stepwise$\"");

        assertThat(run.exitCode()).as("%s", run).isZero();
        List<Path> files = generated();
        assertThat(files.stream().map(this::unchecked)).anySatisfy(t -> assertThat(t)
                .contains("LANGUAGE plpgsql AS $stepwise_1$\n").contains("NEW.sku$stepwise$ := NEW.sku;"));
    }

    private String unchecked(Path file) {
        try {
            return text(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void aTableWithQuotedNames_andATriggerOfItsOwn_canBeDropped() throws IOException {
        // PostgreSQL describes the trigger as on table "Sales"."Audit Log", quoted: it is the table's own
        project.add(MigrationText.of("b2", "a1").up("""
                CREATE TABLE "Sales"."Audit Log" (id bigint PRIMARY KEY, "Note" text);
                CREATE FUNCTION "Sales".touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
                CREATE TRIGGER "Touch" BEFORE UPDATE OF "Note" ON "Sales"."Audit Log"
                    FOR EACH ROW EXECUTE FUNCTION "Sales".touch();
                """).down("DROP TABLE \"Sales\".\"Audit Log\";\nDROP FUNCTION \"Sales\".touch();"));

        CliRun run = cli.run("revision", "--drop-table", "\"Sales\".\"Audit Log\"");

        assertThat(run.exitCode()).as("%s", run).isZero();
        List<Path> files = generated();
        assertThat(text(files.get(files.size() - 1))).contains("-- phase: contract")
                .contains("DROP TABLE \"Sales\".\"Audit Log\";");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "--rename-column|\"Sales\".\"Order Items\".ident:ident2|--rename-column: \"Order Items\".ident: it is"
                    + " an identity column",
            "--rename-column|\"Sales\".\"Order Items\".id:key|\"Order Items\".id: it is part of the primary key",
            "--rename-column|parents.code:label|parents.code: foreign key children_parent_code_fkey of children"
                    + " references it",
            "--rename-column|keyless.a:c|table keyless has no primary key",
            "--rename-column|\"Sales\".\"Order Items\".note:memo|view item_notes",
            "--rename-column|\"Sales\".\"Order Items\".nope:memo|has no column nope (columns: id, \"Unit Price\", sku,"
                    + " ident, note)",
            "--rename-column|\"Sales\".\"Order Items\".sku:\"Unit Price\"|the table has a column of that name already",
            "--drop-table|parents|foreign key children_parent_code_fkey of children references it",
            "--change-type|parents.code:code2:int|--using|code + 1|--reverse|code2::text|--change-type",
            "--rename-column|parents.code:c2|--phase|contract|--phase"})
    void refusals_exit2_nameTheColumnAndWhy_andWriteNothing(String options) throws IOException {
        String[] parts = options.split("\\|");
        String[] args = Stream.concat(Stream.of("revision"), Stream.of(parts).limit(parts.length - 1))
                .toArray(String[]::new);

        CliRun run = cli.run(args);

        assertThat(run.exitCode()).as("%s", run).isEqualTo(2);
        assertThat(run.errorLine()).contains(parts[parts.length - 1]);
        assertThat(generated()).isEmpty();
    }
}
