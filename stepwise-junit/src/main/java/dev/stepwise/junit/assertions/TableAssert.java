package dev.stepwise.junit.assertions;

import dev.stepwise.schema.Column;
import dev.stepwise.schema.Constraint;
import dev.stepwise.schema.Index;
import dev.stepwise.schema.ObjectName;
import dev.stepwise.schema.Table;
import org.assertj.core.api.AbstractAssert;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** Assertions on one table: its columns, indexes and foreign keys. Failures list what the table has instead. */
public final class TableAssert extends AbstractAssert<TableAssert, Table> {

    TableAssert(Table actual) {
        super(actual, TableAssert.class);
    }

    /** Verifies that the table has the column. */
    public TableAssert hasColumn(String column) {
        existing(column);
        return this;
    }

    /** Verifies that the table has no column of that name. */
    public TableAssert doesNotHaveColumn(String column) {
        isNotNull();
        Optional<Column> found = actual.column(column);
        if (found.isPresent()) {
            failWithMessage("%nExpecting table %s not to have column %s, but it has it (%s)", actual.name(), column,
                    ColumnAssert.describe(found.get()));
        }
        return this;
    }

    /** Verifies that the table has the column, and returns assertions on it. */
    public ColumnAssert column(String column) {
        return new ColumnAssert(actual.name(), existing(column));
    }

    /** Verifies that the table has an index of that name (one behind a primary key or unique constraint counts). */
    public TableAssert hasIndex(String index) {
        isNotNull();
        if (index(index).isEmpty()) {
            failWithMessage("%nExpecting table %s to have index %s, but %s", actual.name(), index, indexesThere());
        }
        return this;
    }

    /** Verifies that the table has no index of that name. */
    public TableAssert doesNotHaveIndex(String index) {
        isNotNull();
        Optional<Index> found = index(index);
        if (found.isPresent()) {
            failWithMessage("%nExpecting table %s not to have index %s, but it has it: %s", actual.name(), index,
                    found.get().definition());
        }
        return this;
    }

    /** Verifies that one of the table's foreign keys references the table ({@code users} or {@code schema.users}). */
    public TableAssert hasForeignKeyTo(String table) {
        isNotNull();
        ObjectName target = QualifiedName.parse(table);
        List<Constraint> foreignKeys = foreignKeys();
        if (foreignKeys.stream().noneMatch(fk -> fk.foreignKey().references().equals(target))) {
            failWithMessage("%nExpecting table %s to have a foreign key to %s, but %s", actual.name(), target,
                    foreignKeys.isEmpty() ? "it has none"
                            : "its foreign keys are: " + foreignKeys.stream().map(TableAssert::describe)
                            .collect(Collectors.joining(", ")));
        }
        return this;
    }

    private Column existing(String column) {
        isNotNull();
        Optional<Column> found = actual.column(column);
        if (found.isEmpty()) {
            failWithMessage("%nExpecting table %s to have column %s, but %s", actual.name(), column,
                    actual.columns().isEmpty() ? "it has no columns" : "its columns are: " + columnNames(actual));
        }
        return found.get();
    }

    private Optional<Index> index(String name) {
        return actual.indexes().stream().filter(i -> i.name().equals(name)).findFirst();
    }

    private String indexesThere() {
        if (actual.indexes().isEmpty()) {
            return "it has no indexes";
        }
        return "its indexes are: " + actual.indexes().stream().map(Index::name).collect(Collectors.joining(", "));
    }

    private List<Constraint> foreignKeys() {
        return actual.constraints().stream().filter(c -> c.kind() == Constraint.Kind.FOREIGN_KEY).toList();
    }

    /** {@code orders_user_id_fkey (user_id) -> public.users (id)} */
    private static String describe(Constraint fk) {
        return fk.name() + " (" + String.join(", ", fk.columns()) + ") -> " + fk.foreignKey().references()
                + " (" + String.join(", ", fk.foreignKey().referencedColumns()) + ")";
    }

    static String columnNames(Table table) {
        return table.columns().stream().map(Column::name).collect(Collectors.joining(", "));
    }
}
