package dev.stepwise.autogen;

import dev.stepwise.diff.AddColumn;
import dev.stepwise.diff.SchemaChange;
import dev.stepwise.schema.Column;
import dev.stepwise.schema.Nullability;

import java.util.List;

/**
 * What a generated {@code +down} does where the exact reverse cannot work: a column that comes
 * back after a contract dropped it has lost its values, so a {@code NOT NULL} one without a
 * default comes back nullable (the rows have nothing to take), as the {@code --drop-column}
 * generator does; every other change is kept as the reverse diff has it.
 */
public final class DownChanges {

    private DownChanges() {
    }

    /** The change as the down makes it, and comment lines that say where it differs. */
    public record Restoring(SchemaChange change, List<String> comments) {
    }

    public static Restoring restoring(SchemaChange change) {
        if (change instanceof AddColumn a && a.column().nullability() == Nullability.NOT_NULL
                && a.column().defaultValue() == null && a.column().identity() == Column.Identity.NONE
                && a.column().generated() == null) {
            Column c = a.column();
            Column nullable = new Column(c.name(), c.type(), c.collation(), Nullability.NULLABLE, null, c.identity(),
                    c.generated());
            return new Restoring(new AddColumn(a.table(), nullable), List.of(ChangeLine.of(change).toString(),
                    c.name() + " was NOT NULL without a default: its rows have no value to take, so it comes back"
                            + " nullable"));
        }
        return new Restoring(change, List.of(ChangeLine.of(change).toString()));
    }
}
