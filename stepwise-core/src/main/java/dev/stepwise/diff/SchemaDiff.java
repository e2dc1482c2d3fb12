package dev.stepwise.diff;

import dev.stepwise.schema.Column;
import dev.stepwise.schema.Constraint;
import dev.stepwise.schema.Index;
import dev.stepwise.schema.ObjectName;
import dev.stepwise.schema.SchemaModel;
import dev.stepwise.schema.Table;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * The changes that turn one schema model into another, in an order PostgreSQL accepts: foreign
 * keys that go are dropped first (before the tables they point at), then indexes and constraints,
 * tables and columns; new schemas and tables come before the columns, constraints and indexes
 * that need them, and new foreign keys last. A partition whose bound changes is detached before
 * new partitions are made and attached after. Its reverse is the diff the other way round.
 *
 * <p>Column order is not part of the comparison: PostgreSQL cannot reorder columns, so a
 * difference in order is reported as a note and nothing is done about it.
 */
public final class SchemaDiff {

    /** The ordered changes, and what the diff noticed but does not act on. */
    public record Result(List<SchemaChange> changes, List<String> notes) {

        public Result {
            changes = List.copyOf(changes);
            notes = List.copyOf(notes);
        }

        public boolean isEmpty() {
            return changes.isEmpty();
        }
    }

    private final List<SchemaChange> dropForeignKeys = new ArrayList<>();
    private final List<SchemaChange> dropIndexesAndConstraints = new ArrayList<>();
    private final List<SchemaChange> dropTables = new ArrayList<>();
    private final List<SchemaChange> detachPartitions = new ArrayList<>();
    private final List<SchemaChange> createSchemas = new ArrayList<>();
    private final List<SchemaChange> createTables = new ArrayList<>();
    private final List<SchemaChange> attachPartitions = new ArrayList<>();
    private final List<SchemaChange> columns = new ArrayList<>();
    private final List<SchemaChange> partitionColumns = new ArrayList<>();
    private final List<SchemaChange> addConstraints = new ArrayList<>();
    private final List<SchemaChange> createIndexes = new ArrayList<>();
    private final List<SchemaChange> addForeignKeys = new ArrayList<>();
    private final List<SchemaChange> dropColumns = new ArrayList<>();
    private final List<SchemaChange> dropSchemas = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    /** Per table, the columns dropped and added again: their indexes and constraints go with them and come back. */
    private final Map<ObjectName, Set<String>> recreatedColumns = new LinkedHashMap<>();

    private SchemaDiff() {
    }

    public static Result between(SchemaModel from, SchemaModel to) {
        SchemaDiff diff = new SchemaDiff();
        diff.schemas(from, to);
        diff.notDiffedYet(from, to);
        Map<ObjectName, Table> before = byName(from.tables(), Table::name);
        Map<ObjectName, Table> after = byName(to.tables(), Table::name);
        before.forEach((name, table) -> {
            ObjectName parent = table.partitioning().parent();
            // a partition goes with its partitioned table
            if (!after.containsKey(name) && (parent == null || after.containsKey(parent))) {
                diff.dropped(table);
            }
        });
        after.forEach((name, table) -> {
            Table old = before.get(name);
            if (old == null) {
                diff.created(table);
            } else {
                diff.changed(old, table);
            }
        });
        diff.foreignKeysOnReplacedKeys(before, after);
        // a partitioned table before its partitions, and a partition before its own (sub-)partitions
        diff.createTables.sort(Comparator.comparingInt(ch -> depth(((CreateTable) ch).table(), after)));
        List<SchemaChange> all = new ArrayList<>();
        // a partition's new bound may overlap its old one or a new partition's: detached first, attached once those exist
        for (List<SchemaChange> phase : List.of(diff.dropForeignKeys, diff.dropIndexesAndConstraints, diff.dropTables,
                diff.detachPartitions, diff.createSchemas, diff.createTables, diff.attachPartitions, diff.columns,
                diff.partitionColumns, diff.addConstraints, diff.createIndexes, diff.addForeignKeys, diff.dropColumns,
                diff.dropSchemas)) {
            all.addAll(phase);
        }
        return new Result(all, diff.notes);
    }

    /** The changes that undo {@code between(from, to)}. */
    public static Result reverse(SchemaModel from, SchemaModel to) {
        return between(to, from);
    }

    private void schemas(SchemaModel from, SchemaModel to) {
        to.schemas().stream().filter(s -> !from.schemas().contains(s)).forEach(s -> createSchemas.add(new CreateSchema(s)));
        from.schemas().stream().filter(s -> !to.schemas().contains(s)).forEach(s -> dropSchemas.add(new DropSchema(s)));
    }

    /** Kinds the model reads but this diff does not act on yet: said, never skipped silently. */
    private void notDiffedYet(SchemaModel from, SchemaModel to) {
        Map<String, List<?>[]> kinds = new LinkedHashMap<>();
        kinds.put("extensions", new List<?>[] {from.extensions(), to.extensions()});
        kinds.put("enum types", new List<?>[] {from.enums(), to.enums()});
        kinds.put("domains", new List<?>[] {from.domains(), to.domains()});
        kinds.put("sequences", new List<?>[] {from.sequences(), to.sequences()});
        kinds.put("views", new List<?>[] {from.views(), to.views()});
        kinds.put("functions and procedures", new List<?>[] {from.routines(), to.routines()});
        kinds.put("triggers", new List<?>[] {from.triggers(), to.triggers()});
        kinds.put("comments", new List<?>[] {from.comments(), to.comments()});
        kinds.forEach((kind, pair) -> {
            if (!pair[0].equals(pair[1])) {
                notes.add(kind + " differ, and the diff does not change " + kind + " yet");
            }
        });
    }

    private void dropped(Table table) {
        table.constraints().stream().filter(c -> c.kind() == Constraint.Kind.FOREIGN_KEY)
                .forEach(c -> dropForeignKeys.add(new DropConstraint(table.name(), c)));
        dropTables.add(new DropTable(table));
    }

    /**
     * A foreign key depends on the referenced table's primary key or unique constraint, so
     * PostgreSQL will not drop that while the foreign key exists: a foreign key that stays is
     * dropped before a key it points at is replaced, and added back after.
     */
    private void foreignKeysOnReplacedKeys(Map<ObjectName, Table> before, Map<ObjectName, Table> after) {
        List<DropConstraint> replacedKeys = dropIndexesAndConstraints.stream()
                .filter(ch -> ch instanceof DropConstraint d && (d.constraint().kind() == Constraint.Kind.PRIMARY_KEY
                        || d.constraint().kind() == Constraint.Kind.UNIQUE))
                .map(ch -> (DropConstraint) ch).toList();
        for (DropConstraint key : replacedKeys) {
            Set<String> keyColumns = Set.copyOf(key.constraint().columns());
            after.forEach((name, table) -> {
                Table old = before.get(name);
                if (old == null) {
                    return;
                }
                for (Constraint fk : table.constraints()) {
                    boolean dependent = fk.kind() == Constraint.Kind.FOREIGN_KEY
                            && fk.foreignKey().references().equals(key.table())
                            && Set.copyOf(fk.foreignKey().referencedColumns()).equals(keyColumns)
                            && old.constraints().contains(fk);
                    boolean alreadyDropped = dropForeignKeys.stream().anyMatch(ch -> ch instanceof DropConstraint d
                            && d.table().equals(name) && d.constraint().name().equals(fk.name()));
                    if (dependent && !alreadyDropped) {
                        dropForeignKeys.add(new DropConstraint(name, fk));
                        addForeignKeys.add(new AddConstraint(name, fk, null, TableAge.EXISTING, TableShape.of(table)));
                    }
                }
            });
        }
    }

    /** How many partitioned tables a table is (indirectly) a partition of. */
    private static int depth(Table table, Map<ObjectName, Table> tables) {
        int depth = 0;
        for (Table t = table; t != null && t.partitioning().parent() != null; t = tables.get(t.partitioning().parent())) {
            depth++;
        }
        return depth;
    }

    private void created(Table table) {
        createTables.add(new CreateTable(table));
        boolean partition = table.partitioning().parent() != null;
        for (Constraint c : table.constraints()) {
            if (c.kind() == Constraint.Kind.FOREIGN_KEY) {
                addForeignKeys.add(new AddConstraint(table.name(), c, null, TableAge.NEW));
            } else if (partition) {
                // CREATE TABLE ... PARTITION OF takes the parent's columns; a partition's own constraints follow it
                addConstraints.add(new AddConstraint(table.name(), c, null, TableAge.NEW));
            }
        }
        for (Index i : table.indexes()) {
            if (i.constraint() == null) {
                createIndexes.add(new CreateIndex(table.name(), i, TableAge.NEW));
            }
        }
    }

    private void changed(Table old, Table table) {
        ObjectName name = table.name();
        if (table.partitioning().parent() == null) {
            columns(name, old, table);
        } else {
            partitionColumns(name, old, table);
        }
        partitioning(old, table);
        constraints(name, old, table);
        indexes(name, old, table);
    }

    private void columns(ObjectName name, Table old, Table table) {
        Map<String, Column> before = byName(old.columns(), Column::name);
        Map<String, Column> after = byName(table.columns(), Column::name);
        before.forEach((n, c) -> {
            if (!after.containsKey(n)) {
                dropColumns.add(new DropColumn(name, c));
            }
        });
        // a generated column goes before the columns it reads
        dropColumns.sort(Comparator.comparing(ch -> ((DropColumn) ch).column().generated() == null));
        Set<String> recreated = new LinkedHashSet<>();
        after.forEach((n, c) -> {
            Column was = before.get(n);
            if (was == null) {
                columns.add(new AddColumn(name, c));
            } else if (was.generated() != null && c.generated() == null) {
                columns.add(new DropColumnExpression(name, n));
                column(name, new Column(n, was.type(), was.collation(), was.nullability(), null, was.identity(), null), c);
            } else if (!Objects.equals(was.generated(), c.generated())) {
                // no statement makes a column generated, or changes its expression, on every version
                columns.add(new DropColumn(name, was));
                columns.add(new AddColumn(name, c));
                recreated.add(n);
            } else {
                column(name, was, c);
            }
        });
        recreatedColumns.put(name, recreated);
        // a new column can only go last, wherever the wanted table has it
        List<String> result = new ArrayList<>(old.columns().stream().map(Column::name)
                .filter(n -> after.containsKey(n) && !recreated.contains(n)).toList());
        table.columns().stream().map(Column::name).filter(n -> !before.containsKey(n) || recreated.contains(n))
                .forEach(result::add);
        List<String> wanted = table.columns().stream().map(Column::name).toList();
        if (!result.equals(wanted)) {
            notes.add("columns of " + name + " are in another order (" + String.join(", ", result) + " after the diff, "
                    + String.join(", ", wanted) + " wanted); PostgreSQL cannot reorder columns, so this is left as is");
        }
    }

    /** A partition's new bound; any other change of partitioning would need the table made again. */
    private void partitioning(Table old, Table table) {
        Table.Partitioning was = old.partitioning();
        Table.Partitioning now = table.partitioning();
        if (was.equals(now)) {
            return;
        }
        if (was.parent() != null && was.parent().equals(now.parent()) && Objects.equals(was.key(), now.key())) {
            detachPartitions.add(new DetachPartition(table.name(), was.parent()));
            attachPartitions.add(new AttachPartition(table.name(), now.parent(), now.bound()));
        } else {
            notes.add("partitioning of " + table.name() + " differs (" + was + " here, " + now + " wanted); the diff"
                    + " does not repartition a table or move a partition to another parent, so this is left as is");
        }
    }

    /**
     * A partition's columns are its parent's, added, dropped and retyped with them; only a default
     * or a NOT NULL of its own can differ, and those are set once the parent's changes (which
     * PostgreSQL passes down to the partitions) are done.
     */
    private void partitionColumns(ObjectName name, Table old, Table table) {
        Map<String, Column> before = byName(old.columns(), Column::name);
        for (Column now : table.columns()) {
            Column was = before.get(now.name());
            // a column the parent adds, or drops and adds again as another generated one, comes as the parent's
            if (was == null || !Objects.equals(was.generated(), now.generated())) {
                continue;
            }
            if (!Objects.equals(was.defaultValue(), now.defaultValue())) {
                partitionColumns.add(new SetColumnDefault(name, now.name(), now.defaultValue()));
            }
            if (was.nullability() != now.nullability()) {
                partitionColumns.add(new SetColumnNullability(name, now.name(), now.nullability()));
            }
        }
    }

    private void column(ObjectName table, Column was, Column now) {
        if (!was.type().equals(now.type()) || !Objects.equals(was.collation(), now.collation())) {
            columns.add(new ChangeColumnType(table, was, now));
        }
        SetColumnIdentity identity = was.identity() == now.identity() ? null
                : new SetColumnIdentity(table, now.name(), was.identity(), now.identity());
        // an identity column has no default and is NOT NULL: the identity goes first, or comes after those
        if (identity != null && was.identity() != Column.Identity.NONE) {
            columns.add(identity);
        }
        if (!Objects.equals(was.defaultValue(), now.defaultValue())) {
            columns.add(new SetColumnDefault(table, now.name(), now.defaultValue()));
        }
        if (was.nullability() != now.nullability()) {
            columns.add(new SetColumnNullability(table, now.name(), now.nullability()));
        }
        if (identity != null && was.identity() == Column.Identity.NONE) {
            columns.add(identity);
        }
    }

    private void constraints(ObjectName table, Table old, Table now) {
        Map<String, Constraint> before = byName(old.constraints(), Constraint::name);
        Map<String, Constraint> after = byName(now.constraints(), Constraint::name);
        Set<String> recreated = recreatedColumns.getOrDefault(table, Set.of());
        Predicate<Constraint> onRecreated = c -> c.columns().stream().anyMatch(recreated::contains);
        before.forEach((n, c) -> {
            if (replaced(c, after.get(n)) || onRecreated.test(c)) {
                (c.kind() == Constraint.Kind.FOREIGN_KEY ? dropForeignKeys : dropIndexesAndConstraints)
                        .add(new DropConstraint(table, c));
            }
        });
        after.forEach((n, c) -> {
            Constraint was = before.get(n);
            if (was == null || replaced(was, c) || onRecreated.test(was)) {
                Index own = now.indexes().stream().filter(i -> n.equals(i.constraint())).findFirst().orElse(null);
                (c.kind() == Constraint.Kind.FOREIGN_KEY ? addForeignKeys : addConstraints)
                        .add(new AddConstraint(table, c, own, TableAge.EXISTING, TableShape.of(now)));
            } else if (was.validation() != c.validation()) {
                addConstraints.add(new ValidateConstraint(table, n));
            }
        });
    }

    /**
     * Whether a constraint that stays must be dropped and added again: it changed, or it is to
     * become {@code NOT VALID} (no statement unvalidates one; adding it back NOT VALID scans nothing).
     */
    private static boolean replaced(Constraint was, Constraint wanted) {
        return wanted == null || !sameApartFromValidation(was, wanted)
                || was.validation() == Constraint.Validation.VALIDATED
                && wanted.validation() == Constraint.Validation.NOT_VALID;
    }

    private static boolean sameApartFromValidation(Constraint a, Constraint b) {
        return a.kind() == b.kind() && a.definition().equals(b.definition()) && a.deferral() == b.deferral();
    }

    private void indexes(ObjectName table, Table old, Table now) {
        // a constraint's own index comes and goes with the constraint
        Map<String, Index> before = byName(old.indexes().stream().filter(i -> i.constraint() == null).toList(),
                Index::name);
        Map<String, Index> after = byName(now.indexes().stream().filter(i -> i.constraint() == null).toList(),
                Index::name);
        Set<String> recreated = recreatedColumns.getOrDefault(table, Set.of());
        Predicate<Index> onRecreated = i -> recreated.stream().anyMatch(column -> mentions(i.definition(), column));
        before.forEach((n, i) -> {
            Index wanted = after.get(n);
            if (wanted == null || !wanted.definition().equals(i.definition()) || onRecreated.test(i)) {
                dropIndexesAndConstraints.add(new DropIndex(table, i));
            }
        });
        after.forEach((n, i) -> {
            Index was = before.get(n);
            if (was == null || !was.definition().equals(i.definition()) || onRecreated.test(was)) {
                createIndexes.add(new CreateIndex(table, i, TableAge.EXISTING));
            }
        });
    }

    /** Whether an index's text may name the column, quoted or not (a false yes only rebuilds an index). */
    private static boolean mentions(String definition, String column) {
        return definition.contains("\"" + column.replace("\"", "\"\"") + "\"")
                || Pattern.compile("\\b" + Pattern.quote(column) + "\\b").matcher(definition).find();
    }

    private static <K, V> Map<K, V> byName(List<V> items, Function<V, K> key) {
        Map<K, V> map = new LinkedHashMap<>();
        items.forEach(i -> map.put(key.apply(i), i));
        return map;
    }
}
