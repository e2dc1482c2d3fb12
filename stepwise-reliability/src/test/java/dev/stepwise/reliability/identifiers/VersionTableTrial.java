package dev.stepwise.reliability.identifiers;

import dev.stepwise.it.CliRun;
import dev.stepwise.it.MigrationText;
import dev.stepwise.sql.ScriptItem;
import dev.stepwise.sql.StatementSplitter;
import dev.stepwise.testing.TestDatabase;
import dev.stepwise.testing.TestPostgres;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import static dev.stepwise.reliability.identifiers.RenameColumnTrial.sorted;
import static dev.stepwise.reliability.identifiers.Written.ident;

/**
 * Stepwise's own tables under hostile names ({@code schema}, {@code version_table} and
 * {@code history_table}, from the environment): every command that reads or writes them, the
 * contract gate's usage baseline kept next to them ({@code <version table>_usage}, a derived
 * name), and the offline script of {@code upgrade --sql}, run on a database of its own. A name
 * over 63 bytes must be refused as bad configuration (exit 2), never cut.
 */
final class VersionTableTrial {

    private VersionTableTrial() {
    }

    /** What the trial aims at. */
    enum Case {
        /** Names of any family. */
        ANY,
        /** A name with a backslash and a quote, on a database with {@code standard_conforming_strings} off. */
        LITERAL_ESCAPES,
        /** A version table of 63 bytes: the usage table's name, derived from it, is longer. */
        LONGEST,
        /** A version table over 63 bytes, multibyte and cut inside a character: refused. */
        OVERLONG
    }

    static String run(Path dir, HostileNames names, Case aim) {
        boolean overlong = aim == Case.OVERLONG;
        String schema = aim == Case.LITERAL_ESCAPES ? "s\\'); DELETE FROM canary; --" + names.random().nextInt(1000) : names.next();
        String version = switch (aim) {
            case OVERLONG -> names.overlong(true);
            case LONGEST -> names.nextOf(HostileNames.Family.EXACTLY_63_BYTES, HostileNames.Family.MULTIBYTE_63_BYTES);
            case LITERAL_ESCAPES -> "x\\'); DROP TABLE canary; --" + names.random().nextInt(1000);
            case ANY -> names.next();
        };
        String history = names.next();
        String column = names.next();
        TrialProject p = new TrialProject(dir, "version tables " + ident(schema) + "." + ident(version) + ", "
                + ident(history));
        try {
            p.cli.env("STEPWISE_SCHEMA", schema).env("STEPWISE_VERSION_TABLE", version)
                    .env("STEPWISE_HISTORY_TABLE", history);
            p.add(MigrationText.of("m1", Canary.REVISION).up("CREATE TABLE public.items (id bigint PRIMARY KEY, "
                    + ident(column) + " text);\nINSERT INTO public.items VALUES (1, 'a'), (2, 'b');\n"
                    + "-- stepwise:batch size=1\nUPDATE public.items SET " + ident(column) + " = 'c' WHERE "
                    + ident(column) + " IS DISTINCT FROM 'c';")
                    .down("DROP TABLE public.items;"));
            if (overlong) {
                // PostgreSQL would keep 63 bytes of it: Stepwise must say so rather than use another table
                CliRun run = p.expect(2, "upgrade", "head");
                if (run != null && !run.err().contains("63")) {
                    p.problem("the refusal does not say the limit: " + run.err().strip());
                }
                p.same("after the refused run, schemas", List.of("public"), p.catalog.schemas());
                p.same("after the refused run, relations", List.of(), p.catalog.relations("public"));
                return p.failure();
            }
            p.db.execute("CREATE EXTENSION pg_stat_statements");
            if (aim == Case.LITERAL_ESCAPES || aim == Case.ANY && names.random().nextBoolean()) {
                // as an old database may still have it: a backslash in a plain literal then escapes the quote
                p.db.execute("ALTER DATABASE " + ident(p.db.name()) + " SET standard_conforming_strings = off");
                p.db.execute("ALTER DATABASE " + ident(p.db.name()) + " SET escape_string_warning = off");
            }
            Catalog c = p.catalog;
            if (p.expect(0, "upgrade", "head") == null) {
                return p.failure();
            }
            p.same("after upgrade, Stepwise's tables", sorted("r:" + version, "r:" + history), tables(c, schema));
            p.same("after upgrade, the heads", List.of("m1"), heads(p.db, schema, version));
            p.same("after upgrade, the batched column", List.of("c", "c"), c.values("public", "items", column));
            p.checkCanary("after upgrade");
            for (String command : List.of("current", "history", "status", "validate", "heads")) {
                CliRun run = p.expect(0, command);
                if (run != null && !command.equals("validate") && !run.out().contains("m1")) {
                    p.problem("`" + command + "` does not show m1: " + run.out().strip());
                }
            }
            // an expand and the contract that finishes it: the gate keeps a usage baseline next to the version table
            p.add(MigrationText.of("e2", "m1").up("ALTER TABLE public.items ADD COLUMN spare text;")
                    .down("ALTER TABLE public.items DROP COLUMN spare;"));
            p.add(MigrationText.of("c3", "e2").header("phase", "contract").header("expands", "e2")
                    .header("reversible", "lossy").up("ALTER TABLE public.items DROP COLUMN " + ident(column) + ";")
                    .down("ALTER TABLE public.items ADD COLUMN " + ident(column) + " text;"));
            CliRun expand = p.expect(0, "upgrade", "head");
            if (expand != null && !expand.out().contains("waiting: c3")) {
                p.problem("the contract did not wait for its expand's deploy: " + expand.out().strip());
            }
            oldCode(p.db, "SELECT id, " + ident(column) + " FROM public.items WHERE id = ?");
            CliRun used = p.expect(0, "upgrade", "head");
            if (used != null && !used.out().contains("waiting: c3: statements using")) {
                p.problem("old code's statements on " + ident(column) + " did not hold the contract: "
                        + used.out().strip());
            }
            CliRun contract = p.expect(0, "upgrade", "head");
            if (contract != null && contract.out().contains("evicted")) {
                // the suite's other databases share the server's statement counters: under that load the
                // gate cannot tell, and says so; the baseline table it keeps is made by now
                contract = p.expect(0, "upgrade", "head", "--force-contract");
            }
            if (contract != null) {
                p.same("after the contract (" + contract.out().strip() + "), the heads", List.of("c3"),
                        heads(p.db, schema, version));
                List<String> tables = tables(c, schema);
                if (tables.size() != 3 || !tables.contains("r:" + version) || !tables.contains("r:" + history)) {
                    p.problem("after the contract, Stepwise's tables (version, history, usage baseline): " + tables);
                }
                p.checkCanary("after the contract");
            }
            if (p.expect(0, "downgrade", "m1") != null) {
                p.same("after downgrade, the heads", List.of("m1"), heads(p.db, schema, version));
            }
            if (p.expect(0, "stamp", "c3") != null) {
                p.same("after stamp, the heads", List.of("c3"), heads(p.db, schema, version));
            }
            offline(p, schema, version, history);
            p.checkCanary("at the end");
        } catch (RuntimeException e) {
            p.problem("threw " + e);
        }
        return p.failure();
    }

    /** {@code upgrade --sql head}, run statement by statement on a new database: the same tables and heads. */
    private static void offline(TrialProject p, String schema, String version, String history) {
        CliRun script = p.expect(0, "upgrade", "--sql", "head");
        if (script == null) {
            return;
        }
        TestDatabase fresh = TestPostgres.server().newDatabase();
        try (Connection c = fresh.connect(); Statement s = c.createStatement()) {
            for (ScriptItem.Statement statement : StatementSplitter.statements(script.out())) {
                s.execute(statement.sql());
            }
        } catch (SQLException e) {
            p.problem("the offline script fails: " + e.getMessage());
            return;
        }
        Catalog c = new Catalog(fresh);
        p.same("after the offline script, Stepwise's tables", sorted("r:" + version, "r:" + history), tables(c, schema));
        p.same("after the offline script, the heads", List.of("c3"), heads(fresh, schema, version));
        String canary = Canary.check(fresh);
        if (canary != null) {
            p.problem("after the offline script: " + canary);
        }
    }

    private static List<String> tables(Catalog c, String schema) {
        return sorted(c.relations(schema).stream().filter(r -> r.startsWith("r:")).toList());
    }

    private static List<String> heads(TestDatabase db, String schema, String version) {
        return db.column("SELECT revision FROM " + Written.qualified(schema, version) + " ORDER BY 1");
    }

    /** The running code's statement, run a few times, so the statement counters see it. */
    private static void oldCode(TestDatabase db, String sql) {
        try (Connection c = db.connect(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < 3; i++) {
                s.setLong(1, i);
                s.executeQuery().close();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }
}
