package dev.stepwise.postgres.diff;

import dev.stepwise.schema.Comment;
import dev.stepwise.schema.ObjectName;
import dev.stepwise.schema.Routine;
import dev.stepwise.schema.SchemaModel;
import dev.stepwise.schema.Trigger;
import dev.stepwise.schema.Unmodelled;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What tells two schema models apart, one line per differing field, object by object
 * ({@code tables[public.orders].columns[total].type: wanted numeric(14,4), found numeric(12,2)}),
 * so a failed round trip says what went wrong instead of printing two models whole.
 */
final class ModelDifference {

    private static final int SHOWN = 300;

    private ModelDifference() {
    }

    /** The differences, empty when the models are equal. */
    static List<String> between(SchemaModel wanted, SchemaModel found) {
        List<String> lines = new ArrayList<>();
        compare("", wanted, found, lines);
        return lines;
    }

    private static void compare(String path, Object wanted, Object found, List<String> lines) {
        if (Objects.equals(wanted, found)) {
            return;
        }
        if (wanted instanceof List<?> w && found instanceof List<?> f) {
            compareLists(path, w, f, lines);
        } else if (wanted instanceof Record && found != null && wanted.getClass() == found.getClass()
                && !(wanted instanceof ObjectName)) {
            for (RecordComponent component : wanted.getClass().getRecordComponents()) {
                compare(path + (path.isEmpty() ? "" : ".") + component.getName(), value(component, wanted),
                        value(component, found), lines);
            }
        } else {
            lines.add(path + ": wanted " + show(wanted) + ", found " + show(found));
        }
    }

    private static void compareLists(String path, List<?> wanted, List<?> found, List<String> lines) {
        Map<String, Object> w = keyed(wanted);
        Map<String, Object> f = keyed(found);
        int before = lines.size();
        w.forEach((key, item) -> {
            if (!f.containsKey(key)) {
                lines.add(path + ": missing " + show(item));
            }
        });
        f.forEach((key, item) -> {
            if (!w.containsKey(key)) {
                lines.add(path + ": unexpected " + show(item));
            }
        });
        w.forEach((key, item) -> {
            if (f.containsKey(key)) {
                compare(path + "[" + key + "]", item, f.get(key), lines);
            }
        });
        if (lines.size() == before) {
            lines.add(path + ": in another order, wanted " + w.keySet() + ", found " + f.keySet());
        }
    }

    /** A list's items by what identifies them: their name, a routine's signature, a trigger's table and name. */
    private static Map<String, Object> keyed(List<?> items) {
        Map<String, Object> byKey = new LinkedHashMap<>();
        for (Object item : items) {
            String key = key(item);
            while (byKey.containsKey(key)) {
                key = key + "'";
            }
            byKey.put(key, item);
        }
        return byKey;
    }

    private static String key(Object item) {
        if (item instanceof Routine r) {
            return r.signature();
        }
        if (item instanceof Trigger t) {
            return t.table() + "." + t.name();
        }
        if (item instanceof Comment c) {
            return c.objectKind() + " " + c.identity();
        }
        if (item instanceof Unmodelled u) {
            return u.kind() + " " + u.identity();
        }
        if (item instanceof Record) {
            for (RecordComponent component : item.getClass().getRecordComponents()) {
                if (component.getName().equals("name")) {
                    return String.valueOf(value(component, item));
                }
            }
        }
        return String.valueOf(item);
    }

    private static Object value(RecordComponent component, Object record) {
        try {
            return component.getAccessor().invoke(record);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read " + component.getName() + " of " + record.getClass(), e);
        }
    }

    private static String show(Object value) {
        String text = value instanceof String ? "'" + value + "'" : String.valueOf(value);
        return text.length() <= SHOWN ? text : text.substring(0, SHOWN) + "...";
    }
}
