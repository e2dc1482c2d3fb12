package dev.stepwise.reliability.identifiers;

import dev.stepwise.it.CliRun;
import dev.stepwise.sql.ScriptItem;
import dev.stepwise.sql.StatementSplitter;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import static dev.stepwise.reliability.identifiers.Written.ident;
import static dev.stepwise.reliability.identifiers.Written.qualified;

/**
 * Names holding a line break ({@code \n}, {@code \r}, {@code \r\n}) followed by SQL, read from a
 * live database by {@code baseline} and by {@code diff} (whose output users pipe to psql):
 * Stepwise writes names into comment lines ({@code -- + table ...}), and a line break PostgreSQL
 * or Stepwise's own reader honours would end the comment and turn the rest of the name into a
 * statement. What is written must hold no statement but the ones the schema needs, and the
 * canary must be intact. (A baseline may still refuse such a name: Stepwise reads a carriage
 * return in a file as a line end, inside quotes too, so the name does not survive the replay.)
 */
final class LineBreakTrial {

    private static final List<String> BREAKS = List.of("\n", "\r", "\r\n");

    private LineBreakTrial() {
    }

    static String run(Path dir, HostileNames names) {
        try {
            return trial(dir, names);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String trial(Path dir, HostileNames names) throws java.io.IOException {
        String lineBreak = BREAKS.get(names.random().nextInt(BREAKS.size()));
        String schema = names.next();
        String table = "x" + lineBreak + "DELETE FROM public.canary; --";
        String column = "y" + lineBreak + "DROP TABLE public.canary; --";
        TrialProject p = new TrialProject(dir, "names with " + lineBreak.replace("\r", "\\r").replace("\n", "\\n")
                + " in baseline, " + qualified(schema, table).replace("\r", "\\r").replace("\n", "\\n"));
        try {
            // made on the live database, as someone with CREATE on it may; the root migration is not used
            p.db.execute(Canary.SCHEMA_SQL + "INSERT INTO public.canary VALUES (1, 'alpha'), (2, 'beta'), (3, 'gamma');"
                    + "SELECT setval('public.canary_marker', 4242);");
            p.db.execute("CREATE SCHEMA " + ident(schema) + "; CREATE TABLE " + qualified(schema, table) + " ("
                    + ident(column) + " int PRIMARY KEY)");
            clearMigrations(p);
            CliRun run = p.cli.run("baseline", "-m", "adopt");
            if (run.exitCode() == 0) {
                for (String text : p.newMigrations(List.of())) {
                    int down = text.indexOf("\n-- +down");
                    injected(p, "the baseline's +up", text.substring(0, down), List.of("DELETE", "DROP"));
                    injected(p, "the baseline's +down", text.substring(down), List.of("DELETE"));
                }
            }
            // the SQL of the live schema, as a user would pipe it to psql
            Path empty = dir.resolve("empty");
            java.nio.file.Files.createDirectories(empty);
            java.nio.file.Files.writeString(empty.resolve("none.sql"), "SELECT 1;");
            CliRun diff = p.expect(0, "diff", "--from", empty.toString(), "--to", p.db.url(), "--verbose");
            if (diff != null) {
                injected(p, "diff", diff.out(), List.of("DELETE", "DROP"));
            }
            p.checkCanary("after baseline and diff");
        } catch (RuntimeException e) {
            p.problem("threw " + e);
        }
        return p.failure();
    }

    /** A statement starting with one of the verbs, which the schema never needs here, came from a name. */
    private static void injected(TrialProject p, String where, String section, List<String> verbs) {
        for (ScriptItem.Statement s : StatementSplitter.statements(section)) {
            if (!s.tokens().isEmpty() && verbs.contains(s.tokens().get(0).toUpperCase(Locale.ROOT))) {
                p.problem(where + " holds a statement nobody wrote: "
                        + s.sql().replace("\r", "\\r").replace("\n", "\\n"));
            }
        }
    }

    private static void clearMigrations(TrialProject p) {
        for (Path f : p.migrations()) {
            try {
                java.nio.file.Files.delete(f);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }
}
