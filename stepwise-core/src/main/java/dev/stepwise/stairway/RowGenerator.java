package dev.stepwise.stairway;

import dev.stepwise.dialect.TableContents;
import dev.stepwise.run.DatabaseException;
import dev.stepwise.schema.Column;
import dev.stepwise.schema.Constraint;
import dev.stepwise.schema.Domain;
import dev.stepwise.schema.EnumType;
import dev.stepwise.schema.Nullability;
import dev.stepwise.schema.ObjectName;
import dev.stepwise.schema.SchemaModel;
import dev.stepwise.schema.Table;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Fills each table with {@code --rows N} rows made from its column types as soon as a migration
 * creates it, so the migrations after it meet a populated table. Values follow the row number and
 * the seed (the same seed makes the same rows); foreign keys take the referenced table's rows in
 * turn, so referenced tables are filled first; identity, generated and defaulted columns get what
 * the table gives them. A table it cannot fill (a type it cannot make values of in a required
 * column, a required reference to an empty table, a check the values break) is skipped, with why.
 */
public final class RowGenerator {

    /** A table left empty, and why. */
    public record Skipped(String table, String reason) {
    }

    private final TableContents contents;
    private final long rows;
    private final long seed;
    private final Set<ObjectName> seen = new HashSet<>();
    private final Map<ObjectName, Long> filled = new LinkedHashMap<>();

    public RowGenerator(TableContents contents, long rows, long seed) {
        this.contents = contents;
        this.rows = rows;
        this.seed = seed;
    }

    public long seed() {
        return seed;
    }

    /** Rows per table. */
    public long rows() {
        return rows;
    }

    /** Fills the tables of the schema it has not met before that are empty; returns those it skipped. */
    public List<Skipped> fill(Connection connection, SchemaModel schema) {
        List<Table> pending = new ArrayList<>();
        for (Table t : schema.tables()) {
            if (t.partitioning().parent() == null && seen.add(t.name())) {
                pending.add(t);
            }
        }
        List<Skipped> skipped = new ArrayList<>();
        Set<ObjectName> waiting = new HashSet<>();
        pending.forEach(t -> waiting.add(t.name()));
        while (!pending.isEmpty()) {
            // referenced tables first; in a cycle of foreign keys, whichever comes first by name
            Table next = pending.stream().filter(t -> referenced(t).stream()
                    .noneMatch(r -> !r.equals(t.name()) && waiting.contains(r))).findFirst().orElse(pending.get(0));
            pending.remove(next);
            waiting.remove(next.name());
            fillOne(connection, schema, next).ifPresent(skipped::add);
        }
        return skipped;
    }

    private static List<ObjectName> referenced(Table t) {
        return t.constraints().stream().filter(c -> c.kind() == Constraint.Kind.FOREIGN_KEY)
                .map(c -> c.foreignKey().references()).toList();
    }

    private Optional<Skipped> fillOne(Connection connection, SchemaModel schema, Table table) {
        String name = table.name().toString();
        try {
            long existing = contents.digest(connection, table.name(), List.of()).rows();
            if (existing > 0) {
                // the migration (or the seed file) filled it itself; tables referencing it take its rows
                filled.put(table.name(), existing);
                return Optional.empty();
            }
            String why = null;
            for (boolean optional : new boolean[]{true, false}) {
                Plan plan = plan(schema, table, optional);
                if (plan.reason() != null) {
                    return Optional.of(new Skipped(name, plan.reason()));
                }
                try (Statement s = connection.createStatement()) {
                    s.execute(contents.insert(plan.rows()));
                    s.execute(contents.analyze(table.name()));
                    filled.put(table.name(), rows);
                    return Optional.empty();
                } catch (SQLException e) {
                    // again with the nullable columns left NULL: a check on them may be what failed
                    why = firstLine(e.getMessage());
                }
            }
            return Optional.of(new Skipped(name, "the generated rows were refused: " + why));
        } catch (SQLException e) {
            throw new DatabaseException("counting the rows of " + name, e);
        }
    }

    private record Plan(TableContents.GeneratedRows rows, String reason) {
    }

    private Plan plan(SchemaModel schema, Table table, boolean optionalColumns) {
        String i = contents.rowNumber();
        Map<String, String> values = new LinkedHashMap<>();
        List<TableContents.Reference> references = new ArrayList<>();
        Set<String> referencing = new HashSet<>();
        for (Constraint c : table.constraints()) {
            if (c.kind() != Constraint.Kind.FOREIGN_KEY || c.columns().stream().anyMatch(referencing::contains)) {
                continue;
            }
            boolean required = c.columns().stream().anyMatch(col -> table.column(col)
                    .map(x -> x.nullability() == Nullability.NOT_NULL).orElse(false));
            Long parentRows = filled.get(c.foreignKey().references());
            boolean self = c.foreignKey().references().equals(table.name());
            if (parentRows == null || self) {
                if (required) {
                    return new Plan(null, "required foreign key " + c.name() + " references "
                            + c.foreignKey().references() + (self ? ", the table itself" : ", which has no generated rows"));
                }
                referencing.addAll(c.columns());
                continue;
            }
            if (!required && !optionalColumns) {
                referencing.addAll(c.columns());
                continue;
            }
            references.add(new TableContents.Reference(c.columns(), c.foreignKey().references(),
                    c.foreignKey().referencedColumns(), parentRows));
            referencing.addAll(c.columns());
        }
        for (Column column : table.columns()) {
            boolean required = column.nullability() == Nullability.NOT_NULL;
            if (referencing.contains(column.name()) || column.identity() != Column.Identity.NONE
                    || column.generated() != null || column.defaultValue() != null || (!required && !optionalColumns)) {
                continue;
            }
            Optional<String> value = value(schema, column, i);
            if (value.isPresent()) {
                values.put(column.name(), value.get());
            } else if (required) {
                return new Plan(null, "required column " + column.name() + " has type " + column.type()
                        + ", which it cannot make values of");
            }
        }
        return new Plan(new TableContents.GeneratedRows(table.name(), rows, i, values, references), null);
    }

    private Optional<String> value(SchemaModel schema, Column column, String i) {
        String type = column.type();
        for (EnumType e : schema.enums()) {
            if (names(e.name(), type)) {
                return Optional.of(contents.enumValue(type, i));
            }
        }
        for (Domain d : schema.domains()) {
            if (names(d.name(), type)) {
                Column base = new Column(column.name(), d.baseType(), null, column.nullability(), null,
                        Column.Identity.NONE, null);
                return value(schema, base, i).map(v -> "CAST(" + v + " AS " + type + ")");
            }
        }
        return contents.value(column, i, seed);
    }

    /** Whether a column's type text names the object: bare when its schema is on the search path, else qualified. */
    private static boolean names(ObjectName object, String type) {
        String bare = type.replace("\"", "");
        return bare.equals(object.name()) || bare.equals(object.schema() + "." + object.name());
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}
