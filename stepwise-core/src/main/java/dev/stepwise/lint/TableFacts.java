package dev.stepwise.lint;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the catalog says about one table before a migration runs.
 *
 * @param columns     by name
 * @param constraints its constraints
 * @param indexes     its indexes by name, each with its columns (expressions left out)
 * @param size        how big it is where that is known (the target database), else unknown
 */
public record TableFacts(String schema, String name, Map<String, ColumnFacts> columns,
                         List<ConstraintFacts> constraints, Map<String, List<String>> indexes, TableSize size) {

    public TableFacts {
        columns = Map.copyOf(columns);
        constraints = List.copyOf(constraints);
        indexes = Map.copyOf(indexes);
    }

    /** The same table, with its size known. */
    public TableFacts withSize(TableSize other) {
        return new TableFacts(schema, name, columns, constraints, indexes, other);
    }

    /** Whether a validated {@code CHECK (col IS NOT NULL)} is on the column. */
    public boolean hasValidNotNullCheck(String column) {
        return notNullChecks(column).stream().anyMatch(ConstraintFacts::validated);
    }

    /** The {@code CHECK (col IS NOT NULL)} constraints on the column, validated or not. */
    public List<ConstraintFacts> notNullChecks(String column) {
        List<ConstraintFacts> checks = new java.util.ArrayList<>();
        for (ConstraintFacts c : constraints) {
            if (c.type() == 'c' && c.columns().equals(List.of(column))
                    && c.definition().replaceAll("[()\\s]+", " ").strip().replace(" NOT VALID", "")
                    .matches("(?i)CHECK \"?" + java.util.regex.Pattern.quote(column) + "\"? IS NOT NULL")) {
                checks.add(c);
            }
        }
        return checks;
    }

    public Optional<ColumnFacts> column(String column) {
        return Optional.ofNullable(columns.get(column));
    }

    /**
     * A column of a table as the catalog knows it.
     *
     * @param type      as {@code format_type} writes it
     * @param enumLabels the labels of its type when that is an enum, in order; empty otherwise
     */
    public record ColumnFacts(String name, String type, boolean notNull, boolean hasDefault, List<String> enumLabels) {

        public ColumnFacts {
            enumLabels = List.copyOf(enumLabels);
        }
    }

    /**
     * A constraint of the table.
     *
     * @param type       {@code c} check, {@code f} foreign key, {@code p} primary key, {@code u}
     *                   unique, {@code x} exclusion
     * @param definition as {@code pg_get_constraintdef} writes it
     * @param columns    the columns it is on
     */
    public record ConstraintFacts(String name, char type, String definition, boolean validated, List<String> columns) {

        public ConstraintFacts {
            columns = List.copyOf(columns);
        }
    }
}
