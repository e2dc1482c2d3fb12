package dev.stepwise.reliability.identifiers;

import dev.stepwise.it.MigrationText;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static dev.stepwise.reliability.identifiers.RenameColumnTrial.sorted;
import static dev.stepwise.reliability.identifiers.Written.ident;
import static dev.stepwise.reliability.identifiers.Written.literal;
import static dev.stepwise.reliability.identifiers.Written.qualified;

/**
 * The other expand/contract generators on one table of hostile names ({@code --change-type},
 * {@code --add-required-column} with a constant and with a volatile default,
 * {@code --rename-table}, {@code --drop-column}, {@code --drop-table}): written, applied, then
 * undone, with the catalog checked against the intended names after each, and the canary.
 */
final class GeneratorTrial {

    /** The generators this trial drives, one per trial. */
    enum Kind { CHANGE_TYPE, REQUIRED_CONSTANT, REQUIRED_VOLATILE, RENAME_TABLE, DROP_COLUMN, DROP_TABLE }

    private final HostileNames names;
    private final String schema;
    private final String table;
    private final String key;
    private final String keyName;
    /** As the trial writes it, over 63 bytes in one trial of three; {@link #amount} is what PostgreSQL keeps of it. */
    private final String amountWritten;
    private final String amount;
    private final String amountCheck;
    private final String amountIndex;
    private final String note;
    private final String trigger;

    private GeneratorTrial(HostileNames names) {
        this.names = names;
        schema = names.next();
        table = names.next();
        key = names.next();
        keyName = names.next();
        amountWritten = names.random().nextInt(3) == 0 ? names.overlong(names.random().nextBoolean()) : names.next();
        amount = HostileNames.stored(amountWritten);
        amountCheck = names.next();
        amountIndex = names.next();
        note = names.next();
        trigger = names.next();
    }

    static String run(Path dir, HostileNames names, Kind kind) {
        return new GeneratorTrial(names).run(dir, kind);
    }

    private String t() {
        return qualified(schema, table);
    }

    private MigrationText base(Kind kind) {
        String triggerSql = kind != Kind.DROP_TABLE ? "" : "CREATE FUNCTION " + qualified(schema, trigger)
                + "() RETURNS trigger LANGUAGE plpgsql AS $body$ BEGIN RETURN NEW; END $body$;\n"
                // a trigger of the table's own, on one column: it goes with the table and must not stop the drop
                + "CREATE TRIGGER " + ident(trigger) + " BEFORE UPDATE OF " + ident(note) + " ON " + t()
                + " FOR EACH ROW EXECUTE FUNCTION " + qualified(schema, trigger) + "();\n";
        return MigrationText.of("b1", Canary.REVISION).up("CREATE SCHEMA " + ident(schema) + ";\n"
                        + "CREATE TABLE " + t() + " (" + ident(key) + " bigint CONSTRAINT " + ident(keyName)
                        + " PRIMARY KEY, " + ident(amountWritten) + " numeric(12,2) NOT NULL DEFAULT 0 CONSTRAINT "
                        + ident(amountCheck) + " CHECK (" + ident(amountWritten) + " >= 0), " + ident(note) + " text);\n"
                        + "CREATE INDEX " + ident(amountIndex) + " ON " + t() + " (" + ident(amountWritten) + ");\n"
                        + triggerSql
                        + "INSERT INTO " + t() + " VALUES (1, 1.50, " + literal(note) + "), (2, 20, NULL), (3, 0, 'x');")
                .down("DROP SCHEMA " + ident(schema) + " CASCADE;");
    }

    private String run(Path dir, Kind kind) {
        TrialProject p = new TrialProject(dir, kind.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-') + " on "
                + t());
        try {
            p.add(base(kind));
            List<Path> before = p.migrations();
            String newColumn = names.next();
            String newTable = names.next();
            List<String> args = new ArrayList<>(List.of("revision", "-m", "trial"));
            switch (kind) {
                case CHANGE_TYPE -> args.addAll(List.of("--change-type", Written.path(schema, table, amountWritten) + ":"
                        + ident(newColumn) + ":bigint", "--using", "round(" + ident(amountWritten) + " * 100)", "--reverse",
                        ident(newColumn) + " / 100.0"));
                case REQUIRED_CONSTANT -> args.addAll(List.of("--add-required-column", Written.path(schema, table) + "."
                        + ident(newColumn) + ":text", "--default", literal(newColumn)));
                case REQUIRED_VOLATILE -> args.addAll(List.of("--add-required-column", Written.path(schema, table) + "."
                        + ident(newColumn) + ":text", "--default", "md5(random()::text)"));
                case RENAME_TABLE -> args.addAll(List.of("--rename-table", Written.path(schema, table) + ":"
                        + ident(newTable)));
                case DROP_COLUMN -> args.addAll(List.of("--drop-column", Written.path(schema, table, amountWritten)));
                case DROP_TABLE -> args.addAll(List.of("--drop-table", Written.path(schema, table)));
            }
            if (p.expect(0, args.toArray(String[]::new)) == null) {
                return p.failure();
            }
            // --using names the column as the trial wrote it, and Stepwise copies the expression as it is
            p.checkWrittenNames("generated", p.newMigrations(before), List.of(amountWritten));
            Catalog c = p.catalog;
            if (p.expect(0, "upgrade", "head") != null) {
                switch (kind) {
                    case CHANGE_TYPE -> {
                        p.same("after upgrade, columns", List.of(key + " NOT NULL", note, newColumn + " NOT NULL"),
                                c.columns(schema, table));
                        p.same("after upgrade, values", sorted("0", "150", "2000"), c.values(schema, table, newColumn));
                        p.same("after upgrade, triggers", List.of(), c.triggers(schema, table));
                        p.same("after upgrade, functions", List.of(), c.functions(schema));
                        RenameColumnTrial.distinct(p, "after upgrade, constraints", c.constraints(schema, table), 2);
                        RenameColumnTrial.distinct(p, "after upgrade, indexes", c.indexes(schema, table), 2);
                    }
                    case REQUIRED_CONSTANT, REQUIRED_VOLATILE -> {
                        p.same("after upgrade, columns", List.of(key + " NOT NULL", amount + " NOT NULL", note,
                                newColumn + " NOT NULL"), c.columns(schema, table));
                        p.same("after upgrade, constraints", sorted("p:" + keyName, "c:" + amountCheck),
                                sorted(c.constraints(schema, table)));
                        if (kind == Kind.REQUIRED_CONSTANT) {
                            p.same("after upgrade, values", List.of(newColumn, newColumn, newColumn),
                                    c.values(schema, table, newColumn));
                        } else if (c.values(schema, table, newColumn).contains("<null>")) {
                            p.problem("after upgrade, the backfill left NULLs in " + newColumn);
                        }
                    }
                    case RENAME_TABLE -> {
                        p.same("after upgrade, the old name", false, c.tableExists(schema, table));
                        p.same("after upgrade, the new table's columns", List.of(key + " NOT NULL",
                                amount + " NOT NULL", note), c.columns(schema, newTable));
                        p.same("after upgrade, the relations", sorted("r:" + newTable, "i:" + keyName,
                                "i:" + amountIndex), sorted(c.relations(schema)));
                    }
                    case DROP_COLUMN -> p.same("after upgrade, columns", List.of(key + " NOT NULL", note),
                            c.columns(schema, table));
                    case DROP_TABLE -> p.same("after upgrade, relations", List.of(), c.relations(schema));
                }
                p.checkCanary("after upgrade");
            }
            if (kind == Kind.RENAME_TABLE && p.expect(0, "downgrade", "-1") != null) {
                // the expand alone: the table under its new name, and a view under the old one
                p.same("between expand and contract, relations", sorted("r:" + newTable, "v:" + table,
                        "i:" + keyName, "i:" + amountIndex), sorted(c.relations(schema)));
                p.same("between expand and contract, the view's columns", List.of(key, amount, note),
                        c.columnNames(schema, table));
            }
            if (p.expect(0, "downgrade", "b1") != null) {
                p.same("back at the start, columns", sorted(key + " NOT NULL", amount + " NOT NULL", note),
                        sorted(c.columns(schema, table)));
                p.same("back at the start, constraints", sorted("p:" + keyName, "c:" + amountCheck),
                        sorted(c.constraints(schema, table)));
                p.same("back at the start, indexes", sorted(keyName, amountIndex), sorted(c.indexes(schema, table)));
                if (kind == Kind.CHANGE_TYPE || kind == Kind.REQUIRED_CONSTANT || kind == Kind.REQUIRED_VOLATILE
                        || kind == Kind.RENAME_TABLE) {
                    p.same("back at the start, values", sorted("0.00", "1.50", "20.00"), c.values(schema, table, amount));
                }
                p.checkCanary("back at the start");
            }
        } catch (RuntimeException e) {
            p.problem("threw " + e);
        }
        return p.failure();
    }
}
