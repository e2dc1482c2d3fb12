package dev.stepwise.stairway;

import dev.stepwise.dialect.TableContents;
import dev.stepwise.run.DatabaseException;
import dev.stepwise.schema.Column;
import dev.stepwise.schema.ObjectName;
import dev.stepwise.schema.SchemaModel;
import dev.stepwise.schema.Table;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The rows of every table at one moment of the walk, as a row count and a digest of each
 * column's values: what data survival compares across a step's down and second up. Partitions
 * are read through their partitioned table.
 */
public record DataSnapshot(Map<ObjectName, TableContents.Digest> tables) {

    public DataSnapshot {
        tables = Map.copyOf(tables);
    }

    public static DataSnapshot read(TableContents contents, Connection connection, SchemaModel schema) {
        Map<ObjectName, TableContents.Digest> tables = new LinkedHashMap<>();
        for (Table t : schema.tables()) {
            if (t.partitioning().parent() != null) {
                continue;
            }
            List<String> columns = t.columns().stream().map(Column::name).toList();
            try {
                tables.put(t.name(), contents.digest(connection, t.name(), columns));
            } catch (SQLException e) {
                throw new DatabaseException("reading the rows of " + t.name(), e);
            }
        }
        return new DataSnapshot(tables);
    }

    /** The rows of a table, 0 when it is not in the snapshot. */
    public long rows(ObjectName table) {
        TableContents.Digest d = tables.get(table);
        return d == null ? 0 : d.rows();
    }

    /**
     * What the later snapshot lost of this one, on the tables and columns of {@code existing}
     * (the schema before the up: only what was there before the up must survive) that both hold.
     *
     * @param before how this moment reads in a sentence ({@code before the upgrade})
     * @param after  how the later one does ({@code after the downgrade})
     */
    public List<DataLoss> lostBy(DataSnapshot later, SchemaModel existing, String before, String after) {
        List<DataLoss> losses = new ArrayList<>();
        for (Table t : existing.tables()) {
            TableContents.Digest was = tables.get(t.name());
            TableContents.Digest is = later.tables.get(t.name());
            if (was == null || is == null || was.rows() == 0) {
                continue;
            }
            String table = t.name().toString();
            if (is.rows() != was.rows()) {
                losses.add(new DataLoss(table, null, table + ": " + count(was.rows()) + " rows " + before + ", "
                        + count(is.rows()) + " " + after));
                continue;
            }
            for (Column c : t.columns()) {
                TableContents.ColumnDigest v = was.columns().get(c.name());
                TableContents.ColumnDigest w = is.columns().get(c.name());
                if (v == null || w == null || v.equals(w)) {
                    continue;
                }
                String column = table + "." + c.name();
                losses.add(new DataLoss(table, c.name(), v.values() != w.values()
                        ? column + ": " + count(v.values()) + " values " + before + ", " + count(w.values()) + " " + after
                        : column + ": the values " + after + " differ from those " + before));
            }
        }
        return losses;
    }

    private static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }
}
