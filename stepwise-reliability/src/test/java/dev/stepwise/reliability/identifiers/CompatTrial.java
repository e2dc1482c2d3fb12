package dev.stepwise.reliability.identifiers;

import dev.stepwise.it.CliRun;
import dev.stepwise.it.MigrationText;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.stepwise.reliability.identifiers.Written.ident;
import static dev.stepwise.reliability.identifiers.Written.qualified;

/**
 * {@code compat}, the expand/contract compatibility check, on running code whose statements name
 * hostile tables and columns: pending a generated {@code --rename-column} expand and a hand-written
 * one that retypes a column, each statement must get the verdict its names call for (what still
 * prepares alike is {@code ok}, {@code SELECT *} gains a column, the retyped column is a failure
 * naming it), and describing them must change nothing.
 */
final class CompatTrial {

    private static final Pattern VERDICT = Pattern.compile("queries\\.sql:(\\d+): (ok|warning|failure|already failing)");

    private CompatTrial() {
    }

    static String run(Path dir, HostileNames names) {
        String schema = names.next();
        String table = names.next();
        String other = names.next();
        String key = names.next();
        String renamed = names.next();
        String retyped = names.next();
        String newName = names.next();
        String missing = names.next();
        TrialProject p = new TrialProject(dir, "compat on " + qualified(schema, table));
        try {
            String t = qualified(schema, table);
            String t2 = qualified(schema, other);
            p.add(MigrationText.of("b1", Canary.REVISION).up("CREATE SCHEMA " + ident(schema) + ";\n"
                    + "CREATE TABLE " + t + " (" + ident(key) + " bigint PRIMARY KEY, " + ident(renamed) + " text);\n"
                    + "CREATE TABLE " + t2 + " (" + ident(key) + " bigint PRIMARY KEY, " + ident(retyped) + " integer);\n"
                    + "INSERT INTO " + t + " VALUES (1, 'a');")
                    .down("DROP SCHEMA " + ident(schema) + " CASCADE;"));
            if (p.expect(0, "upgrade", "head") == null) {
                return p.failure();
            }
            if (p.expect(0, "revision", "--rename-column", Written.path(schema, table, renamed) + ":" + ident(newName),
                    "-m", "rename") == null) {
                return p.failure();
            }
            String expand = p.migrations().stream().map(TrialProject::text)
                    .filter(text -> text.contains("-- message: expand: ")).map(TrialProject::revision)
                    .findFirst().orElseThrow();
            // a second expand on top of the first, by hand: a column changes type under the running code
            p.add(MigrationText.of("e3", expand).up("ALTER TABLE " + t2 + " ALTER COLUMN " + ident(retyped)
                    + " TYPE bigint;").down("ALTER TABLE " + t2 + " ALTER COLUMN " + ident(retyped) + " TYPE integer;"));
            Map<String, String> expected = new LinkedHashMap<>();
            expected.put("SELECT " + ident(key) + ", " + ident(renamed) + " FROM " + t + " WHERE " + ident(key) + " = ?",
                    "ok");
            expected.put("SELECT * FROM " + t, "warning");
            expected.put("INSERT INTO " + t + " (" + ident(key) + ", " + ident(renamed) + ") VALUES (?, ?)", "ok");
            expected.put("SELECT " + ident(retyped) + " FROM " + t2, "failure");
            expected.put("SELECT " + ident(missing) + " FROM " + t, "already failing");
            StringBuilder file = new StringBuilder();
            List<String> lines = new ArrayList<>();
            int line = 1;
            for (String statement : expected.keySet()) {
                lines.add(String.valueOf(line));
                file.append(statement).append(";\n");
                line += (int) statement.chars().filter(ch -> ch == '\n').count() + 1;
            }
            p.write("queries.sql", file.toString());
            CliRun compat = p.expect(1, "compat", "--queries", "queries.sql", "heads");
            if (compat != null) {
                Map<String, String> found = new LinkedHashMap<>();
                Matcher m = VERDICT.matcher(compat.out());
                while (m.find()) {
                    found.putIfAbsent(m.group(1), m.group(2));
                }
                List<String> wanted = new ArrayList<>(expected.values());
                for (int i = 0; i < wanted.size(); i++) {
                    p.same("verdict of statement " + (i + 1), wanted.get(i), String.valueOf(found.get(lines.get(i))));
                }
                if (!compat.out().contains(retyped + ": integer -> bigint")) {
                    p.problem("the failure does not name " + ident(retyped) + ": " + compat.out().strip());
                }
            }
            p.same("after compat, the heads", List.of("b1"), p.db.column("SELECT revision FROM public.stepwise_version"));
            p.same("after compat, the columns", List.of(key + " NOT NULL", renamed), p.catalog.columns(schema, table));
            p.checkCanary("after compat");
        } catch (RuntimeException e) {
            p.problem("threw " + e);
        }
        return p.failure();
    }
}
