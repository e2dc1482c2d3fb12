package dev.stepwise.bench.diff;

import dev.stepwise.schema.SchemaModel;
import dev.stepwise.schema.Table;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Where two schema models differ, named object by object, for the correctness check: "equal or
 * not" alone would not say what the diff got wrong.
 */
final class ModelComparison {

    private ModelComparison() {
    }

    /** One line per differing object, empty when the models are equal. */
    static List<String> differences(SchemaModel expected, SchemaModel actual) {
        List<String> found = new ArrayList<>();
        Map<String, Function<SchemaModel, List<?>>> kinds = new LinkedHashMap<>();
        kinds.put("schemas", SchemaModel::schemas);
        kinds.put("extensions", SchemaModel::extensions);
        kinds.put("enum types", SchemaModel::enums);
        kinds.put("domains", SchemaModel::domains);
        kinds.put("sequences", SchemaModel::sequences);
        kinds.put("views", SchemaModel::views);
        kinds.put("routines", SchemaModel::routines);
        kinds.put("triggers", SchemaModel::triggers);
        kinds.put("comments", SchemaModel::comments);
        kinds.put("unmodelled objects", SchemaModel::unmodelled);
        kinds.forEach((kind, list) -> {
            if (!list.apply(expected).equals(list.apply(actual))) {
                found.add(kind + " differ: expected " + list.apply(expected) + ", got " + list.apply(actual));
            }
        });
        Map<Object, Table> want = new LinkedHashMap<>();
        expected.tables().forEach(t -> want.put(t.name(), t));
        Map<Object, Table> got = new LinkedHashMap<>();
        actual.tables().forEach(t -> got.put(t.name(), t));
        want.forEach((name, t) -> {
            Table g = got.get(name);
            if (g == null) {
                found.add("table " + name + " is missing");
            } else if (!t.equals(g)) {
                found.add("table " + name + ": " + tableDifference(t, g));
            }
        });
        got.keySet().stream().filter(name -> !want.containsKey(name)).forEach(name -> found.add("table " + name
                + " should not be there"));
        return found;
    }

    private static String tableDifference(Table expected, Table actual) {
        List<String> parts = new ArrayList<>();
        part(parts, "columns", expected.columns(), actual.columns());
        part(parts, "constraints", expected.constraints(), actual.constraints());
        part(parts, "indexes", expected.indexes(), actual.indexes());
        part(parts, "partitioning", expected.partitioning(), actual.partitioning());
        return String.join("; ", parts);
    }

    private static void part(List<String> parts, String what, Object expected, Object actual) {
        if (!Objects.equals(expected, actual)) {
            parts.add(what + " expected " + expected + ", got " + actual);
        }
    }
}
