package dev.stepwise.reliability.identifiers;

import dev.stepwise.it.CliRun;
import dev.stepwise.it.MigrationText;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static dev.stepwise.reliability.identifiers.Written.ident;
import static dev.stepwise.reliability.identifiers.Written.literal;
import static dev.stepwise.reliability.identifiers.Written.qualified;

/**
 * {@code revision --rename-column}, twice on one table, on two columns whose names share all but
 * their last character: the two expands are applied together, so both sync triggers, both sync
 * functions, every copied index and check and both NOT NULL checks live side by side, with
 * derived names that share a 63-byte prefix. Then both contracts, then down to the table as it
 * was. At each stage the catalog must hold exactly the intended names and the rows their
 * values, and the canary must be intact.
 */
final class RenameColumnTrial {

    private RenameColumnTrial() {
    }

    static String run(Path dir, HostileNames names) {
        String schema = names.next();
        String table = names.nextOf(HostileNames.Family.values());
        String key = names.next();
        String keyName = names.next();
        List<String> columns = names.sharingPrefix(50 + names.random().nextInt(14));
        String a = columns.get(0);
        String b = columns.get(1);
        List<String> renamed = names.sharingPrefix(50 + names.random().nextInt(14));
        String a2 = renamed.get(0);
        String b2 = renamed.get(1);
        List<String> constraintNames = names.sharingPrefix(55 + names.random().nextInt(9));
        String checkA = constraintNames.get(0);
        String checkB = constraintNames.get(1);
        List<String> indexNames = names.sharingPrefix(55 + names.random().nextInt(9));
        String indexA = indexNames.get(0);
        String uniqueB = indexNames.get(1);
        TrialProject p = new TrialProject(dir, "rename-column x2 " + qualified(schema, table) + "." + ident(a)
                + ", ." + ident(b));
        try {
            String t = qualified(schema, table);
            p.add(MigrationText.of("b1", Canary.REVISION).up("CREATE SCHEMA " + ident(schema) + ";\n"
                    + "CREATE TABLE " + t + " (" + ident(key) + " bigint CONSTRAINT " + ident(keyName) + " PRIMARY KEY, "
                    + ident(a) + " text NOT NULL CONSTRAINT " + ident(checkA) + " CHECK (" + ident(a) + " <> ''), "
                    + ident(b) + " integer NOT NULL CONSTRAINT " + ident(uniqueB) + " UNIQUE CONSTRAINT "
                    + ident(checkB) + " CHECK (" + ident(b) + " > 0));\n"
                    + "CREATE INDEX " + ident(indexA) + " ON " + t + " (" + ident(a) + ");\n"
                    + "INSERT INTO " + t + " VALUES (1, 'one', 10), (2, 'two', 20), (3, " + literal(a) + ", 30);")
                    .down("DROP TABLE " + t + ";\nDROP SCHEMA " + ident(schema) + ";"));
            List<Path> before = p.migrations();
            if (p.expect(0, "revision", "--rename-column", Written.path(schema, table, a) + ":" + ident(a2),
                    "-m", "rename a") == null) {
                return p.failure();
            }
            List<String> first = p.newMigrations(before);
            String expandA = first.stream().filter(text -> !text.contains("-- phase: contract")).map(TrialProject::revision)
                    .findFirst().orElseThrow();
            List<Path> afterFirst = p.migrations();
            if (p.expect(0, "revision", "--rename-column", Written.path(schema, table, b) + ":" + ident(b2),
                    "--head", expandA, "-m", "rename b") == null) {
                return p.failure();
            }
            List<String> written = new ArrayList<>(first);
            written.addAll(p.newMigrations(afterFirst));
            p.checkWrittenNames("generated", written);

            if (p.expect(0, "upgrade", "heads", "--phase", "expand") != null) {
                Catalog c = p.catalog;
                p.same("after both expands, columns", List.of(key + " NOT NULL", a + " NOT NULL", b + " NOT NULL", a2, b2),
                        c.columns(schema, table));
                distinct(p, "after both expands, sync triggers", c.triggers(schema, table), 2);
                distinct(p, "after both expands, sync functions", c.functions(schema), 2);
                // key, a's index and its copy, b's unique index and its copy
                distinct(p, "after both expands, indexes", c.indexes(schema, table), 5);
                // key, two checks and their copies, b's unique, two NOT NULL checks
                distinct(p, "after both expands, constraints", c.constraints(schema, table), 8);
                p.same("after both expands, " + a2, c.values(schema, table, a), c.values(schema, table, a2));
                p.same("after both expands, " + b2, c.values(schema, table, b), c.values(schema, table, b2));
                p.checkCanary("after both expands");
            }
            CliRun contracts = p.expect(0, "upgrade", "heads");
            if (contracts != null) {
                Catalog c = p.catalog;
                p.same("after both contracts, columns", List.of(key + " NOT NULL", a2 + " NOT NULL", b2 + " NOT NULL"),
                        c.columns(schema, table));
                p.same("after both contracts, triggers", List.of(), c.triggers(schema, table));
                p.same("after both contracts, functions", List.of(), c.functions(schema));
                distinct(p, "after both contracts, indexes", c.indexes(schema, table), 3);
                distinct(p, "after both contracts, constraints", c.constraints(schema, table), 4);
                p.same("after both contracts, " + a2, List.of("one", "two", a).stream().sorted().toList(),
                        c.values(schema, table, a2));
                p.checkCanary("after both contracts");
            }
            if (p.expect(0, "downgrade", "b1") != null) {
                Catalog c = p.catalog;
                // the contracts' downs add the old columns back in their own order, which nothing compares
                p.same("back at the start, columns", sorted(key + " NOT NULL", a + " NOT NULL", b + " NOT NULL"),
                        sorted(c.columns(schema, table)));
                p.same("back at the start, constraints", sorted("c:" + checkA, "c:" + checkB, "p:" + keyName, "u:" + uniqueB), sorted(c.constraints(schema, table)));
                p.same("back at the start, triggers", List.of(), c.triggers(schema, table));
                p.same("back at the start, functions", List.of(), c.functions(schema));
                p.same("back at the start, " + b, List.of("10", "20", "30"), c.values(schema, table, b));
                p.checkCanary("back at the start");
            }
        } catch (RuntimeException e) {
            p.problem("threw " + e);
        }
        return p.failure();
    }

    /** Derived names must be as many as the objects: two cut to one would be one object fewer, or a failed migration. */
    static void distinct(TrialProject p, String stage, List<String> names, int expected) {
        if (names.size() != expected || names.stream().distinct().count() != expected) {
            p.problem(stage + ": expected " + expected + " distinct, found " + names);
        }
        names.stream().map(n -> n.replaceFirst("^[a-z]:", "")).filter(n -> HostileNames.bytes(n) > HostileNames.MAX_BYTES)
                .forEach(n -> p.problem(stage + ": " + n + " is over 63 bytes"));
    }

    static List<String> sorted(String... values) {
        return List.of(values).stream().sorted().toList();
    }

    static List<String> sorted(List<String> values) {
        return values.stream().sorted().toList();
    }
}
