package dev.stepwise.expand;

import dev.stepwise.StepwiseException;
import dev.stepwise.expand.GeneratorArgument.FreeText;
import dev.stepwise.expand.GeneratorArgument.Name;
import dev.stepwise.expand.GeneratorRequest.ColumnPath;
import dev.stepwise.expand.GeneratorRequest.TablePath;

import java.util.ArrayList;
import java.util.List;

/**
 * The generator options of {@code revision} as given, turned into one {@link GeneratorRequest}:
 * at most one generator per revision, and {@code --using}, {@code --reverse} and
 * {@code --default} only with the generator that takes them.
 *
 * @param renameColumn      {@code TABLE.OLD:NEW}
 * @param changeType        {@code TABLE.OLD:NEW:TYPE}
 * @param using             the new column's value from the old one's ({@code --change-type})
 * @param reverse           the old column's value from the new one's ({@code --change-type})
 * @param renameTable       {@code OLD:NEW}
 * @param addRequiredColumn {@code TABLE.COL:TYPE}
 * @param defaultValue      the new column's default ({@code --add-required-column})
 * @param dropColumn        {@code TABLE.COL}
 * @param dropTable         {@code TABLE}
 */
public record GeneratorOptions(String renameColumn, String changeType, String using, String reverse,
                               String renameTable, String addRequiredColumn, String defaultValue,
                               String dropColumn, String dropTable) {

    private static final int[] COLUMN_AND_NAME_MIN = {2, 1};
    private static final int[] COLUMN_AND_NAME_MAX = {3, 1};

    public static GeneratorOptions none() {
        return new GeneratorOptions(null, null, null, null, null, null, null, null, null);
    }

    /** The request, or null when no generator option is given. */
    public GeneratorRequest request() {
        List<String> given = new ArrayList<>();
        add(given, "--rename-column", renameColumn);
        add(given, "--change-type", changeType);
        add(given, "--rename-table", renameTable);
        add(given, "--add-required-column", addRequiredColumn);
        add(given, "--drop-column", dropColumn);
        add(given, "--drop-table", dropTable);
        if (given.size() > 1) {
            throw bad("one generator per revision, not " + String.join(" and ", given)
                    + ": run `stepwise revision` once for each");
        }
        String generator = given.isEmpty() ? null : given.get(0);
        only(generator, "--change-type", "--using", using);
        only(generator, "--change-type", "--reverse", reverse);
        only(generator, "--add-required-column", "--default", defaultValue);
        if (generator == null) {
            return null;
        }
        return switch (generator) {
            case "--rename-column" -> renameColumnRequest();
            case "--change-type" -> changeTypeRequest();
            case "--rename-table" -> renameTableRequest();
            case "--add-required-column" -> addRequiredColumnRequest();
            case "--drop-column" -> new GeneratorRequest.DropColumn(column(GeneratorArgument.parse("--drop-column",
                    "TABLE.COL", dropColumn, new int[] {2}, new int[] {3}, FreeText.NONE).fields().get(0)));
            default -> new GeneratorRequest.DropTable(table(GeneratorArgument.parse("--drop-table", "TABLE",
                    dropTable, new int[] {1}, new int[] {2}, FreeText.NONE).fields().get(0)));
        };
    }

    private GeneratorRequest renameColumnRequest() {
        GeneratorArgument a = GeneratorArgument.parse("--rename-column", "TABLE.OLD:NEW", renameColumn,
                COLUMN_AND_NAME_MIN, COLUMN_AND_NAME_MAX, FreeText.NONE);
        return new GeneratorRequest.RenameColumn(column(a.fields().get(0)), a.fields().get(1).get(0));
    }

    private GeneratorRequest changeTypeRequest() {
        GeneratorArgument a = GeneratorArgument.parse("--change-type", "TABLE.OLD:NEW:TYPE", changeType,
                COLUMN_AND_NAME_MIN, COLUMN_AND_NAME_MAX, FreeText.LAST);
        if (blank(using) || blank(reverse)) {
            throw bad("--change-type needs --using EXPR (the new column from the old, e.g. `total_dollars * 100`)"
                    + " and --reverse EXPR (the old column from the new, e.g. `total_cents / 100.0`): the trigger"
                    + " converts whichever column a writer sets");
        }
        return new GeneratorRequest.ChangeType(column(a.fields().get(0)), a.fields().get(1).get(0), a.rest(),
                using.strip(), reverse.strip());
    }

    private GeneratorRequest renameTableRequest() {
        GeneratorArgument a = GeneratorArgument.parse("--rename-table", "OLD:NEW", renameTable, new int[] {1, 1},
                new int[] {2, 1}, FreeText.NONE);
        return new GeneratorRequest.RenameTable(table(a.fields().get(0)), a.fields().get(1).get(0));
    }

    private GeneratorRequest addRequiredColumnRequest() {
        GeneratorArgument a = GeneratorArgument.parse("--add-required-column", "TABLE.COL:TYPE", addRequiredColumn,
                new int[] {2}, new int[] {3}, FreeText.LAST);
        if (blank(defaultValue)) {
            throw bad("--add-required-column needs --default EXPR: the value existing rows get, and new rows"
                    + " written by code that does not know the column yet");
        }
        List<Name> path = a.fields().get(0);
        return new GeneratorRequest.AddRequiredColumn(table(path.subList(0, path.size() - 1)),
                path.get(path.size() - 1), a.rest(), defaultValue.strip());
    }

    private static ColumnPath column(List<Name> path) {
        return new ColumnPath(table(path.subList(0, path.size() - 1)), path.get(path.size() - 1));
    }

    private static TablePath table(List<Name> path) {
        return path.size() == 1 ? new TablePath(null, path.get(0)) : new TablePath(path.get(0), path.get(1));
    }

    private static void add(List<String> given, String option, String value) {
        if (value != null) {
            given.add(option);
        }
    }

    private static void only(String generator, String owner, String option, String value) {
        if (value != null && !owner.equals(generator)) {
            throw bad(option + " goes with " + owner + (generator == null ? "" : ", not " + generator));
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static StepwiseException bad(String message) {
        return new StepwiseException(StepwiseException.Category.BAD_INPUT, message);
    }
}
