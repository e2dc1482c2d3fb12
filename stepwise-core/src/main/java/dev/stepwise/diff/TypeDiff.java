package dev.stepwise.diff;

import dev.stepwise.schema.ColumnRef;
import dev.stepwise.schema.Column;
import dev.stepwise.schema.Domain;
import dev.stepwise.schema.EnumType;
import dev.stepwise.schema.Extension;
import dev.stepwise.schema.ObjectName;
import dev.stepwise.schema.SchemaModel;
import dev.stepwise.schema.Sequence;
import dev.stepwise.schema.Table;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** The part of a diff about extensions, enum types, domains and sequences. */
final class TypeDiff {

    private TypeDiff() {
    }

    static void plan(SchemaModel from, SchemaModel to, Plan plan) {
        extensions(from, to, plan);
        enums(from, to, plan);
        domains(from, to, plan);
        sequences(from, to, plan);
    }

    private static void extensions(SchemaModel from, SchemaModel to, Plan plan) {
        Map<String, Extension> before = SchemaDiff.byName(from.extensions(), Extension::name);
        Map<String, Extension> after = SchemaDiff.byName(to.extensions(), Extension::name);
        before.forEach((name, e) -> {
            if (!after.containsKey(name)) {
                plan.add(Plan.Phase.DROP_EXTENSIONS, new DropExtension(e));
            }
        });
        after.forEach((name, e) -> {
            Extension was = before.get(name);
            if (was == null) {
                plan.add(Plan.Phase.CREATE_EXTENSIONS, new CreateExtension(e));
                return;
            }
            if (!was.version().equals(e.version())) {
                plan.add(Plan.Phase.CREATE_EXTENSIONS, new UpdateExtension(name, e.version()));
            }
            if (!was.schema().equals(e.schema())) {
                plan.notes.add("extension " + name + " is in schema " + was.schema() + " here and " + e.schema()
                        + " in the wanted schema; the diff does not move extensions (ALTER EXTENSION ... SET SCHEMA)");
            }
        });
    }

    private static void enums(SchemaModel from, SchemaModel to, Plan plan) {
        Map<ObjectName, EnumType> before = SchemaDiff.byName(from.enums(), EnumType::name);
        Map<ObjectName, EnumType> after = SchemaDiff.byName(to.enums(), EnumType::name);
        before.forEach((name, e) -> {
            if (!after.containsKey(name)) {
                plan.add(Plan.Phase.DROP_ENUMS, new DropEnum(e));
            }
        });
        after.forEach((name, e) -> {
            EnumType was = before.get(name);
            if (was == null) {
                plan.add(Plan.Phase.CREATE_TYPES, new CreateEnum(e));
            } else if (!was.labels().equals(e.labels())) {
                if (isSubsequence(was.labels(), e.labels())) {
                    plan.add(Plan.Phase.CREATE_TYPES, new AddEnumValues(was, e));
                } else {
                    List<TypedColumn> uses = columnsOfType(to, name);
                    uses.forEach(u -> plan.reshapedTables.add(u.table()));
                    plan.recreated.add(name);
                    plan.add(Plan.Phase.COLUMNS, new RecreateEnum(was, e, uses));
                    if (to.domains().stream().anyMatch(d -> namesType(d.baseType(), name))) {
                        plan.notes.add("enum " + name + " loses or reorders labels, so it is made again, and a domain"
                                + " over it cannot follow: drop the domain first");
                    }
                }
            }
        });
    }

    /** Whether every label of {@code kept} is in {@code all}, in the same order: then labels are only added. */
    private static boolean isSubsequence(List<String> kept, List<String> all) {
        int i = 0;
        for (String label : all) {
            if (i < kept.size() && kept.get(i).equals(label)) {
                i++;
            }
        }
        return i == kept.size();
    }

    private static void domains(SchemaModel from, SchemaModel to, Plan plan) {
        Map<ObjectName, Domain> before = SchemaDiff.byName(from.domains(), Domain::name);
        Map<ObjectName, Domain> after = SchemaDiff.byName(to.domains(), Domain::name);
        before.forEach((name, d) -> {
            if (!after.containsKey(name)) {
                plan.add(Plan.Phase.DROP_DOMAINS, new DropDomain(d));
            }
        });
        after.forEach((name, d) -> {
            Domain was = before.get(name);
            if (was == null) {
                plan.add(Plan.Phase.CREATE_TYPES, new CreateDomain(d));
            } else if (!was.baseType().equals(d.baseType()) || !Objects.equals(was.collation(), d.collation())) {
                List<TypedColumn> uses = columnsOfType(to, name);
                uses.forEach(u -> plan.reshapedTables.add(u.table()));
                plan.recreated.add(name);
                plan.add(Plan.Phase.COLUMNS, new RecreateDomain(was, d, uses));
            } else if (!was.equals(d)) {
                plan.add(Plan.Phase.CREATE_TYPES, new AlterDomain(was, d));
            }
        });
    }

    private static void sequences(SchemaModel from, SchemaModel to, Plan plan) {
        Map<ObjectName, Sequence> before = SchemaDiff.byName(from.sequences(), Sequence::name);
        Map<ObjectName, Sequence> after = SchemaDiff.byName(to.sequences(), Sequence::name);
        before.forEach((name, s) -> {
            if (!after.containsKey(name) && !goesWithItsOwner(s.ownedBy(), from, to)) {
                plan.add(Plan.Phase.DROP_SEQUENCES, new DropSequence(s));
            }
        });
        after.forEach((name, s) -> {
            Sequence was = before.get(name);
            if (was == null) {
                plan.add(Plan.Phase.CREATE_SEQUENCES, new CreateSequence(s));
                if (s.ownedBy() != null) {
                    plan.add(Plan.Phase.OWN_SEQUENCES, new SetSequenceOwner(name, s.ownedBy()));
                }
                return;
            }
            if (!sameOptions(was, s)) {
                plan.add(Plan.Phase.CREATE_SEQUENCES, new AlterSequence(was, s));
            }
            if (!Objects.equals(was.ownedBy(), s.ownedBy())) {
                // a sequence would go with the column or table it belongs to, so it is let go of first
                if (was.ownedBy() != null && (s.ownedBy() == null || goesWithItsOwner(was.ownedBy(), from, to))) {
                    plan.add(Plan.Phase.DISOWN_SEQUENCES, new SetSequenceOwner(name, null));
                }
                if (s.ownedBy() != null) {
                    plan.add(Plan.Phase.OWN_SEQUENCES, new SetSequenceOwner(name, s.ownedBy()));
                }
            }
        });
    }

    private static boolean sameOptions(Sequence a, Sequence b) {
        return a.dataType().equals(b.dataType()) && a.start() == b.start() && a.increment() == b.increment()
                && a.min() == b.min() && a.max() == b.max() && a.cache() == b.cache() && a.cycle() == b.cycle();
    }

    /**
     * Whether the column a sequence belongs to is dropped by the diff, taking the sequence with it:
     * it is gone from the wanted model, or it is dropped and added again as a generated column.
     */
    private static boolean goesWithItsOwner(ColumnRef owner, SchemaModel from, SchemaModel to) {
        if (owner == null) {
            return false;
        }
        java.util.Optional<Column> was = from.table(owner.table()).flatMap(t -> t.column(owner.column()));
        java.util.Optional<Column> wanted = to.table(owner.table()).flatMap(t -> t.column(owner.column()));
        return wanted.isEmpty() || was.isPresent() && !Objects.equals(was.get().generated(), wanted.get().generated());
    }

    /** The columns of the wanted model whose type is the given one, or an array of it. */
    static List<TypedColumn> columnsOfType(SchemaModel model, ObjectName type) {
        List<TypedColumn> uses = new ArrayList<>();
        for (Table t : model.tables()) {
            if (t.partitioning().parent() != null) {
                continue; // a partition's columns follow its parent's
            }
            for (Column c : t.columns()) {
                if (namesType(c.type(), type)) {
                    uses.add(new TypedColumn(t.name(), c));
                }
            }
        }
        return uses;
    }

    /**
     * Whether a type as the catalog prints it ({@code public.mood}, {@code "My App"."Mood"[]}) is
     * the named one: the model prints types schema-qualified, quoted where needed.
     */
    static boolean namesType(String printed, ObjectName type) {
        String bare = printed.endsWith("[]") ? printed.substring(0, printed.length() - 2) : printed;
        for (String schema : forms(type.schema())) {
            for (String name : forms(type.name())) {
                if (bare.equals(schema + "." + name)) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * How one part of a name may be printed: quoted, and bare when it is a plain lower-case word
     * (PostgreSQL quotes those too when they are reserved words, like {@code "user"}).
     */
    private static List<String> forms(String name) {
        String quoted = "\"" + name.replace("\"", "\"\"") + "\"";
        return name.matches("[a-z_][a-z0-9_$]*") ? List.of(name, quoted) : List.of(quoted);
    }
}
