package dev.stepwise.postgres.generate;

import dev.stepwise.expand.GeneratedMigration;
import dev.stepwise.postgres.statement.PostgresIdentifiers;
import dev.stepwise.source.Phase;
import dev.stepwise.source.Reversibility;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code --rename-column} and {@code --change-type}: a new column next to the old one, kept equal
 * by a two-way trigger while old and new code run, filled by a batched backfill, with copies of
 * the old column's indexes and constraints (expand); then the default, the sequence and NOT NULL
 * move to the new column and the old one goes (contract). Each {@code +down} returns to the state
 * before its {@code +up}.
 */
final class ColumnTransition {

    private final Connection connection;
    private final TableShape table;
    private final TableShape.Column old;
    private final String newName;
    private final String newType;
    private final Conversion conversion;
    private final String description;

    /**
     * How values cross between the two columns. For a rename both are the other column; for a
     * type change, the user's {@code --using} (new from old) and {@code --reverse} (old from new),
     * SQL expressions over the table's columns.
     */
    record Conversion(String using, String reverse) {

        static Conversion rename() {
            return new Conversion(null, null);
        }

        boolean isRename() {
            return using == null;
        }
    }

    ColumnTransition(Connection connection, TableShape table, TableShape.Column old, String newName, String newType,
                     Conversion conversion, String description) {
        this.connection = connection;
        this.table = table;
        this.old = old;
        this.newName = newName;
        this.newType = newType;
        this.conversion = conversion;
        this.description = description;
    }

    /** What the trigger and the backfill write, and the copies, named. */
    private record Parts(SyncTrigger trigger, List<IndexCopy> indexes, List<ConstraintCopy> constraints,
                         String notNullCheck, String newDefault) {
    }

    /** A copy of an index on the old column; a unique constraint's index becomes the constraint in the contract. */
    private record IndexCopy(TableShape.Index original, String name, String definition) {

        boolean backsUniqueConstraint() {
            return original.constraintType() == 'u';
        }
    }

    /** A copy of a check or foreign key of the old column, and whether the original was validated. */
    private record ConstraintCopy(TableShape.Constraint original, String name, String definition) {
    }

    List<GeneratedMigration> generate() throws SQLException {
        Parts parts = parts();
        return List.of(
                new GeneratedMigration(Phase.EXPAND, "expand", expandUp(parts), expandDown(parts), Reversibility.YES),
                new GeneratedMigration(Phase.CONTRACT, "contract", contractUp(parts), contractDown(parts),
                        conversion.isRename() ? Reversibility.YES : Reversibility.LOSSY));
    }

    private String o() {
        return old.sql();
    }

    private String n() {
        return PostgresIdentifiers.quote(newName);
    }

    private Parts parts() throws SQLException {
        DerivedNames names = new DerivedNames(connection, table);
        String syncName = PostgresIdentifiers.derivedName("stepwise_sync", table.name(), old.name(), newName);
        if (TableShapes.functionExists(connection, table.schema(), syncName)) {
            throw Refusal.of(option(), table.name() + "." + old.name(), "function " + table.schema() + "." + syncName
                    + " exists already: an expand migration for this change is already in the history");
        }
        String alias = PostgresIdentifiers.quote(table.name());
        String toNew = conversion.isRename() ? "NEW." + o()
                : "(SELECT " + conversion.using() + " FROM (SELECT (NEW).*) AS " + alias + ")";
        String toOld = conversion.isRename() ? "NEW." + n()
                : "(SELECT " + conversion.reverse() + " FROM (SELECT (NEW).*) AS " + alias + ")";
        SyncTrigger trigger = new SyncTrigger(table, syncName, old.name(), newName, toNew, toOld,
                old.defaultValue() != null, Expressions.comparable(connection, old.type())
                && Expressions.comparable(connection, newColumnType()));
        List<IndexCopy> indexes = new ArrayList<>();
        for (TableShape.Index index : table.indexes()) {
            if (index.columns().contains(old.number())) {
                String name = names.copyOf(index.name(), old.name(), newName);
                indexes.add(new IndexCopy(index, name, ColumnReferences.inIndex(index.definition(), old.name(), n(),
                        PostgresIdentifiers.quote(name))));
            }
        }
        List<ConstraintCopy> constraints = new ArrayList<>();
        for (TableShape.Constraint c : table.constraints()) {
            if (c.columns().contains(old.number())) {
                String definition = c.type() == 'f' ? ColumnReferences.inForeignKey(c.definition(), old.name(), n())
                        : ColumnReferences.inExpression(c.definition(), old.name(), n());
                constraints.add(new ConstraintCopy(c, names.copyOf(c.name(), old.name(), newName),
                        definition.replaceAll("\\s+NOT VALID$", "")));
            }
        }
        String notNull = old.notNull() ? names.constraint(table.name(), newName, "not_null") : null;
        String newDefault = old.defaultValue() == null ? null : conversion.isRename() ? old.defaultValue()
                : ColumnReferences.inExpression(conversion.using(), old.name(), "(" + old.defaultValue() + ")");
        return new Parts(trigger, indexes, constraints, notNull, newDefault);
    }

    private String option() {
        return conversion.isRename() ? "--rename-column" : "--change-type";
    }

    private String newColumnType() {
        return conversion.isRename() ? old.typeSql() : newType;
    }

    private String expandUp(Parts p) {
        Script s = new Script();
        int[] step = {0};
        s.comment("Expand: " + description + ". Old code goes on using " + old.name() + ", new code can use "
                + newName + ";\nthe contract migration after this one " + (old.defaultValue() != null ? "moves the default"
                + (old.ownedSequence() != null ? " and the sequence" : "") + " and " : "") + "drops " + old.name() + ".");
        s.gap();
        s.comment(++step[0] + ". The new column, with no default yet: the trigger tells by it which column a writer set.");
        s.statement("ALTER TABLE " + table.sql() + " ADD COLUMN " + n() + " " + newColumnType());
        s.gap();
        s.comment(++step[0] + ". Keep both columns equal whichever one a writer sets, in both directions.");
        p.trigger().create(s);
        s.gap();
        s.comment(++step[0] + ". Fill the new column for the rows already there, in batches; the trigger leaves the\n"
                + "   batches' writes alone (" + SyncTrigger.FLAG + ")" + (conversion.isRename() ? ""
                : ", so values that do not round-trip are never rewritten") + ".");
        backfill(s, n(), conversion.isRename() ? o() : "(" + conversion.using() + ")", o());
        vacuum(s);
        if (!p.indexes().isEmpty()) {
            s.gap();
            s.comment(++step[0] + ". Copies of the indexes on " + old.name() + ", built without blocking writes.");
            p.indexes().forEach(i -> s.statement(i.definition()));
        }
        if (!p.constraints().isEmpty() || p.notNullCheck() != null) {
            s.gap();
            s.comment(++step[0] + ". Copies of the constraints on " + old.name() + ": added NOT VALID (no scan under the lock),\n"
                    + "   then validated, each in a step of its own that blocks no writes.");
            p.constraints().forEach(c -> s.statement("ALTER TABLE " + table.sql() + " ADD CONSTRAINT "
                    + PostgresIdentifiers.quote(c.name()) + " " + c.definition() + " NOT VALID"));
            if (p.notNullCheck() != null) {
                s.statement(notNullCheck(p.notNullCheck(), n()));
            }
            p.constraints().stream().filter(c -> c.original().validated()).forEach(c -> s.statement(validate(c.name())));
            if (p.notNullCheck() != null) {
                s.statement(validate(p.notNullCheck()));
            }
        }
        return s.toString();
    }

    private String expandDown(Parts p) {
        Script s = new Script();
        s.comment("Back to " + old.name() + " alone: the trigger goes, and " + newName
                + " with the copies of indexes and constraints on it.");
        p.trigger().drop(s);
        s.statement("ALTER TABLE " + table.sql() + " DROP COLUMN " + n());
        return s.toString();
    }

    private String contractUp(Parts p) {
        Script s = new Script();
        int[] step = {0};
        s.comment("Contract: " + description + ". Apply it once no running code uses " + old.name() + ".");
        s.gap();
        s.comment(++step[0] + ". Stop keeping the two columns in step.");
        p.trigger().drop(s);
        if (p.newDefault() != null || old.ownedSequence() != null) {
            s.gap();
            s.comment(++step[0] + ". " + newName + " takes over the default" + (old.ownedSequence() != null
                    ? " and the sequence (OWNED BY, so it is not dropped with " + old.name() + ")" : "") + ".");
            if (p.newDefault() != null) {
                s.statement(alterColumn(n(), "SET DEFAULT " + p.newDefault()));
            }
            if (old.ownedSequence() != null) {
                s.statement("ALTER SEQUENCE " + old.ownedSequence() + " OWNED BY " + table.sql() + "." + n());
            }
        }
        if (p.notNullCheck() != null) {
            s.gap();
            s.comment(++step[0] + ". " + newName + " becomes NOT NULL; the validated check spares PostgreSQL the scan.");
            s.statement(alterColumn(n(), "SET NOT NULL"));
            s.statement("ALTER TABLE " + table.sql() + " DROP CONSTRAINT " + PostgresIdentifiers.quote(p.notNullCheck()));
        }
        s.gap();
        s.comment(++step[0] + ". The old column goes, and its indexes and constraints with it.");
        s.statement("ALTER TABLE " + table.sql() + " DROP COLUMN " + o());
        List<IndexCopy> unique = p.indexes().stream().filter(IndexCopy::backsUniqueConstraint).toList();
        if (!unique.isEmpty()) {
            s.gap();
            s.comment(++step[0] + ". The unique constraints return on " + newName + ", over the indexes the expand built.");
            unique.forEach(i -> s.statement("ALTER TABLE " + table.sql() + " ADD CONSTRAINT "
                    + PostgresIdentifiers.quote(i.name()) + " UNIQUE USING INDEX " + PostgresIdentifiers.quote(i.name())
                    + (i.original().deferrable().isEmpty() ? "" : " " + i.original().deferrable())));
        }
        return s.toString();
    }

    private String contractDown(Parts p) throws SQLException {
        DerivedNames names = new DerivedNames(connection, table);
        Script s = new Script();
        s.comment("Back to the expand's state: " + old.name() + " returns, filled from " + newName
                + ", with its indexes and constraints,\nand the trigger keeps both in step again."
                + (conversion.isRename() ? "" : " Values come back through --reverse: one that did not\n"
                + "round-trip comes back converted (hence reversible: lossy)."));
        s.gap();
        s.statement("ALTER TABLE " + table.sql() + " ADD COLUMN " + o() + " " + old.typeSql());
        if (p.newDefault() != null) {
            s.statement(alterColumn(n(), "DROP DEFAULT"));
            s.statement(alterColumn(o(), "SET DEFAULT " + old.defaultValue()));
        }
        if (old.ownedSequence() != null) {
            s.statement("ALTER SEQUENCE " + old.ownedSequence() + " OWNED BY " + table.sql() + "." + o());
        }
        p.trigger().create(s);
        s.gap();
        backfill(s, o(), conversion.isRename() ? n() : "(" + conversion.reverse() + ")", n());
        vacuum(s);
        List<String> restoredUnique = new ArrayList<>();
        if (!p.indexes().isEmpty()) {
            s.gap();
            for (IndexCopy i : p.indexes()) {
                s.statement(i.original().definition().replaceFirst("INDEX ", "INDEX CONCURRENTLY "));
                if (i.backsUniqueConstraint()) {
                    // the constraint on the new column becomes a plain unique index again, as the expand left it
                    String twin = names.relation(i.name(), "restore");
                    restoredUnique.add(twin);
                    s.statement(ColumnReferences.inIndex(i.original().definition(), old.name(), n(),
                            PostgresIdentifiers.quote(twin)));
                }
            }
            List<IndexCopy> unique = p.indexes().stream().filter(IndexCopy::backsUniqueConstraint).toList();
            for (int k = 0; k < unique.size(); k++) {
                IndexCopy i = unique.get(k);
                s.statement("ALTER TABLE " + table.sql() + " DROP CONSTRAINT " + PostgresIdentifiers.quote(i.name()));
                s.statement("ALTER INDEX " + PostgresIdentifiers.quote(table.schema()) + "."
                        + PostgresIdentifiers.quote(restoredUnique.get(k)) + " RENAME TO "
                        + PostgresIdentifiers.quote(i.name()));
                s.statement("ALTER TABLE " + table.sql() + " ADD CONSTRAINT "
                        + PostgresIdentifiers.quote(i.original().constraintName()) + " UNIQUE USING INDEX "
                        + PostgresIdentifiers.quote(i.original().name())
                        + (i.original().deferrable().isEmpty() ? "" : " " + i.original().deferrable()));
            }
        }
        String oldNotNull = old.notNull() ? names.constraint(table.name(), old.name(), "not_null") : null;
        if (!p.constraints().isEmpty() || p.notNullCheck() != null) {
            s.gap();
            p.constraints().forEach(c -> s.statement("ALTER TABLE " + table.sql() + " ADD CONSTRAINT "
                    + PostgresIdentifiers.quote(c.original().name()) + " "
                    + c.original().definition().replaceAll("\\s+NOT VALID$", "") + " NOT VALID"));
            if (p.notNullCheck() != null) {
                s.statement(notNullCheck(p.notNullCheck(), n()));
                s.statement(notNullCheck(oldNotNull, o()));
            }
            p.constraints().stream().filter(c -> c.original().validated())
                    .forEach(c -> s.statement(validate(c.original().name())));
            if (p.notNullCheck() != null) {
                s.statement(validate(p.notNullCheck()));
                s.statement(validate(oldNotNull));
                s.statement(alterColumn(n(), "DROP NOT NULL"));
                s.statement(alterColumn(o(), "SET NOT NULL"));
                s.statement("ALTER TABLE " + table.sql() + " DROP CONSTRAINT " + PostgresIdentifiers.quote(oldNotNull));
            }
        }
        return s.toString();
    }

    /**
     * The backfill left a dead version of every row: vacuum them now, in the migration's own step
     * (SHARE UPDATE EXCLUSIVE: reads and writes go on), and analyze the new column. Left to
     * autovacuum, the vacuum starts just when the contract's DROP TRIGGER wants its lock, and
     * every lock attempt then queues the application behind it (bench/results/expand-1000000.md).
     */
    private void vacuum(Script s) {
        s.statement("VACUUM (ANALYZE) " + table.sql());
    }

    private void backfill(Script s, String target, String value, String source) {
        s.directive("batch size=auto flag=" + SyncTrigger.FLAG);
        s.statement("UPDATE " + table.sql() + " SET " + target + " = " + value + " WHERE " + target + " IS NULL AND "
                + source + " IS NOT NULL");
    }

    private String notNullCheck(String name, String column) {
        return "ALTER TABLE " + table.sql() + " ADD CONSTRAINT " + PostgresIdentifiers.quote(name) + " CHECK ("
                + column + " IS NOT NULL) NOT VALID";
    }

    private String validate(String constraint) {
        return "ALTER TABLE " + table.sql() + " VALIDATE CONSTRAINT " + PostgresIdentifiers.quote(constraint);
    }

    private String alterColumn(String column, String action) {
        return "ALTER TABLE " + table.sql() + " ALTER COLUMN " + column + " " + action;
    }
}
