package dev.stepwise.stairway;

import dev.stepwise.autogen.ChangeLine;
import dev.stepwise.diff.ChangeColumnType;
import dev.stepwise.diff.SchemaChange;
import dev.stepwise.diff.SchemaDiff;
import dev.stepwise.schema.SchemaModel;
import dev.stepwise.schema.Unmodelled;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Says, in a sentence per object, how the schema a leg of the stairway left differs from the one
 * it should have left: {@code index ix_users_email on public.users still exists}, {@code column
 * public.users.name is character varying(768), was character varying(255)}. The comparison is
 * {@link SchemaDiff}'s, so column order does not count: PostgreSQL cannot put a column a down
 * added again back in its place, and no query that names its columns can tell. The diff's note
 * about the order is kept, and reported without failing.
 */
public final class SchemaComparison {

    /** Which leg of a step is compared: the down with the schema before the up, or the second up with the first. */
    public enum Leg {
        DOWNGRADE("downgrade"), UPGRADE_AGAIN("upgrade again");

        private final String word;

        Leg(String word) {
            this.word = word;
        }

        public String word() {
            return word;
        }
    }

    /** The differences that fail the step, and the notes that do not (column order). */
    public record Result(List<String> differences, List<String> notes) {

        public Result {
            differences = List.copyOf(differences);
            notes = List.copyOf(notes);
        }

        public boolean same() {
            return differences.isEmpty();
        }
    }

    private SchemaComparison() {
    }

    /**
     * @param expected what the leg should have left: the schema before the up (after a down), or
     *                 the one after the first up (after the second)
     * @param actual   what it left
     * @param afterUp  the schema after the first up, to tell an object the down forgot from one it made
     */
    public static Result compare(SchemaModel expected, SchemaModel actual, SchemaModel afterUp, Leg leg) {
        SchemaDiff.Result diff = SchemaDiff.between(expected, actual);
        Set<String> upChanges = new HashSet<>();
        if (leg == Leg.DOWNGRADE) {
            SchemaDiff.between(expected, afterUp).changes().forEach(c -> upChanges.add(ChangeLine.of(c).toString()));
        }
        List<String> differences = new ArrayList<>();
        for (SchemaChange change : diff.changes()) {
            differences.add(sentence(change, ChangeLine.of(change), upChanges, leg));
        }
        for (Unmodelled u : actual.unmodelled()) {
            if (!expected.unmodelled().contains(u)) {
                differences.add(u.kind() + " " + u.identity() + (leg == Leg.DOWNGRADE ? " still exists" : " is new")
                        + " (not modelled: compared by name)");
            }
        }
        for (Unmodelled u : expected.unmodelled()) {
            if (!actual.unmodelled().contains(u)) {
                differences.add(u.kind() + " " + u.identity() + " is missing (not modelled: compared by name)");
            }
        }
        return new Result(differences, orderNotes(expected, actual, leg));
    }

    /**
     * The tables whose columns are all there but in another order: said in the stairway's words
     * (the diff's own note speaks of what a diff would do), never a failure.
     */
    private static List<String> orderNotes(SchemaModel expected, SchemaModel actual, Leg leg) {
        List<String> notes = new ArrayList<>();
        for (dev.stepwise.schema.Table want : expected.tables()) {
            actual.table(want.name()).ifPresent(got -> {
                List<String> wanted = want.columns().stream().map(dev.stepwise.schema.Column::name).toList();
                List<String> found = got.columns().stream().map(dev.stepwise.schema.Column::name).toList();
                if (!wanted.equals(found) && Set.copyOf(wanted).equals(Set.copyOf(found))) {
                    notes.add("columns of " + want.name() + " are in another order (" + String.join(", ", found)
                            + "; " + (leg == Leg.DOWNGRADE ? "before the upgrade: " : "after the first upgrade: ")
                            + String.join(", ", wanted) + "): PostgreSQL cannot put a column added again back in"
                            + " its place, so this does not count");
                }
            });
        }
        return notes;
    }

    private static String sentence(SchemaChange change, ChangeLine line, Set<String> upChanges, Leg leg) {
        if (change instanceof ChangeColumnType c) {
            return "column " + c.table() + "." + c.to().name() + " is " + c.to().type() + ", was " + c.from().type()
                    + (leg == Leg.DOWNGRADE ? " before the upgrade" : " after the first upgrade");
        }
        switch (line.sign()) {
            case "+":
                if (leg == Leg.UPGRADE_AGAIN) {
                    return line.text() + " exists, and did not after the first upgrade";
                }
                return upChanges.contains(line.toString()) ? line.text() + " still exists"
                        : line.text() + " exists, and did not before the upgrade";
            case "-":
                if (leg == Leg.UPGRADE_AGAIN) {
                    return line.text() + " is missing, and existed after the first upgrade";
                }
                return upChanges.contains(line.toString()) ? line.text() + " is missing: the upgrade dropped it and"
                        + " the downgrade did not make it again" : line.text() + " is missing: the downgrade dropped it";
            default:
                return line.text() + " (" + (leg == Leg.DOWNGRADE ? "not as before the upgrade"
                        : "not as after the first upgrade") + ")";
        }
    }
}
