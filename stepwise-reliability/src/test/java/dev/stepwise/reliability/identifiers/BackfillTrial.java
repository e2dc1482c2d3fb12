package dev.stepwise.reliability.identifiers;

import dev.stepwise.it.CliRun;
import dev.stepwise.it.MigrationText;
import dev.stepwise.sql.ScriptItem;
import dev.stepwise.sql.StatementSplitter;
import dev.stepwise.testing.TestDatabase;
import dev.stepwise.testing.TestPostgres;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static dev.stepwise.reliability.identifiers.Written.ident;
import static dev.stepwise.reliability.identifiers.Written.qualified;

/**
 * Batched statements ({@code -- stepwise:batch}) on a table whose schema, name, alias, two-column
 * primary key and columns are hostile: the runner's keyset batches (which read the key from the
 * catalog and build every batch's SQL from it), then the offline {@code DO} block of
 * {@code upgrade --sql}, run on a database of its own. Both must change exactly the rows the
 * statements select, and nothing else.
 */
final class BackfillTrial {

    private static final int ROWS = 23;

    private BackfillTrial() {
    }

    static String run(Path dir, HostileNames names) {
        String schema = names.next();
        String table = names.next();
        String k1 = names.next();
        String k2 = names.next();
        String source = names.next();
        String target = names.next();
        boolean aliased = names.random().nextBoolean();
        String alias = aliased ? names.next() : null;
        int size = 2 + names.random().nextInt(5);
        TrialProject p = new TrialProject(dir, "batched UPDATE and DELETE on " + qualified(schema, table)
                + (aliased ? " AS " + ident(alias) : "") + ", key (" + ident(k1) + ", " + ident(k2) + "), size " + size);
        try {
            String t = qualified(schema, table);
            String q = aliased ? ident(alias) : t;
            StringBuilder rows = new StringBuilder();
            for (int i = 1; i <= ROWS; i++) {
                rows.append(i == 1 ? "" : ", ").append("(").append(i).append(", ").append(Written.literal(k2 + i))
                        .append(", ").append(Written.literal("v" + i)).append(")");
            }
            p.add(MigrationText.of("b1", Canary.REVISION).up("CREATE SCHEMA " + ident(schema) + ";\n"
                    + "CREATE TABLE " + t + " (" + ident(k1) + " integer, " + ident(k2) + " text, " + ident(source)
                    + " text NOT NULL, " + ident(target) + " text, PRIMARY KEY (" + ident(k1) + ", " + ident(k2) + "));\n"
                    + "INSERT INTO " + t + " (" + ident(k1) + ", " + ident(k2) + ", " + ident(source) + ") VALUES "
                    + rows + ";").down("DROP SCHEMA " + ident(schema) + " CASCADE;"));
            p.add(MigrationText.of("b2", "b1").up("-- stepwise:batch size=" + size + "\n"
                    + "UPDATE " + t + (aliased ? " AS " + ident(alias) : "") + " SET " + ident(target) + " = upper("
                    + q + "." + ident(source) + ") WHERE " + q + "." + ident(target) + " IS NULL;\n"
                    + "-- stepwise:batch size=" + size + "\n"
                    + "DELETE FROM " + t + (aliased ? " AS " + ident(alias) : "") + " WHERE " + q + "." + ident(k1)
                    + " > 20;").down("UPDATE " + t + " SET " + ident(target) + " = NULL;"));
            if (p.expect(0, "upgrade", "head") != null) {
                check(p, p.db, "after upgrade", schema, table, source, target);
            }
            if (p.expect(0, "downgrade", "b1") != null) {
                p.same("after downgrade, the target column", List.of(ROWS - 3 + " <null>"),
                        counts(p.catalog.values(schema, table, target)));
            }
            CliRun script = p.expect(0, "upgrade", "--sql", "head");
            if (script != null) {
                TestDatabase fresh = TestPostgres.server().newDatabase();
                try (Connection c = fresh.connect(); Statement s = c.createStatement()) {
                    for (ScriptItem.Statement statement : StatementSplitter.statements(script.out())) {
                        s.execute(statement.sql());
                    }
                    check(p, fresh, "after the offline script", schema, table, source, target);
                } catch (SQLException e) {
                    p.problem("the offline script fails: " + e.getMessage());
                }
            }
        } catch (RuntimeException e) {
            p.problem("threw " + e);
        }
        return p.failure();
    }

    private static void check(TrialProject p, TestDatabase db, String stage, String schema, String table,
                              String source, String target) {
        Catalog c = new Catalog(db);
        List<String> expected = new ArrayList<>();
        for (int i = 1; i <= 20; i++) {
            expected.add("V" + i);
        }
        p.same(stage + ", the updated column", expected.stream().sorted().toList(), c.values(schema, table, target));
        p.same(stage + ", the source column", expected.stream().map(v -> "v" + v.substring(1)).sorted().toList(),
                c.values(schema, table, source));
        String canary = Canary.check(db);
        if (canary != null) {
            p.problem(stage + ": " + canary);
        }
    }

    /** {@code n value} per distinct value. */
    private static List<String> counts(List<String> values) {
        return values.stream().distinct().map(v -> values.stream().filter(v::equals).count() + " " + v).toList();
    }
}
