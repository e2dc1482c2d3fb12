package dev.stepwise.postgres.stairway;

import dev.stepwise.dialect.TableContents;
import dev.stepwise.postgres.statement.PostgresIdentifiers;
import dev.stepwise.schema.Column;
import dev.stepwise.schema.ObjectName;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Row digests, sizes and generated rows on PostgreSQL. A column's digest is the sum of
 * {@code hashtextextended} over its values' text, which depends neither on the physical order of
 * the rows nor on a primary key; generated rows come from one {@code INSERT ... SELECT} over
 * {@code generate_series}, joined to the referenced tables' rows for foreign keys.
 */
public final class PostgresTableContents implements TableContents {

    private static final String ROW = "g.i";

    @Override
    public Digest digest(Connection connection, ObjectName table, List<String> columns) throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT count(*)");
        for (String c : columns) {
            String q = PostgresIdentifiers.quote(c);
            sql.append(", count(").append(q).append("), coalesce(sum(hashtextextended(").append(q)
                    .append("::text, 0)), 0)::text");
        }
        sql.append(" FROM ").append(qualified(table));
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(sql.toString())) {
            rs.next();
            Map<String, ColumnDigest> digests = new LinkedHashMap<>();
            for (int i = 0; i < columns.size(); i++) {
                digests.put(columns.get(i), new ColumnDigest(rs.getLong(2 + 2 * i), rs.getString(3 + 2 * i)));
            }
            return new Digest(rs.getLong(1), digests);
        }
    }

    @Override
    public long bytes(Connection connection, ObjectName table) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement("SELECT pg_catalog.pg_table_size(?::regclass)")) {
            s.setString(1, qualified(table));
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    @Override
    public boolean namesMissingObject(SQLException error) {
        // undefined_table, undefined_column, undefined_object (a type), undefined_function
        return java.util.Set.of("42P01", "42703", "42704", "42883").contains(error.getSQLState());
    }

    @Override
    public String rowNumber() {
        return ROW;
    }

    @Override
    public Optional<String> value(Column column, String rowNumber, long seed) {
        String type = column.type();
        if (type.endsWith("[]")) {
            Column element = new Column(column.name(), type.substring(0, type.length() - 2), null,
                    column.nullability(), null, Column.Identity.NONE, null);
            return value(element, rowNumber, seed).map(e -> "ARRAY[" + e + "]::" + type);
        }
        String i = "(" + rowNumber + ")";
        String hash = "md5('" + seed + ":' || " + i + ")";
        String base = type.contains("(") ? type.substring(0, type.indexOf('(')) : type;
        String modifier = type.contains("(") ? type.substring(type.indexOf('(') + 1, type.indexOf(')')) : "";
        switch (base) {
            case "smallint":
                return Optional.of("(" + i + " % 32767)::smallint");
            case "integer":
                return Optional.of(i + "::integer");
            case "bigint":
                return Optional.of(i + "::bigint");
            case "numeric":
                return Optional.of(numeric(i, modifier, seed) + "::" + type);
            case "real":
            case "double precision":
                return Optional.of("(" + i + " / 4.0 + " + (seed % 100) + ")::" + type);
            case "text":
            case "character varying":
            case "character":
            case "citext":
                String text = "'v' || " + i + " || '_' || " + hash;
                return Optional.of((modifier.isEmpty() ? "(" + text + ")" : "left(" + text + ", " + modifier + ")")
                        + "::" + type);
            case "boolean":
                return Optional.of("(" + i + " % 2 = 0)");
            case "date":
                return Optional.of("(date '2000-01-01' + (" + i + " % 3650)::integer)");
            case "timestamp without time zone":
            case "timestamp with time zone":
                return Optional.of("(timestamptz '2020-01-01 00:00:00+00' + " + i + " * interval '1 second')::" + type);
            case "time without time zone":
            case "time with time zone":
                return Optional.of("(time '00:00' + (" + i + " % 86400) * interval '1 second')::" + type);
            case "interval":
                return Optional.of("(" + i + " * interval '1 second')");
            case "uuid":
                return Optional.of(hash + "::uuid");
            case "json":
            case "jsonb":
                return Optional.of("json_build_object('n', " + i + ", 'h', " + hash + ")::" + type);
            case "bytea":
                return Optional.of("decode(" + hash + ", 'hex')");
            case "inet":
            case "cidr":
                return Optional.of("('10.0.0.0'::inet + " + i + ")::" + type);
            default:
                return Optional.empty();
        }
    }

    /** A number that fits {@code numeric(p,s)}: the row number modulo what the integer digits hold, plus a fraction. */
    private static String numeric(String i, String modifier, long seed) {
        String fraction = "((" + i + " * 7 + " + (seed % 100) + ") % 100) / 100.0";
        if (modifier.isEmpty()) {
            return "(" + i + " + " + fraction + ")";
        }
        String[] ps = modifier.split(",");
        int precision = Integer.parseInt(ps[0].trim());
        int scale = ps.length > 1 ? Integer.parseInt(ps[1].trim()) : 0;
        int digits = Math.min(precision - scale, 15);
        if (digits <= 0) {
            return "(" + fraction + " / 10)";
        }
        return "((" + i + " % " + (long) Math.pow(10, digits) + ") + " + (scale == 0 ? "0" : fraction) + ")";
    }

    @Override
    public String enumValue(String type, String rowNumber) {
        String range = "enum_range(NULL::" + type + ")";
        return range + "[1 + ((" + rowNumber + ") % cardinality(" + range + "))]";
    }

    @Override
    public String insert(GeneratedRows rows) {
        List<String> columns = new ArrayList<>();
        List<String> values = new ArrayList<>();
        rows.values().forEach((column, expression) -> {
            columns.add(PostgresIdentifiers.quote(column));
            values.add(expression);
        });
        StringBuilder from = new StringBuilder(" FROM generate_series(1, " + rows.rows() + ") AS g(i)");
        int n = 0;
        for (Reference r : rows.references()) {
            String alias = "r" + n++;
            List<String> picked = new ArrayList<>();
            for (int k = 0; k < r.columns().size(); k++) {
                columns.add(PostgresIdentifiers.quote(r.columns().get(k)));
                values.add(alias + "." + PostgresIdentifiers.quote(r.referencedColumns().get(k)));
                picked.add(PostgresIdentifiers.quote(r.referencedColumns().get(k)));
            }
            // the referenced rows numbered from 0, each generated row taking the next in turn
            from.append(" JOIN (SELECT ").append(String.join(", ", picked))
                    .append(", row_number() OVER (ORDER BY ").append(String.join(", ", picked))
                    .append(") - 1 AS k FROM ").append(qualified(r.referenced())).append(") AS ").append(alias)
                    .append(" ON ").append(alias).append(".k = (g.i - 1) % ").append(r.referencedRows());
        }
        if (columns.isEmpty()) {
            // every column has its default: a select of no columns gives each row nothing but them
            return "INSERT INTO " + qualified(rows.table()) + " SELECT" + from;
        }
        return "INSERT INTO " + qualified(rows.table()) + " (" + String.join(", ", columns) + ")"
                + " SELECT " + String.join(", ", values) + from;
    }

    @Override
    public String analyze(ObjectName table) {
        return "ANALYZE " + qualified(table);
    }

    private static String qualified(ObjectName name) {
        return PostgresIdentifiers.quote(name.schema()) + "." + PostgresIdentifiers.quote(name.name());
    }
}
