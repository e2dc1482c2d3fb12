package dev.stepwise.it.autogen;

import dev.stepwise.it.CliRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code diff}, {@code drift} and {@code baseline} on real PostgreSQL: happy paths and refusals. */
class SchemaCommandsCliTest {

    @TempDir
    Path dir;

    @Test
    void diff_printsTheSqlBetweenMigrationsAtARevision_aSqlDirectory_andALiveDatabase() {
        SchemaProject p = new SchemaProject(dir).orders("id bigint PRIMARY KEY, note text")
                .schema("orders.sql", "CREATE TABLE orders (id bigint PRIMARY KEY, note text);\n"
                        + "CREATE INDEX orders_note ON orders (note);\n"
                        + "CREATE TABLE things (id int);\nALTER TABLE things ENABLE ROW LEVEL SECURITY;\n");

        CliRun fromBase = p.cli.run("diff", "--from", "migrations@base", "--to", "migrations@head");
        CliRun toSchema = p.cli.run("diff", "--from", "migrations@head", "--to", "schema", "--verbose");

        assertThat(fromBase.exitCode()).as("%s", fromBase).isZero();
        assertThat(fromBase.out()).contains("-- + table public.orders", "CREATE TABLE public.orders (");
        assertThat(toSchema.exitCode()).as("%s", toSchema).isZero();
        assertThat(toSchema.out()).contains("-- outside a transaction\nCREATE INDEX CONCURRENTLY orders_note",
                "CREATE TABLE public.things", "-- not modelled, in schema: row level security public.things")
                .doesNotContain("public.orders (");

        assertThat(p.cli.run("upgrade", "head").exitCode()).isZero();
        CliRun fromLive = p.cli.run("diff", "--from", p.db.url(), "--to", "migrations@base");
        assertThat(fromLive.exitCode()).as("%s", fromLive).isZero();
        assertThat(fromLive.out()).contains("DROP TABLE public.orders", "(destructive: a contract migration's)")
                .doesNotContain("stepwise_version");
    }

    @Test
    void diff_refusesAnUnknownRevisionOrSource_andAnUnreachableUrlFailsWithoutItsPassword() {
        SchemaProject p = new SchemaProject(dir).orders("id bigint PRIMARY KEY");

        CliRun unknown = p.cli.run("diff", "--from", "migrations@nope", "--to", "migrations@head");
        CliRun nowhere = p.cli.run("diff", "--from", "no-such-dir", "--to", "migrations@head");
        CliRun unreachable = p.cli.run("diff", "--from", "postgresql://app:s3cret-pw@127.0.0.1:1/app",
                "--to", "migrations@head");

        assertThat(unknown.exitCode()).as("%s", unknown).isEqualTo(2);
        assertThat(unknown.errorLine()).contains("nope");
        assertThat(nowhere.exitCode()).as("%s", nowhere).isEqualTo(2);
        assertThat(nowhere.errorLine()).contains("no-such-dir is no database URL and no directory");
        assertThat(unreachable.exitCode()).as("%s", unreachable).isEqualTo(1);
        assertThat(unreachable.errorLine()).contains("127.0.0.1:1");
        assertThat(unreachable.toString()).doesNotContain("s3cret-pw");
    }

    @Test
    void drift_reportsObjectsChangedByHand_andNothingOnAMigratedDatabase() {
        SchemaProject p = new SchemaProject(dir).orders("id bigint PRIMARY KEY, note text");
        assertThat(p.cli.run("upgrade", "head").exitCode()).isZero();

        CliRun clean = p.cli.run("drift");
        p.db.execute("ALTER TABLE orders ADD COLUMN hack int");
        p.db.execute("ALTER TABLE orders DROP COLUMN note");
        p.db.execute("CREATE TABLE scratch (id int)");
        CliRun drifted = p.cli.run("drift");
        CliRun json = p.cli.run("drift", "--format", "json");

        assertThat(clean.exitCode()).as("%s", clean).isZero();
        assertThat(clean.out()).contains("no drift: the database has the schema of revision a1");
        assertThat(drifted.exitCode()).as("%s", drifted).isEqualTo(1);
        assertThat(drifted.out()).contains("drift: 3 difference(s) from the schema of revision a1",
                "+ column public.orders.hack integer", "- column public.orders.note", "+ table public.scratch");
        assertThat(json.exitCode()).isEqualTo(1);
        assertThat(json.out()).contains("\"revisions\" : [ \"a1\" ]", "\"text\" : \"table public.scratch\"");
    }

    @Test
    void drift_refusesADatabaseWithoutVersionTable_orAtAnUnknownRevision() {
        SchemaProject p = new SchemaProject(dir).orders("id bigint PRIMARY KEY");

        CliRun never = p.cli.run("drift");
        assertThat(p.cli.run("stamp", "a1").exitCode()).isZero();
        p.db.execute("UPDATE stepwise_version SET revision = 'ffffffffffff'");
        CliRun unknown = p.cli.run("drift");

        assertThat(never.exitCode()).as("%s", never).isEqualTo(2);
        assertThat(never.errorLine()).contains("no public.stepwise_version table", "baseline");
        assertThat(unknown.exitCode()).as("%s", unknown).isEqualTo(2);
        assertThat(unknown.errorLine()).contains("ffffffffffff");
    }

    @Test
    void baseline_writesTheFirstRevisionFromTheLiveSchema_thatLintsClean_andStampsWithoutDrift() throws Exception {
        SchemaProject p = new SchemaProject(dir);
        p.db.execute("CREATE TABLE customers (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, email text NOT NULL"
                + " UNIQUE)");
        p.db.execute("CREATE TABLE orders (id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY, customer_id bigint NOT NULL REFERENCES customers,"
                + " total numeric(12,2) NOT NULL DEFAULT 0 CHECK (total >= 0))");
        p.db.execute("CREATE INDEX orders_customer ON orders (customer_id)");

        CliRun run = p.cli.run("baseline", "-m", "adopt");

        assertThat(run.exitCode()).as("%s", run).isZero();
        List<Path> files = p.migrations();
        assertThat(files).hasSize(1);
        String text = Files.readString(files.get(0));
        String revision = text.lines().findFirst().orElseThrow().replace("-- revision: ", "");
        assertThat(text).contains("-- down_revision: none", "-- reversible: lossy", "CREATE TABLE public.customers",
                "CREATE INDEX orders_customer ON public.orders", "DROP TABLE public.orders");
        assertThat(run.out()).contains("+ table public.orders", "stepwise stamp " + revision);
        CliRun lint = p.cli.run("lint");
        assertThat(lint.exitCode()).as("%s", lint).isZero();
        assertThat(lint.out()).as("%s", lint).contains("0 errors, 0 warnings");
        assertThat(p.cli.run("stamp", revision).exitCode()).isZero();
        CliRun drift = p.cli.run("drift");
        assertThat(drift.exitCode()).as("%s", drift).isZero();

        CliRun again = p.cli.run("baseline", "-m", "again");
        assertThat(again.exitCode()).as("%s", again).isEqualTo(2);
        assertThat(again.errorLine()).contains("has migrations already");
    }
}
