package dev.stepwise.reliability.identifiers;

import dev.stepwise.it.MigrationText;
import dev.stepwise.testing.TestDatabase;

import java.util.List;

/**
 * What must survive every trial unchanged: a table with three rows, and a sequence at a value no
 * migration sets, which only a statement nobody meant to run could change. The hostile names'
 * injections aim at both ({@code DROP TABLE canary}, {@code DELETE FROM canary}).
 */
final class Canary {

    /** The root migration of every trial's project, so replays and schema comparisons see the canary too. */
    static final String REVISION = "c0";

    /** The canary's schema, for {@code schema/} directories. */
    static final String SCHEMA_SQL = """
            CREATE TABLE public.canary (id integer PRIMARY KEY, word text NOT NULL);
            CREATE SEQUENCE public.canary_marker;
            """;

    private static final List<String> ROWS = List.of("1 alpha", "2 beta", "3 gamma");
    private static final String MARKER = "4242";

    private Canary() {
    }

    static MigrationText migration() {
        return MigrationText.of(REVISION, "none").up(SCHEMA_SQL
                        + "INSERT INTO public.canary VALUES (1, 'alpha'), (2, 'beta'), (3, 'gamma');\n"
                        + "SELECT pg_catalog.setval('public.canary_marker', " + MARKER + ");")
                .down("DROP SEQUENCE public.canary_marker;\nDROP TABLE public.canary;");
    }

    /** Null when the canary is as planted; else what happened to it. */
    static String check(TestDatabase db) {
        try {
            List<String> rows = db.column("SELECT id || ' ' || word FROM public.canary ORDER BY id");
            if (!rows.equals(ROWS)) {
                return "canary rows changed: " + rows;
            }
            String marker = db.value("SELECT last_value || ' ' || is_called FROM public.canary_marker");
            if (!marker.equals(MARKER + " true")) {
                return "canary marker changed: " + marker;
            }
            return null;
        } catch (RuntimeException e) {
            return "canary gone: " + e.getMessage();
        }
    }
}
