package dev.stepwise.postgres.lint;

import dev.stepwise.postgres.parse.ParsedStatement;
import dev.stepwise.postgres.statement.QualifiedName;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What the statements of a migration read so far have done, which the catalog read before the
 * migration cannot know: tables created (nobody uses them yet), columns added, NOT NULL checks
 * validated, enum types and functions created, and what the {@code +up} dropped (for judging
 * whether the {@code +down} loses data).
 */
public final class MigrationState {

    private final Set<String> createdTables = new HashSet<>();
    private final Map<String, Set<String>> addedColumns = new HashMap<>();
    private final Map<String, Set<String>> droppedColumns = new HashMap<>();
    private final Set<String> droppedTables = new HashSet<>();
    private final Map<String, Set<String>> validNotNullChecks = new HashMap<>();
    /** NOT VALID checks of the form {@code col IS NOT NULL}: constraint name to table and column. */
    private final Map<String, String[]> pendingNotNullChecks = new HashMap<>();
    /** Constraints from before the migration that it validated, by table. */
    private final Map<String, Set<String>> validatedConstraints = new HashMap<>();
    private final Map<String, Character> functions = new HashMap<>();
    private final Map<String, List<String>> enums = new HashMap<>();
    private final Set<String> insertedInto = new HashSet<>();
    private final Set<String> createdIndexes = new HashSet<>();
    private boolean movedData;

    static String key(QualifiedName name) {
        return name == null ? "" : name.name().toLowerCase(Locale.ROOT);
    }

    public boolean created(QualifiedName table) {
        return createdTables.contains(key(table));
    }

    public boolean addedColumn(QualifiedName table, String column) {
        return created(table) || addedColumns.getOrDefault(key(table), Set.of()).contains(column);
    }

    public boolean droppedColumn(QualifiedName table, String column) {
        return droppedColumns.getOrDefault(key(table), Set.of()).contains(column);
    }

    public boolean droppedTable(QualifiedName table) {
        return droppedTables.contains(key(table));
    }

    /** Whether the {@code +up} so far dropped a column or table after writing data elsewhere: data it moved. */
    public boolean movedData() {
        return movedData;
    }

    /** Whether the statements so far inserted rows into the table. */
    public boolean insertedInto(QualifiedName table) {
        return insertedInto.contains(key(table));
    }

    /** Whether the statements so far created an index of that name. */
    public boolean createdIndex(String name) {
        return createdIndexes.contains(name.toLowerCase(Locale.ROOT));
    }

    public boolean hasValidNotNullCheck(QualifiedName table, String column) {
        return validNotNullChecks.getOrDefault(key(table), Set.of()).contains(column);
    }

    /** Whether the statements so far validated a constraint (of the table, from before the migration). */
    public boolean validated(QualifiedName table, String constraint) {
        return validatedConstraints.getOrDefault(key(table), Set.of()).contains(constraint);
    }

    public Character functionVolatility(String name) {
        return functions.get(name.toLowerCase(Locale.ROOT));
    }

    public List<String> enumLabels(String type) {
        return enums.get(type.toLowerCase(Locale.ROOT));
    }

    void recordEnum(String type, List<String> labels) {
        enums.put(type.toLowerCase(Locale.ROOT), List.copyOf(labels));
    }

    /** Takes note of what a statement does, after the rules judged it. */
    void apply(ParsedStatement statement) {
        if (statement instanceof ParsedStatement.CreateTable c) {
            createdTables.add(key(c.table()));
        } else if (statement instanceof ParsedStatement.CreateView v && v.materialized()) {
            // its indexes and refreshes block nobody yet
            createdTables.add(key(v.view()));
        } else if (statement instanceof ParsedStatement.CreateFunction f) {
            functions.put(f.function().name().toLowerCase(Locale.ROOT), Character.toLowerCase(f.volatility().charAt(0)));
        } else if (statement instanceof ParsedStatement.DropTable d) {
            for (QualifiedName t : d.tables()) {
                movedData |= !created(t);
                droppedTables.add(key(t));
            }
        } else if (statement instanceof ParsedStatement.AlterTable a) {
            a.actions().forEach(action -> apply(a.table(), action));
        } else if (statement instanceof ParsedStatement.CreateEnum e) {
            recordEnum(e.type().name(), e.labels());
        } else if (statement instanceof ParsedStatement.Insert i && i.table() != null) {
            insertedInto.add(key(i.table()));
        } else if (statement instanceof ParsedStatement.CreateIndex c && c.name() != null) {
            createdIndexes.add(c.name().toLowerCase(Locale.ROOT));
        }
    }

    private void apply(QualifiedName table, ParsedStatement.AlterAction action) {
        String t = key(table);
        if (action instanceof ParsedStatement.AddColumn add) {
            addedColumns.computeIfAbsent(t, k -> new HashSet<>()).add(add.column().name());
        } else if (action instanceof ParsedStatement.DropColumn drop) {
            movedData |= !addedColumn(table, drop.column());
            droppedColumns.computeIfAbsent(t, k -> new HashSet<>()).add(drop.column());
        } else if (action instanceof ParsedStatement.AddConstraint add) {
            String column = NotNullCheck.column(add.constraint());
            if (column == null) {
                return;
            }
            if (!add.notValid()) {
                validNotNullChecks.computeIfAbsent(t, k -> new HashSet<>()).add(column);
            } else if (add.constraint().name() != null) {
                pendingNotNullChecks.put(add.constraint().name(), new String[] {t, column});
            }
        } else if (action instanceof ParsedStatement.ValidateConstraint v) {
            String[] pending = pendingNotNullChecks.remove(v.name());
            if (pending != null) {
                validNotNullChecks.computeIfAbsent(pending[0], k -> new HashSet<>()).add(pending[1]);
            } else {
                validatedConstraints.computeIfAbsent(t, k -> new HashSet<>()).add(v.name());
            }
        }
    }
}
