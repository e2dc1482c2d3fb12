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
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * The changes that turn one schema model into another, in an order PostgreSQL accepts: foreign
 * keys that go are dropped first (before the tables they point at), then indexes and constraints,
 * tables and columns; new schemas and tables come before the columns, constraints and indexes
 * that need them, and new foreign keys last. Its reverse is the diff the other way round.
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

    private final Plan plan = new Plan();
    /** Columns of the table being compared that are dropped and added again, taking their constraints and indexes along. */
    private final java.util.Set<String> readdedColumns = new java.util.HashSet<>();

    private SchemaDiff() {
    }

    public static Result between(SchemaModel from, SchemaModel to) {
        SchemaDiff diff = new SchemaDiff();
        Plan plan = diff.plan;
        diff.schemas(from, to);
        Map<ObjectName, Table> before = byName(from.tables(), Table::name);
        Map<ObjectName, Table> after = byName(to.tables(), Table::name);
        before.forEach((name, table) -> {
            ObjectName parent = table.partitioning().parent();
            // a partition goes with its partitioned table
            if (!after.containsKey(name) && (parent == null || after.containsKey(parent))) {
                diff.dropped(table);
            }
            if (!after.containsKey(name)) {
                plan.reshapedTables.add(name);
            }
        });
        after.forEach((name, table) -> {
            Table old = before.get(name);
            if (old == null) {
                diff.created(table);
            } else {
                diff.changed(old, table, to);
            }
        });
        diff.foreignKeysOnReplacedKeys(before, after);
        // a partitioned table before its partitions, and a partition before its own (sub-)partitions
        plan.phase(Plan.Phase.CREATE_TABLES).sort(Comparator.comparingInt(ch -> depth(((CreateTable) ch).table(), after)));
        TypeDiff.plan(from, to, plan);
        CodeDiff.plan(from, to, plan);
        CommentDiff.plan(from, to, plan);
        return new Result(plan.ordered(), plan.notes);
    }

    /** The changes that undo {@code between(from, to)}. */
    public static Result reverse(SchemaModel from, SchemaModel to) {
        return between(to, from);
    }

    private void schemas(SchemaModel from, SchemaModel to) {
        to.schemas().stream().filter(s -> !from.schemas().contains(s)).forEach(s -> plan.add(Plan.Phase.CREATE_SCHEMAS, new CreateSchema(s)));
        from.schemas().stream().filter(s -> !to.schemas().contains(s)).forEach(s -> plan.add(Plan.Phase.DROP_SCHEMAS, new DropSchema(s)));
    }

    private void dropped(Table table) {
        table.constraints().stream().filter(c -> c.kind() == Constraint.Kind.FOREIGN_KEY)
                .forEach(c -> plan.add(Plan.Phase.DROP_FOREIGN_KEYS, new DropConstraint(table.name(), c)));
        plan.add(Plan.Phase.DROP_TABLES, new DropTable(table));
    }

    /**
     * A foreign key depends on the referenced table's primary key or unique constraint, so
     * PostgreSQL will not drop that while the foreign key exists: a foreign key that stays is
     * dropped before a key it points at is replaced, and added back after.
     */
    private void foreignKeysOnReplacedKeys(Map<ObjectName, Table> before, Map<ObjectName, Table> after) {
        List<DropConstraint> replacedKeys = plan.phase(Plan.Phase.DROP_INDEXES_AND_CONSTRAINTS).stream()
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
                    boolean alreadyDropped = plan.phase(Plan.Phase.DROP_FOREIGN_KEYS).stream().anyMatch(ch -> ch instanceof DropConstraint d
                            && d.table().equals(name) && d.constraint().name().equals(fk.name()));
                    if (dependent && !alreadyDropped) {
                        plan.add(Plan.Phase.DROP_FOREIGN_KEYS, new DropConstraint(name, fk));
                        plan.add(Plan.Phase.ADD_FOREIGN_KEYS, new AddConstraint(name, fk, null, TableAge.EXISTING, TableShape.of(table)));
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
        plan.add(Plan.Phase.CREATE_TABLES, new CreateTable(table));
        boolean partition = table.partitioning().parent() != null;
        for (Constraint c : table.constraints()) {
            if (c.kind() == Constraint.Kind.FOREIGN_KEY) {
                plan.add(Plan.Phase.ADD_FOREIGN_KEYS, new AddConstraint(table.name(), c, null, TableAge.NEW));
            } else if (partition) {
                // CREATE TABLE ... PARTITION OF takes the parent's columns; a partition's own constraints follow it
                plan.add(Plan.Phase.ADD_CONSTRAINTS, new AddConstraint(table.name(), c, null, TableAge.NEW));
            }
        }
        for (Index i : table.indexes()) {
            if (i.constraint() == null) {
                plan.add(Plan.Phase.CREATE_INDEXES, new CreateIndex(table.name(), i, TableAge.NEW));
            }
        }
    }

    private void changed(Table old, Table table, SchemaModel to) {
        ObjectName name = table.name();
        readdedColumns.clear();
        if (table.partitioning().parent() == null) {
            columns(name, old, table);
        } else {
            partitionColumns(name, old, table);
        }
        partitioning(old, table);
        constraints(name, old, table);
        indexes(name, old, table, to);
    }

    private void columns(ObjectName name, Table old, Table table) {
        Map<String, Column> before = byName(old.columns(), Column::name);
        Map<String, Column> after = byName(table.columns(), Column::name);
        List<DropColumn> drops = new ArrayList<>();
        before.forEach((n, c) -> {
            if (!after.containsKey(n)) {
                drops.add(new DropColumn(name, c));
                plan.reshapedTables.add(name);
            }
        });
        // a generated column goes before the columns it reads
        drops.sort(Comparator.comparing(d -> d.column().generated() == null));
        drops.forEach(d -> plan.add(Plan.Phase.DROP_COLUMNS, d));
        after.forEach((n, c) -> {
            Column was = before.get(n);
            if (was == null) {
                plan.add(Plan.Phase.COLUMNS, new AddColumn(name, c));
            } else if (was.generated() != null && c.generated() == null) {
                // a generated column made plain keeps its values and indexes
                plan.add(Plan.Phase.COLUMNS, new DropColumnExpression(name, n));
                column(name, new Column(n, was.type(), was.collation(), was.nullability(), null, was.identity(), null), c);
            } else if (!Objects.equals(was.generated(), c.generated())) {
                // no statement makes a column generated, or changes its expression, on every version: dropped
                // before it is added again, in the same phase, with what PostgreSQL drops with it
                plan.add(Plan.Phase.COLUMNS, new DropColumn(name, was));
                plan.add(Plan.Phase.COLUMNS, new AddColumn(name, c));
                plan.reshapedTables.add(name);
                plan.recreated.add(name);
                readdedColumns.add(n);
            } else {
                column(name, was, c);
            }
        });
        // a new column can only go last, wherever the wanted table has it
        List<String> result = new ArrayList<>(old.columns().stream().map(Column::name)
                .filter(n -> after.containsKey(n) && !readdedColumns.contains(n)).toList());
        table.columns().stream().map(Column::name).filter(n -> !before.containsKey(n) || readdedColumns.contains(n))
                .forEach(result::add);
        List<String> wanted = table.columns().stream().map(Column::name).toList();
        if (!result.equals(wanted)) {
            plan.notes.add("columns of " + name + " are in another order (" + String.join(", ", result)
                    + " after the diff, " + String.join(", ", wanted) + " wanted); PostgreSQL cannot reorder columns,"
                    + " so this is left as is");
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
            // the new bound may overlap the old one or a new partition's: detached first, attached once those exist
            plan.add(Plan.Phase.DETACH_PARTITIONS, new DetachPartition(table.name(), was.parent()));
            plan.add(Plan.Phase.ATTACH_PARTITIONS, new AttachPartition(table.name(), now.parent(), now.bound()));
        } else {
            plan.notes.add("partitioning of " + table.name() + " differs (" + was + " here, " + now + " wanted); the"
                    + " diff does not repartition a table or move a partition to another parent, so this is left as is");
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
                plan.add(Plan.Phase.PARTITION_COLUMNS, new SetColumnDefault(name, now.name(), now.defaultValue()));
            }
            if (was.nullability() != now.nullability()) {
                plan.add(Plan.Phase.PARTITION_COLUMNS, new SetColumnNullability(name, now.name(), now.nullability()));
            }
        }
    }

    private void column(ObjectName table, Column was, Column now) {
        if (was.identity() != now.identity() && now.identity() == Column.Identity.NONE) {
            // before any new sequence is made: the identity's own may hold the name a serial's takes
            plan.add(Plan.Phase.DISOWN_SEQUENCES, new SetColumnIdentity(table, now.name(), was.identity(), now.identity()));
        }
        if (!was.type().equals(now.type()) || !Objects.equals(was.collation(), now.collation())) {
            plan.add(Plan.Phase.COLUMNS, new ChangeColumnType(table, was, now));
            plan.reshapedTables.add(table);
        }
        if (!Objects.equals(was.defaultValue(), now.defaultValue())) {
            plan.add(Plan.Phase.COLUMNS, new SetColumnDefault(table, now.name(), now.defaultValue()));
        }
        if (was.nullability() != now.nullability()) {
            plan.add(Plan.Phase.COLUMNS, new SetColumnNullability(table, now.name(), now.nullability()));
        }
        if (was.identity() != now.identity() && now.identity() != Column.Identity.NONE) {
            // after the default goes: an identity column has none
            plan.add(Plan.Phase.COLUMNS, new SetColumnIdentity(table, now.name(), was.identity(), now.identity()));
        }
    }

    private void constraints(ObjectName table, Table old, Table now) {
        Map<String, Constraint> before = byName(old.constraints(), Constraint::name);
        Map<String, Constraint> after = byName(now.constraints(), Constraint::name);
        renamedConstraints(table, before, after);
        before.forEach((n, c) -> {
            if (replaced(c, after.get(n))) {
                plan.add(c.kind() == Constraint.Kind.FOREIGN_KEY ? Plan.Phase.DROP_FOREIGN_KEYS
                        : Plan.Phase.DROP_INDEXES_AND_CONSTRAINTS, new DropConstraint(table, c));
            }
        });
        after.forEach((n, c) -> {
            Constraint was = before.get(n);
            if (was == null || replaced(was, c)) {
                Index own = now.indexes().stream().filter(i -> n.equals(i.constraint())).findFirst().orElse(null);
                plan.add(c.kind() == Constraint.Kind.FOREIGN_KEY ? Plan.Phase.ADD_FOREIGN_KEYS
                        : Plan.Phase.ADD_CONSTRAINTS, new AddConstraint(table, c, own, TableAge.EXISTING, TableShape.of(now)));
            } else if (was.validation() != c.validation()) {
                plan.add(Plan.Phase.ADD_CONSTRAINTS, new ValidateConstraint(table, n));
            }
        });
    }

    /**
     * Constraints that only change name, renamed in place and taken out of the maps: one that
     * goes and one that comes with the same kind, definition, deferral and validation.
     */
    private void renamedConstraints(ObjectName table, Map<String, Constraint> before, Map<String, Constraint> after) {
        List<Constraint> going = before.values().stream().filter(c -> !after.containsKey(c.name())).toList();
        List<Constraint> coming = new ArrayList<>(after.values().stream().filter(c -> !before.containsKey(c.name()))
                .toList());
        for (Constraint was : going) {
            if (was.columns().stream().anyMatch(readdedColumns::contains)) {
                continue;
            }
            coming.stream().filter(c -> sameApartFromValidation(was, c) && c.validation() == was.validation())
                    .findFirst().ifPresent(c -> {
                        coming.remove(c);
                        before.remove(was.name());
                        after.remove(c.name());
                        plan.add(Plan.Phase.DROP_INDEXES_AND_CONSTRAINTS, new RenameConstraint(table, was.name(), c.name()));
                    });
        }
    }

    /**
     * Whether a constraint that stays must be dropped and added again: it changed, or it is to
     * become {@code NOT VALID} (no statement unvalidates one; adding it back NOT VALID scans nothing).
     */
    private boolean replaced(Constraint was, Constraint wanted) {
        return wanted == null || was.columns().stream().anyMatch(readdedColumns::contains) || !sameApartFromValidation(was, wanted)
                || was.validation() == Constraint.Validation.VALIDATED
                && wanted.validation() == Constraint.Validation.NOT_VALID;
    }

    private static boolean sameApartFromValidation(Constraint a, Constraint b) {
        return a.kind() == b.kind() && a.definition().equals(b.definition()) && a.deferral() == b.deferral();
    }

    private void indexes(ObjectName table, Table old, Table now, SchemaModel to) {
        boolean partitioned = now.partitioning().key() != null;
        indexChanges(plan, table, old.indexes(), now.indexes(),
                partitioned ? partitionsBelow(table, to) : null, readdedColumns);
    }

    /**
     * The index changes of an existing table or materialized view: each changed index dropped and
     * built again, concurrently; a partitioned table's (given its partitions) partition by partition.
     */
    static void indexChanges(Plan plan, ObjectName table, List<Index> old, List<Index> now,
                             List<CreatePartitionedIndex.Partition> partitions, java.util.Set<String> readded) {
        // a constraint's own index comes and goes with the constraint
        Map<String, Index> before = byName(old.stream().filter(i -> i.constraint() == null).toList(), Index::name);
        Map<String, Index> after = byName(now.stream().filter(i -> i.constraint() == null).toList(), Index::name);
        // an index that only changes its name is renamed, not built again
        List<Index> coming = new ArrayList<>(after.values().stream().filter(i -> !before.containsKey(i.name())).toList());
        for (Index was : List.copyOf(before.values())) {
            if (after.containsKey(was.name()) || readded.stream().anyMatch(c -> mentions(was, c))) {
                continue;
            }
            coming.stream().filter(i -> withoutName(i).equals(withoutName(was))).findFirst().ifPresent(i -> {
                coming.remove(i);
                before.remove(was.name());
                after.remove(i.name());
                plan.add(Plan.Phase.DROP_INDEXES_AND_CONSTRAINTS, new RenameIndex(table, was.name(), i.name()));
            });
        }
        before.forEach((n, i) -> {
            Index wanted = after.get(n);
            if (wanted == null || !wanted.definition().equals(i.definition()) || readded.stream().anyMatch(c -> mentions(i, c))) {
                plan.add(Plan.Phase.DROP_INDEXES_AND_CONSTRAINTS,
                        partitions == null ? new DropIndex(table, i) : new DropPartitionedIndex(table, i));
            }
        });
        after.forEach((n, i) -> {
            Index was = before.get(n);
            if (was == null || !was.definition().equals(i.definition()) || readded.stream().anyMatch(c -> mentions(i, c))) {
                plan.add(Plan.Phase.CREATE_INDEXES, partitions == null ? new CreateIndex(table, i, TableAge.EXISTING)
                        : new CreatePartitionedIndex(table, i, partitions));
            }
        });
    }

    /** The definition from {@code ON} on: what the index is, whatever it is called. */
    private static String withoutName(Index index) {
        String definition = index.definition();
        int on = definition.indexOf(" ON ");
        return on < 0 ? definition : definition.substring(on);
    }

    /**
     * Whether an index's columns, expressions or predicate name the column, bare or quoted: then
     * dropping the column dropped the index. (A word match: it may see a name inside a string, and
     * then the index is only built again for nothing.)
     */
    private static boolean mentions(Index index, String column) {
        String definition = index.definition();
        int using = definition.indexOf(" USING ");
        String body = using < 0 ? definition : definition.substring(using);
        return body.contains("\"" + column.replace("\"", "\"\"") + "\"")
                || java.util.regex.Pattern.compile("\\b" + java.util.regex.Pattern.quote(column) + "\\b").matcher(body).find();
    }

    /** Every partition below a partitioned table in the wanted model, each after the table it belongs to. */
    private static List<CreatePartitionedIndex.Partition> partitionsBelow(ObjectName table, SchemaModel to) {
        List<CreatePartitionedIndex.Partition> found = new ArrayList<>();
        java.util.ArrayDeque<ObjectName> parents = new java.util.ArrayDeque<>(List.of(table));
        while (!parents.isEmpty()) {
            ObjectName parent = parents.poll();
            for (Table t : to.tables()) {
                if (parent.equals(t.partitioning().parent())) {
                    boolean partitioned = t.partitioning().key() != null;
                    found.add(new CreatePartitionedIndex.Partition(t.name(), parent, partitioned));
                    if (partitioned) {
                        parents.add(t.name());
                    }
                }
            }
        }
        return found;
    }

    static <K, V> Map<K, V> byName(List<V> items, Function<V, K> key) {
        Map<K, V> map = new LinkedHashMap<>();
        items.forEach(i -> map.put(key.apply(i), i));
        return map;
    }
}
