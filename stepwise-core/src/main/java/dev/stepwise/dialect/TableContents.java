package dev.stepwise.dialect;

import dev.stepwise.schema.Column;
import dev.stepwise.schema.ObjectName;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What {@code stepwise test} reads and writes of the rows of a table: a digest of its values that
 * tells whether they survived a migration's up and down, its size, and rows generated from the
 * column types.
 */
public interface TableContents {

    /**
     * The values of one column, as an order-independent digest (so a table rewritten in another
     * physical order digests the same).
     *
     * @param values the number of rows where it is not null
     * @param hash   a sum of the hashes of its values' text, equal for equal multisets of values
     */
    record ColumnDigest(long values, String hash) {
    }

    /** A table's row count and a digest of each column's values. */
    record Digest(long rows, Map<String, ColumnDigest> columns) {

        public Digest {
            columns = Map.copyOf(columns);
        }
    }

    /** Reads the digest of the given columns of a table, in one scan. */
    Digest digest(Connection connection, ObjectName table, List<String> columns) throws SQLException;

    /** The table's size on disk in bytes (its heap, without indexes). */
    long bytes(Connection connection, ObjectName table) throws SQLException;

    /**
     * The SQL expression of a generated value of the column's type for row number {@code rowNumber}
     * (an SQL expression of a positive {@code bigint}), different for each row where the type allows,
     * and the same for the same row and seed; empty for a type it cannot make values of.
     */
    Optional<String> value(Column column, String rowNumber, long seed);

    /** The SQL expression of one of the labels of enum type {@code type} for row number {@code rowNumber}, in turn. */
    String enumValue(String type, String rowNumber);

    /**
     * A column filled from the rows of a referenced table, by a foreign key.
     *
     * @param columns           the referencing columns
     * @param referenced        the referenced table
     * @param referencedColumns its columns, in the same order
     * @param referencedRows    how many rows it has (more than zero)
     */
    record Reference(List<String> columns, ObjectName referenced, List<String> referencedColumns,
                     long referencedRows) {

        public Reference {
            columns = List.copyOf(columns);
            referencedColumns = List.copyOf(referencedColumns);
        }
    }

    /**
     * Rows to insert into a table: each listed column gets its value expression (over the row
     * number {@code rowNumber} names) or a row of a referenced table; the others their default.
     */
    record GeneratedRows(ObjectName table, long rows, String rowNumber, Map<String, String> values,
                         List<Reference> references) {

        public GeneratedRows {
            values = Map.copyOf(values);
            references = List.copyOf(references);
        }
    }

    /**
     * Whether an error says that something the statement names (a table, column, type or function)
     * does not exist: for a seed statement, that the migrations have not made it yet.
     */
    boolean namesMissingObject(SQLException error);

    /** The name the row number goes by in {@link #insert}'s statement, for {@link #value}'s expressions. */
    String rowNumber();

    /** The one statement that inserts the generated rows. */
    String insert(GeneratedRows rows);

    /** Refreshes the planner's statistics of a table just filled, so lint judges it by its real size. */
    String analyze(ObjectName table);
}
