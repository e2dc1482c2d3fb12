package dev.stepwise.it.stairway;

import dev.stepwise.it.CliRun;
import dev.stepwise.it.MigrationText;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code stepwise test}: the stairway passes where every down gives back what its up took, and names what it did not. */
class StairwayCliTest {

    @TempDir
    Path dir;

    @Test
    void shopExample_passesWithRows() throws IOException {
        StairwayProject p = new StairwayProject(dir);
        try (Stream<Path> files = Files.list(Path.of("../examples/shop/migrations"))) {
            for (Path f : files.toList()) {
                Files.copy(f, dir.resolve("migrations").resolve(f.getFileName()));
            }
        }
        CliRun run = p.test("--rows", "500", "--rows-seed", "11");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).contains("b6e8a0c2d4f1 orders total cents, contract: passed")
                .contains("passed: 7 migration(s) walked up, down and up, 500 generated rows per table (seed 11)")
                .doesNotContain("no generated rows in");
        // the contract's down adds total_dollars again, last: reported, not failed
        assertThat(run.out()).contains("note: downgrade of b6e8a0c2d4f1: columns of public.orders are in another order");
    }

    @Test
    void twoBranchesAndAMerge_everyBranchIsWalked() {
        StairwayProject p = new StairwayProject(dir).users()
                .add(MigrationText.of("b1", "a1").up("ALTER TABLE users ADD COLUMN email text;")
                        .down("ALTER TABLE users DROP COLUMN email;"))
                .add(MigrationText.of("c1", "a1").up("CREATE TABLE tags (id int PRIMARY KEY, label text NOT NULL);")
                        .down("DROP TABLE tags;"))
                .add(MigrationText.of("m1", "b1, c1").header("message", "merge").up("").down(""));

        CliRun run = p.test("--rows", "50");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).containsPattern("(?m)^a1: passed")
                .containsPattern("(?m)^b1: passed")
                .containsPattern("(?m)^c1: passed")
                .containsPattern("(?m)^m1 merge: passed")
                .contains("passed: 4 migration(s)");
    }

    @Test
    void downThatForgetsAnIndex_failsNamingIt() {
        StairwayProject p = new StairwayProject(dir).users()
                .add(MigrationText.of("b1", "a1").up("CREATE INDEX ix_users_name ON users (name);")
                        .down("COMMENT ON TABLE users IS NULL;"))
                .add(MigrationText.of("c1", "b1").up("ALTER TABLE users ADD COLUMN email text;")
                        .down("ALTER TABLE users DROP COLUMN email;"));

        CliRun run = p.test();

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
        assertThat(run.out()).contains("downgrade of b1: index ix_users_name on public.users still exists")
                .contains("not reached: c1")
                .contains("FAILED: 1 of 2 migration(s)");
    }

    @Test
    void downThatLeavesAnotherLength_failsWithBothTypes() {
        StairwayProject p = new StairwayProject(dir).users()
                .add(MigrationText.of("b1", "a1").up("ALTER TABLE users ALTER COLUMN name TYPE varchar(768);")
                        .down("ALTER TABLE users ALTER COLUMN name TYPE varchar(512);"));

        CliRun run = p.test();

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
        assertThat(run.out()).contains("downgrade of b1: column public.users.name is character varying(512),"
                + " was character varying(255) before the upgrade");
    }

    @Test
    void downThatMakesAConstraintThatWasNotThere_fails() {
        StairwayProject p = new StairwayProject(dir).users()
                .add(MigrationText.of("b1", "a1").up("ALTER TABLE users ADD COLUMN age integer;")
                        .down("ALTER TABLE users DROP COLUMN age;\n"
                                + "ALTER TABLE users ADD CONSTRAINT users_name_not_empty CHECK (name <> '');"));

        CliRun run = p.test();

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
        assertThat(run.out()).contains("downgrade of b1: constraint users_name_not_empty on public.users exists,"
                + " and did not before the upgrade");
    }

    @Test
    void downThatLeavesASequenceRenamed_fails() {
        StairwayProject p = new StairwayProject(dir)
                .add(MigrationText.of("a1", "none").up("CREATE TABLE items (id serial PRIMARY KEY, name text);")
                        .down("DROP TABLE items;"))
                .add(MigrationText.of("b1", "a1").up("ALTER TABLE items RENAME TO products;\n"
                                + "ALTER SEQUENCE items_id_seq RENAME TO products_id_seq;")
                        .down("ALTER TABLE products RENAME TO items;"));

        CliRun run = p.test();

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
        assertThat(run.out()).contains("downgrade of b1: sequence public.products_id_seq still exists");
    }

    @Test
    void downThatErrorsRightAfterItsUp_failsWithTheStatement() {
        StairwayProject p = new StairwayProject(dir).users()
                .add(MigrationText.of("b1", "a1").up("CREATE TABLE audit (id bigint);")
                        .down("DROP TABLE audit_log;"));

        CliRun run = p.test();

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
        assertThat(run.out()).contains("downgrade of b1 failed right after its upgrade:")
                .contains("statement: DROP TABLE audit_log")
                .contains("table \"audit_log\" does not exist");
    }

    @Test
    void downThatLosesValuesItCouldHaveKept_failsPerTable() {
        StairwayProject p = new StairwayProject(dir).users().add(lossyDown("yes"));

        CliRun run = p.test("--rows", "200");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
        assertThat(run.out()).contains("data lost: public.users.name: the values after the downgrade differ from"
                + " those before the upgrade");
    }

    @Test
    void lossyMigration_losesWhatItDeclaresWithoutFailing() {
        StairwayProject p = new StairwayProject(dir).users().add(lossyDown("lossy"));

        CliRun run = p.test("--rows", "200");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).contains("data lost as declared (reversible: lossy): public.users.name");
    }

    @Test
    void lossyMigration_losingMoreThanWhatItsUpChanges_stillFails() {
        StairwayProject p = new StairwayProject(dir).users().add(MigrationText.of("b1", "a1")
                .header("reversible", "lossy")
                .up("ALTER TABLE users ALTER COLUMN name TYPE text;")
                // the down puts the type back, and also wipes a column the up never touched
                .down("ALTER TABLE users ALTER COLUMN name TYPE varchar(255);\n"
                        + "UPDATE users SET created_at = '2000-01-01';"));

        CliRun run = p.test("--rows", "200");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
        assertThat(run.out()).contains("data lost: public.users.created_at");
    }

    @Test
    void tablesItCannotFill_areSkippedAndListed_whileTheOthersGetRows() {
        StairwayProject p = new StairwayProject(dir).users()
                .add(MigrationText.of("b1", "a1").up("CREATE TABLE currencies (code text NOT NULL CHECK (code ~ '^[A-Z]{3}$'));\n"
                                + "CREATE TABLE places (id int PRIMARY KEY, at point NOT NULL);\n"
                                + "CREATE TABLE orders (id int PRIMARY KEY, user_id bigint NOT NULL REFERENCES users (id));")
                        .down("DROP TABLE orders;\nDROP TABLE places;\nDROP TABLE currencies;"))
                .add(MigrationText.of("c1", "b1").up("ALTER TABLE orders ADD COLUMN note text;")
                        .down("ALTER TABLE orders DROP COLUMN note;"));

        CliRun run = p.test("--rows", "30");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).contains("no generated rows in public.currencies: the generated rows were refused:")
                .contains("no generated rows in public.places: required column at has type point, which it cannot"
                        + " make values of")
                .doesNotContain("no generated rows in public.orders")
                .doesNotContain("no generated rows in public.users");
    }

    /** A type change whose down makes the column again instead of changing it back: the names go. */
    private static MigrationText lossyDown(String reversible) {
        return MigrationText.of("b1", "a1").header("reversible", reversible)
                .up("ALTER TABLE users ALTER COLUMN name TYPE text;")
                .down("ALTER TABLE users DROP COLUMN name;\n"
                        + "ALTER TABLE users ADD COLUMN name varchar(255) NOT NULL DEFAULT '';\n"
                        + "ALTER TABLE users ALTER COLUMN name DROP DEFAULT;");
    }
}
