package dev.stepwise.it.expand;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Random;
import java.util.UUID;

/**
 * How one application version writes and reads an order, always naming its columns: the table,
 * the amount column (dollars or cents), an optional tag column, and an optional row it also
 * writes to another table (an audit log).
 */
final class Shape {

    enum Amount { DOLLARS, CENTS }

    enum Tag { NOTE, STATUS, UUID }

    private final String table;
    private final String amountColumn;
    private final Amount amount;
    private String tagColumn;
    private Tag tag;
    private boolean readsTag;
    private String sideInsert;

    private Shape(String table, String amountColumn, Amount amount) {
        this.table = table;
        this.amountColumn = amountColumn;
        this.amount = amount;
    }

    static Shape of(String table, String amountColumn, Amount amount) {
        return new Shape(table, amountColumn, amount);
    }

    /** Writes a tag column too, and checks it on read when {@code reads} is set. */
    Shape tag(String column, Tag kind, boolean reads) {
        this.tagColumn = column;
        this.tag = kind;
        this.readsTag = reads;
        return this;
    }

    /** Each insert also inserts a row into another table: {@code sql} takes the order's id. */
    Shape alsoInserts(String sql) {
        this.sideInsert = sql;
        return this;
    }

    String table() {
        return table;
    }

    String amountColumn() {
        return amountColumn;
    }

    /** What this version reads back of a value it (or the other version) wrote. */
    Value project(Value v) {
        return new Value(v.amount(), readsTag ? v.tag() : null);
    }

    Value next(Random random) {
        BigDecimal a = amount == Amount.CENTS ? BigDecimal.valueOf(random.nextInt(10_000_000))
                // one value in four ends in 5 at the third decimal: it does not survive cents and back
                : BigDecimal.valueOf(random.nextInt(10_000_000), 2).add(random.nextInt(4) == 0
                ? new BigDecimal("0.005") : BigDecimal.ZERO);
        String t = null;
        if (tag == Tag.NOTE) {
            t = "note " + random.nextInt(1000);
        } else if (tag == Tag.STATUS) {
            t = random.nextBoolean() ? "paid" : "shipped";
        } else if (tag == Tag.UUID) {
            t = new UUID(random.nextLong(), random.nextLong()).toString();
        }
        return new Value(a, t);
    }

    void insert(Connection c, long id, Value v) throws SQLException {
        String columns = "id, customer, " + amountColumn + (tagColumn == null ? "" : ", " + tagColumn);
        String values = "?, ?, ?" + (tagColumn == null ? "" : tag == Tag.UUID ? ", ?::uuid" : ", ?");
        try (PreparedStatement s = c.prepareStatement("INSERT INTO " + table + " (" + columns + ") VALUES ("
                + values + ")")) {
            s.setLong(1, id);
            s.setString(2, "customer " + id);
            s.setBigDecimal(3, v.amount());
            if (tagColumn != null) {
                s.setString(4, v.tag());
            }
            s.executeUpdate();
        }
        if (sideInsert != null) {
            try (PreparedStatement s = c.prepareStatement(sideInsert)) {
                s.setLong(1, id);
                s.executeUpdate();
            }
        }
    }

    void update(Connection c, long id, Value v) throws SQLException {
        String set = amountColumn + " = ?" + (tagColumn == null ? "" : ", " + tagColumn
                + (tag == Tag.UUID ? " = ?::uuid" : " = ?"));
        try (PreparedStatement s = c.prepareStatement("UPDATE " + table + " SET " + set + " WHERE id = ?")) {
            s.setBigDecimal(1, v.amount());
            int i = 2;
            if (tagColumn != null) {
                s.setString(i++, v.tag());
            }
            s.setLong(i, id);
            if (s.executeUpdate() != 1) {
                throw new SQLException("UPDATE " + table + " found no row " + id);
            }
        }
    }

    /** The row as this version sees it, or null when there is none. */
    Value read(Connection c, long id) throws SQLException {
        String columns = amountColumn + (readsTag ? ", " + tagColumn + "::text" : "");
        try (PreparedStatement s = c.prepareStatement("SELECT " + columns + " FROM " + table + " WHERE id = ?")) {
            s.setLong(1, id);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                return new Value(rs.getBigDecimal(1), readsTag ? rs.getString(2) : null);
            }
        }
    }

    @Override
    public String toString() {
        return table + "." + amountColumn + (tagColumn == null ? "" : "+" + tagColumn);
    }
}
