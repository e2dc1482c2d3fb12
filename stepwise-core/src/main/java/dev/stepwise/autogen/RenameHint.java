package dev.stepwise.autogen;

import dev.stepwise.StepwiseException;
import dev.stepwise.diff.AddColumn;
import dev.stepwise.diff.AddConstraint;
import dev.stepwise.diff.CreateIndex;
import dev.stepwise.diff.CreateTable;
import dev.stepwise.diff.DropColumn;
import dev.stepwise.diff.DropConstraint;
import dev.stepwise.diff.DropTable;
import dev.stepwise.diff.SchemaChange;
import dev.stepwise.expand.GeneratorArgument.Name;
import dev.stepwise.expand.GeneratorRequest;
import dev.stepwise.schema.ObjectName;

import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * A hint that a drop and an add in a diff are one object renamed (or moved to a new type): a diff
 * cannot tell {@code ALTER ... RENAME} from a drop and an add, and the drop would lose the data.
 * The hints are the expand/contract generators' own options ({@code --rename-column TABLE.OLD:NEW},
 * {@code --rename-table OLD:NEW}, {@code --change-type TABLE.OLD:NEW:TYPE --using --reverse}), and
 * the generator writes that part. Unquoted names fold to lower case, as PostgreSQL folds them.
 */
public final class RenameHint {

    /** The changes of the diff the hint stands for. */
    public record Pair(String description, Predicate<SchemaChange> covers) {

        public boolean contains(SchemaChange change) {
            return covers.test(change);
        }
    }

    private RenameHint() {
    }

    /** @throws StepwiseException (bad input) for a generator that is no rename hint */
    public static void check(GeneratorRequest hint) {
        if (hint == null || hint instanceof GeneratorRequest.RenameColumn || hint instanceof GeneratorRequest.RenameTable
                || hint instanceof GeneratorRequest.ChangeType) {
            return;
        }
        throw new StepwiseException(StepwiseException.Category.BAD_INPUT, "--autogenerate finds added and dropped"
                + " columns and tables in schema/ itself; of the generator options it takes only the hints"
                + " --rename-column, --rename-table and --change-type (a drop and an add that are one object)");
    }

    /**
     * The drop and the add the hint names.
     *
     * @throws StepwiseException (bad input) when the diff has no such pair
     */
    public static Pair find(GeneratorRequest hint, List<SchemaChange> changes) {
        if (hint instanceof GeneratorRequest.RenameTable r) {
            Optional<ObjectName> old = changes.stream().filter(DropTable.class::isInstance)
                    .map(c -> ((DropTable) c).table().name()).filter(n -> matches(r.table(), n)).findFirst();
            Optional<ObjectName> renamed = old.flatMap(o -> changes.stream().filter(CreateTable.class::isInstance)
                    .map(c -> ((CreateTable) c).table().name())
                    .filter(n -> n.schema().equals(o.schema()) && n.name().equals(r.newName().folded())).findFirst());
            if (renamed.isEmpty()) {
                throw missing(hint, "drop table " + r.table() + " and create table " + show(r.newName()));
            }
            ObjectName from = old.get();
            ObjectName to = renamed.get();
            return new Pair(r.describe(), c -> c instanceof DropTable dt && dt.table().name().equals(from)
                    || c instanceof DropConstraint dc && dc.table().equals(from)
                    || c instanceof CreateTable ct && ct.table().name().equals(to)
                    || c instanceof CreateIndex ci && ci.table().equals(to)
                    || c instanceof AddConstraint ac && ac.table().equals(to));
        }
        GeneratorRequest.ColumnPath column;
        Name newName;
        if (hint instanceof GeneratorRequest.RenameColumn r) {
            column = r.column();
            newName = r.newName();
        } else {
            GeneratorRequest.ChangeType t = (GeneratorRequest.ChangeType) hint;
            column = t.column();
            newName = t.newName();
        }
        Optional<DropColumn> dropped = changes.stream().filter(DropColumn.class::isInstance).map(DropColumn.class::cast)
                .filter(d -> matches(column.table(), d.table()) && d.column().name().equals(column.column().folded()))
                .findFirst();
        Optional<AddColumn> added = dropped.flatMap(d -> changes.stream().filter(AddColumn.class::isInstance)
                .map(AddColumn.class::cast)
                .filter(a -> a.table().equals(d.table()) && a.column().name().equals(newName.folded())).findFirst());
        if (added.isEmpty()) {
            throw missing(hint, "drop column " + column + " and add column " + column.table() + "." + show(newName));
        }
        DropColumn d = dropped.get();
        AddColumn a = added.get();
        return new Pair(hint.describe(), c -> c.equals(d) || c.equals(a));
    }

    private static boolean matches(GeneratorRequest.TablePath path, ObjectName name) {
        return (path.schema() == null || path.schema().folded().equals(name.schema()))
                && path.table().folded().equals(name.name());
    }

    private static String show(Name name) {
        return name.quoted() ? '"' + name.text().replace("\"", "\"\"") + '"' : name.text();
    }

    private static StepwiseException missing(GeneratorRequest hint, String pair) {
        return new StepwiseException(StepwiseException.Category.BAD_INPUT, hint.describe() + ": schema/ does not "
                + pair + " (the hint turns such a pair into the expand/contract generator's migrations; run"
                + " `stepwise check` to see the difference)");
    }
}
