package dev.stepwise.autogen;

import dev.stepwise.diff.AddColumn;
import dev.stepwise.diff.ChangeColumnType;
import dev.stepwise.diff.DropColumn;
import dev.stepwise.diff.SchemaChange;
import dev.stepwise.dialect.ColumnTypes;
import dev.stepwise.schema.ColumnRef;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A diff's changes sorted into the two phases of PRODUCT.md's first rule: what the running code
 * survives goes into the expand migration, what it may trip on or what destroys data into the
 * contract migration that follows the deploy. Each part keeps the diff's order.
 *
 * <p>Destructive: every change whose {@link SchemaChange#destructive()} says so (dropped tables,
 * columns and schemas, and whatever data-holding object a new kind of change drops), and a column
 * type change that is not a known widening ({@link ColumnTypes#widens}). A column dropped and
 * added again under its name (it becomes or stops being generated or identity) goes into the
 * contract whole: the add cannot come before the drop.
 */
public record ChangeSplit(List<SchemaChange> expand, List<SchemaChange> contract) {

    public ChangeSplit {
        expand = List.copyOf(expand);
        contract = List.copyOf(contract);
    }

    public static ChangeSplit of(List<SchemaChange> changes, ColumnTypes types) {
        Set<ColumnRef> dropped = new HashSet<>();
        for (SchemaChange c : changes) {
            if (c instanceof DropColumn d) {
                dropped.add(new ColumnRef(d.table(), d.column().name()));
            }
        }
        List<SchemaChange> expand = new ArrayList<>();
        List<SchemaChange> contract = new ArrayList<>();
        List<SchemaChange> readded = new ArrayList<>();
        for (SchemaChange c : changes) {
            if (c instanceof AddColumn a && dropped.contains(new ColumnRef(a.table(), a.column().name()))) {
                readded.add(c);
            } else if (destructive(c, types)) {
                contract.add(c);
            } else {
                expand.add(c);
            }
        }
        contract.addAll(readded);
        return new ChangeSplit(expand, contract);
    }

    /** Whether the change belongs in a contract migration. */
    public static boolean destructive(SchemaChange change, ColumnTypes types) {
        if (change.destructive()) {
            return true;
        }
        return change instanceof ChangeColumnType t && !types.widens(t.from().type(), t.to().type());
    }
}
