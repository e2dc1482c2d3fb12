package dev.stepwise.autogen;

import dev.stepwise.StepwiseException;
import dev.stepwise.schema.ObjectName;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code --default} values of {@code revision --autogenerate}: the one-off value that existing
 * rows get when {@code schema/} adds a required column without a default (as Django asks for one).
 * {@code --default EXPR} serves every such column; {@code --default TABLE.COL=EXPR} (or
 * {@code SCHEMA.TABLE.COL=EXPR}, unquoted names) one column, and wins over the plain form.
 */
public final class OneOffDefaults {

    private static final Pattern FOR_COLUMN = Pattern.compile(
            "^\\s*((?:[A-Za-z_][A-Za-z0-9_$]*\\.){1,2}[A-Za-z_][A-Za-z0-9_$]*)\\s*=(?!=)(.*)$", Pattern.DOTALL);

    private final String everyColumn;
    private final Map<String, String> byColumn;

    private OneOffDefaults(String everyColumn, Map<String, String> byColumn) {
        this.everyColumn = everyColumn;
        this.byColumn = byColumn;
    }

    public static OneOffDefaults none() {
        return new OneOffDefaults(null, Map.of());
    }

    /** @throws StepwiseException (bad input) for an empty value or two plain ones */
    public static OneOffDefaults parse(List<String> values) {
        String every = null;
        Map<String, String> byColumn = new LinkedHashMap<>();
        for (String value : values) {
            Matcher m = FOR_COLUMN.matcher(value);
            if (m.matches() && !m.group(2).isBlank()) {
                byColumn.put(m.group(1).toLowerCase(Locale.ROOT), m.group(2).strip());
                continue;
            }
            if (value.isBlank()) {
                throw new StepwiseException(StepwiseException.Category.BAD_INPUT, "--default needs a value: an SQL"
                        + " expression such as 'new' or 0, or TABLE.COL=EXPR for one column");
            }
            if (every != null) {
                throw new StepwiseException(StepwiseException.Category.BAD_INPUT, "--default is given twice without"
                        + " a column (" + every + " and " + value.strip() + "): name the column, TABLE.COL=EXPR");
            }
            every = value.strip();
        }
        return new OneOffDefaults(every, byColumn);
    }

    /** The value for a column, or null when none was given. */
    public String forColumn(ObjectName table, String column) {
        String full = (table + "." + column).toLowerCase(Locale.ROOT);
        String unqualified = (table.name() + "." + column).toLowerCase(Locale.ROOT);
        String v = byColumn.get(full);
        if (v == null) {
            v = byColumn.get(unqualified);
        }
        return v != null ? v : everyColumn;
    }

    /**
     * The column-specific values that name none of the given columns ({@code schema.table.col}),
     * for a clear refusal: a typo must not leave a column without its value.
     */
    public List<String> unusedColumns(List<String> columns) {
        List<String> known = columns.stream().map(c -> c.toLowerCase(Locale.ROOT)).toList();
        List<String> unused = new ArrayList<>();
        for (String key : byColumn.keySet()) {
            if (known.stream().noneMatch(k -> k.equals(key) || k.endsWith("." + key))) {
                unused.add(key);
            }
        }
        return unused;
    }
}
