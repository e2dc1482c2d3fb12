package dev.stepwise.postgres.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A column type as PostgreSQL would name it ({@code format_type}'s spelling): aliases resolved
 * ({@code int} is {@code integer}, {@code varchar} is {@code character varying}), modifiers and
 * array dimensions apart, so two spellings of one type compare equal.
 *
 * @param name      the canonical base name, e.g. {@code character varying}, {@code numeric},
 *                  {@code timestamp with time zone}, or a user type's name as written
 * @param modifiers the type modifiers, e.g. {@code [255]} or {@code [10, 2]}; empty when none
 * @param arrayDims how many {@code []} follow it
 */
public record PgType(String name, List<Integer> modifiers, int arrayDims) {

    private static final Map<String, String> ALIASES = Map.ofEntries(
            Map.entry("int", "integer"), Map.entry("int4", "integer"), Map.entry("integer", "integer"),
            Map.entry("int8", "bigint"), Map.entry("bigint", "bigint"),
            Map.entry("int2", "smallint"), Map.entry("smallint", "smallint"),
            Map.entry("serial4", "serial"), Map.entry("serial", "serial"),
            Map.entry("serial8", "bigserial"), Map.entry("bigserial", "bigserial"),
            Map.entry("serial2", "smallserial"), Map.entry("smallserial", "smallserial"),
            Map.entry("varchar", "character varying"), Map.entry("character varying", "character varying"),
            Map.entry("char", "character"), Map.entry("character", "character"), Map.entry("bpchar", "character"),
            Map.entry("bool", "boolean"), Map.entry("boolean", "boolean"),
            Map.entry("float4", "real"), Map.entry("real", "real"),
            Map.entry("float8", "double precision"), Map.entry("double precision", "double precision"),
            Map.entry("decimal", "numeric"), Map.entry("numeric", "numeric"),
            Map.entry("timestamp", "timestamp without time zone"),
            Map.entry("timestamp without time zone", "timestamp without time zone"),
            Map.entry("timestamptz", "timestamp with time zone"),
            Map.entry("timestamp with time zone", "timestamp with time zone"),
            Map.entry("time", "time without time zone"), Map.entry("time without time zone", "time without time zone"),
            Map.entry("timetz", "time with time zone"), Map.entry("time with time zone", "time with time zone"),
            Map.entry("varbit", "bit varying"), Map.entry("bit varying", "bit varying"));

    public PgType {
        modifiers = List.copyOf(modifiers);
    }

    /** A type written in SQL, from its tokens (e.g. {@code character varying ( 255 )}, {@code int [ ]}). */
    public static PgType parse(List<String> tokens) {
        List<String> words = new ArrayList<>();
        List<Integer> modifiers = new ArrayList<>();
        int dims = 0;
        int i = 0;
        while (i < tokens.size()) {
            String t = tokens.get(i);
            if (t.equals("(")) {
                int close = tokens.indexOf(")") < 0 ? tokens.size() : indexOfClose(tokens, i);
                for (String m : tokens.subList(i + 1, close)) {
                    if (!m.equals(",")) {
                        try {
                            modifiers.add(Integer.parseInt(m));
                        } catch (NumberFormatException e) {
                            // a non-numeric modifier (an interval's fields): not compared
                        }
                    }
                }
                i = close + 1;
            } else if (t.equals("[")) {
                dims++;
                while (i < tokens.size() && !tokens.get(i).equals("]")) {
                    i++;
                }
                i++;
            } else if (t.equalsIgnoreCase("ARRAY")) {
                dims = Math.max(dims, 1);
                i++;
            } else {
                words.add(t.startsWith("\"") ? t : t.toLowerCase(Locale.ROOT));
                i++;
            }
        }
        String name = String.join(" ", words).replace(" . ", ".");
        return new PgType(ALIASES.getOrDefault(name, name), modifiers, dims);
    }

    /** A type as {@code format_type} writes it, e.g. {@code character varying(255)}, {@code integer[]}. */
    public static PgType ofFormatted(String formatted) {
        List<String> tokens = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        for (char c : formatted.toCharArray()) {
            if (c == '(' || c == ')' || c == ',' || c == '[' || c == ']' || c == ' ') {
                if (word.length() > 0) {
                    tokens.add(word.toString());
                    word.setLength(0);
                }
                if (c != ' ') {
                    tokens.add(String.valueOf(c));
                }
            } else {
                word.append(c);
            }
        }
        if (word.length() > 0) {
            tokens.add(word.toString());
        }
        return parse(tokens);
    }

    private static int indexOfClose(List<String> tokens, int open) {
        int depth = 0;
        for (int i = open; i < tokens.size(); i++) {
            if (tokens.get(i).equals("(")) {
                depth++;
            } else if (tokens.get(i).equals(")") && --depth == 0) {
                return i;
            }
        }
        return tokens.size();
    }

    /** A serial pseudo-type: a column of an integer type with a sequence default. */
    public boolean isSerial() {
        return name.equals("serial") || name.equals("bigserial") || name.equals("smallserial");
    }

    /** The type's length or precision limit, or -1 when unbounded. */
    public int firstModifier() {
        return modifiers.isEmpty() ? -1 : modifiers.get(0);
    }

    @Override
    public String toString() {
        String mods = modifiers.isEmpty() ? "" : "(" + String.join(",", modifiers.stream().map(String::valueOf).toList()) + ")";
        String base = name;
        // PostgreSQL writes a timestamp's precision after the word: timestamp(3) with time zone
        if (!mods.isEmpty() && (name.startsWith("timestamp ") || name.startsWith("time "))) {
            int space = name.indexOf(' ');
            base = name.substring(0, space) + mods + name.substring(space);
            mods = "";
        }
        return base + mods + "[]".repeat(arrayDims);
    }
}
