package dev.stepwise.autogen;

import dev.stepwise.diff.AddColumn;
import dev.stepwise.diff.ChangeColumnType;
import dev.stepwise.diff.CreateRoutine;
import dev.stepwise.diff.CreateTrigger;
import dev.stepwise.diff.CreateView;
import dev.stepwise.diff.DropColumn;
import dev.stepwise.diff.DropDomain;
import dev.stepwise.diff.DropEnum;
import dev.stepwise.diff.DropExtension;
import dev.stepwise.diff.DropRoutine;
import dev.stepwise.diff.DropTable;
import dev.stepwise.diff.DropView;
import dev.stepwise.diff.RecreateEnum;
import dev.stepwise.diff.SchemaChange;
import dev.stepwise.diff.SetComment;
import dev.stepwise.dialect.ColumnTypes;
import dev.stepwise.schema.ColumnRef;
import dev.stepwise.schema.ObjectName;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A diff's changes sorted into the two phases of PRODUCT.md's first rule: what the running code
 * survives goes into the expand migration, what it may trip on or what destroys data into the
 * contract migration that follows the deploy. Each part keeps the diff's order.
 *
 * <p>Contract: every change whose {@link SchemaChange#destructive()} says so (dropped tables,
 * columns, schemas and sequences, enum labels removed), a column type change that is not a known
 * widening ({@link ColumnTypes#widens}), and what the running code may still use or what only
 * goes once those are gone: views and functions that are dropped for good, enum types, domains
 * and extensions. A column dropped and added again under its name (it becomes or stops being
 * generated) goes into the contract whole: the add cannot come before the drop. And when the
 * contract changes tables under views, the views it makes again go with it (dropped before, made
 * again after), so the expand never makes a view the contract's change could not pass.
 */
public record ChangeSplit(List<SchemaChange> expand, List<SchemaChange> contract) {

    public ChangeSplit {
        expand = List.copyOf(expand);
        contract = List.copyOf(contract);
    }

    public static ChangeSplit of(List<SchemaChange> changes, ColumnTypes types) {
        Set<ColumnRef> dropped = new HashSet<>();
        Set<ObjectName> createdViews = new HashSet<>();
        Set<String> createdRoutines = new HashSet<>();
        for (SchemaChange c : changes) {
            if (c instanceof DropColumn d) {
                dropped.add(new ColumnRef(d.table(), d.column().name()));
            } else if (c instanceof CreateView v) {
                createdViews.add(v.view().name());
            } else if (c instanceof CreateRoutine r) {
                createdRoutines.add(r.routine().signature());
            }
        }
        List<SchemaChange> expand = new ArrayList<>();
        List<SchemaChange> contract = new ArrayList<>();
        List<SchemaChange> readded = new ArrayList<>();
        for (SchemaChange c : changes) {
            if (c instanceof AddColumn a && dropped.contains(new ColumnRef(a.table(), a.column().name()))) {
                readded.add(c);
            } else if (destructive(c, types) || goneForGood(c, createdViews, createdRoutines)) {
                contract.add(c);
            } else {
                expand.add(c);
            }
        }
        contract.addAll(readded);
        if (!reshapesTables(contract)) {
            return new ChangeSplit(expand, contract);
        }
        Set<ObjectName> remade = new HashSet<>();
        for (SchemaChange c : expand) {
            if (c instanceof DropView v && createdViews.contains(v.view().name())) {
                remade.add(v.view().name());
            }
        }
        // the whole list again, in the diff's order, with the views made again around the contract's changes
        List<SchemaChange> keptInExpand = new ArrayList<>();
        List<SchemaChange> movedContract = new ArrayList<>();
        for (SchemaChange c : changes) {
            if (contract.contains(c) || remadeView(c, remade)) {
                movedContract.add(c);
            } else {
                keptInExpand.add(c);
            }
        }
        // the re-added columns stay last, as above
        movedContract.removeAll(readded);
        movedContract.addAll(readded);
        return new ChangeSplit(keptInExpand, movedContract);
    }

    /** Whether the change belongs in a contract migration. */
    public static boolean destructive(SchemaChange change, ColumnTypes types) {
        if (change.destructive()) {
            return true;
        }
        return change instanceof ChangeColumnType t && !types.widens(t.from().type(), t.to().type());
    }

    /** A view or routine dropped and not made again, or a type or extension dropped (after the columns of it). */
    private static boolean goneForGood(SchemaChange c, Set<ObjectName> createdViews, Set<String> createdRoutines) {
        return c instanceof DropView v && !createdViews.contains(v.view().name())
                || c instanceof DropRoutine r && !createdRoutines.contains(r.routine().signature())
                || c instanceof DropEnum || c instanceof DropDomain || c instanceof DropExtension;
    }

    private static boolean reshapesTables(List<SchemaChange> contract) {
        return contract.stream().anyMatch(c -> c instanceof DropColumn || c instanceof ChangeColumnType
                || c instanceof DropTable || c instanceof RecreateEnum);
    }

    /** A view dropped and made again, or what it loses on the way (its triggers and comments). */
    private static boolean remadeView(SchemaChange c, Set<ObjectName> remade) {
        return c instanceof DropView drop && remade.contains(drop.view().name())
                || c instanceof CreateView create && remade.contains(create.view().name())
                || c instanceof CreateTrigger t && remade.contains(t.trigger().table())
                || c instanceof SetComment s && remade.stream().anyMatch(s.comment()::isOn);
    }
}
