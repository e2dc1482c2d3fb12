package dev.stepwise.reliability.identifiers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stepwise.it.CliRun;
import dev.stepwise.it.MigrationText;
import dev.stepwise.sql.ScriptItem;
import dev.stepwise.sql.StatementSplitter;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static dev.stepwise.reliability.identifiers.RenameColumnTrial.sorted;
import static dev.stepwise.reliability.identifiers.Written.ident;
import static dev.stepwise.reliability.identifiers.Written.qualified;

/**
 * Lint's fixes ({@code lint --format json}, {@code "fix"}) for statements on hostile names: a
 * {@code SET NOT NULL}, named and unnamed {@code UNIQUE}, an unnamed {@code CHECK}, an unnamed
 * foreign key and a plain {@code CREATE INDEX}. Each fix is run as written on the database; the
 * catalog must then hold what the statement meant, under the names the fixes chose (derived ones
 * distinct and within 63 bytes), and the canary must be intact.
 */
final class LintFixTrial {

    private static final List<String> RULES = List.of("set-not-null-scans", "unique-without-index",
            "check-validated-at-once", "foreign-key-validated-at-once", "create-index-non-concurrently");

    private LintFixTrial() {
    }

    static String run(Path dir, HostileNames names) {
        String schema = names.next();
        String table = names.next();
        String parent = names.next();
        String key = names.next();
        String a = names.next();
        String b = names.next();
        String c = names.next();
        String unique = names.next();
        String index = names.next();
        TrialProject p = new TrialProject(dir, "lint fixes on " + qualified(schema, table));
        try {
            String t = qualified(schema, table);
            p.add(MigrationText.of("b1", Canary.REVISION).up("CREATE SCHEMA " + ident(schema) + ";\n"
                    + "CREATE TABLE " + qualified(schema, parent) + " (" + ident(key) + " integer PRIMARY KEY);\n"
                    + "CREATE TABLE " + t + " (" + ident(key) + " bigint PRIMARY KEY, " + ident(a) + " text, "
                    + ident(b) + " integer, " + ident(c) + " text);\n"
                    + "INSERT INTO " + qualified(schema, parent) + " VALUES (1), (2);\n"
                    + "INSERT INTO " + t + " VALUES (1, 'x', 1, 'p'), (2, 'y', 2, 'q');")
                    .down("DROP SCHEMA " + ident(schema) + " CASCADE;"));
            if (p.expect(0, "upgrade", "head") == null) {
                return p.failure();
            }
            p.add(MigrationText.of("m2", "b1").up("ALTER TABLE " + t + " ALTER COLUMN " + ident(a) + " SET NOT NULL;\n"
                    + "ALTER TABLE " + t + " ADD CONSTRAINT " + ident(unique) + " UNIQUE (" + ident(b) + ");\n"
                    + "ALTER TABLE " + t + " ADD UNIQUE (" + ident(c) + ");\n"
                    + "ALTER TABLE " + t + " ADD CHECK (" + ident(b) + " > 0);\n"
                    + "ALTER TABLE " + t + " ADD FOREIGN KEY (" + ident(b) + ") REFERENCES " + qualified(schema, parent)
                    + " (" + ident(key) + ");\n"
                    + "CREATE INDEX " + ident(index) + " ON " + t + " (" + ident(c) + ");")
                    .down("SELECT 1;"));
            CliRun lint = p.cli.run("lint", "--format", "json");
            if (lint.exitCode() == 2) {
                p.problem("`lint` exited 2: " + lint.err().strip());
                return p.failure();
            }
            JsonNode findings = new ObjectMapper().readTree(lint.out());
            Map<String, String> fixes = new TreeMap<>();
            for (JsonNode f : findings) {
                if (f.hasNonNull("fix") && RULES.contains(f.get("rule").asText())) {
                    fixes.merge(String.format("%05d %s", f.get("line").asInt(), f.get("rule").asText()), f.get("fix").asText(),
                            (x, y) -> x + ";\n" + y);
                }
            }
            List<String> rules = fixes.keySet().stream().map(k -> k.substring(k.indexOf(' ') + 1)).distinct().sorted()
                    .toList();
            p.same("the rules with fixes", RULES.stream().sorted().toList(), rules);
            List<String> applied = new ArrayList<>();
            try (Connection conn = p.db.connect(); Statement s = conn.createStatement()) {
                for (String fix : fixes.values()) {
                    List<String> overlong = NamesInSql.overlong(fix);
                    if (!overlong.isEmpty()) {
                        p.problem("a fix names what PostgreSQL would cut: " + overlong);
                    }
                    for (ScriptItem.Statement statement : StatementSplitter.statements(fix)) {
                        s.execute(statement.sql());
                        applied.add(statement.sql());
                    }
                }
            } catch (SQLException e) {
                p.problem("a fix fails: " + e.getMessage() + " (after " + applied.size() + " statements of "
                        + fixes.values() + ")");
                return p.failure();
            }
            Catalog cat = p.catalog;
            p.same("after the fixes, columns", List.of(key + " NOT NULL", a + " NOT NULL", b, c), cat.columns(schema, table));
            List<String> constraints = cat.constraints(schema, table);
            long checks = constraints.stream().filter(k -> k.startsWith("c:")).count();
            long uniques = constraints.stream().filter(k -> k.startsWith("u:")).count();
            long keys = constraints.stream().filter(k -> k.startsWith("f:")).count();
            p.same("after the fixes, checks / unique / foreign keys", List.of(1L, 2L, 1L), List.of(checks, uniques, keys));
            if (!constraints.contains("u:" + unique)) {
                p.problem("after the fixes, the named unique constraint " + ident(unique) + " is not there: " + constraints);
            }
            RenameColumnTrial.distinct(p, "after the fixes, indexes", cat.indexes(schema, table), 4);
            if (!cat.indexes(schema, table).contains(index)) {
                p.problem("after the fixes, index " + ident(index) + " is not there: " + cat.indexes(schema, table));
            }
            p.same("after the fixes, invalid indexes", List.of(), p.db.column("SELECT indexrelid::regclass::text"
                    + " FROM pg_index WHERE NOT indisvalid"));
            p.same("after the fixes, unvalidated constraints", List.of(), sorted(p.db.column("SELECT conname FROM"
                    + " pg_constraint WHERE NOT convalidated")));
            p.checkCanary("after the fixes");
        } catch (IOException | RuntimeException e) {
            p.problem("threw " + e);
        }
        return p.failure();
    }
}
