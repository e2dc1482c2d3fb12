package dev.stepwise.postgres.diff;

import dev.stepwise.diff.AddEnumValues;
import dev.stepwise.diff.AlterDomain;
import dev.stepwise.diff.AlterSequence;
import dev.stepwise.diff.CreateDomain;
import dev.stepwise.diff.CreateEnum;
import dev.stepwise.diff.CreateExtension;
import dev.stepwise.diff.CreateSequence;
import dev.stepwise.diff.DropDomain;
import dev.stepwise.diff.DropEnum;
import dev.stepwise.diff.DropExtension;
import dev.stepwise.diff.DropSequence;
import dev.stepwise.diff.RecreateDomain;
import dev.stepwise.diff.RecreateEnum;
import dev.stepwise.diff.TypedColumn;
import dev.stepwise.diff.SchemaChange;
import dev.stepwise.diff.SetSequenceOwner;
import dev.stepwise.diff.UpdateExtension;
import dev.stepwise.postgres.statement.PostgresIdentifiers;
import dev.stepwise.schema.Domain;
import dev.stepwise.schema.EnumType;
import dev.stepwise.schema.Nullability;
import dev.stepwise.schema.ObjectName;
import dev.stepwise.schema.Sequence;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

import static dev.stepwise.postgres.diff.Sql.literal;
import static dev.stepwise.postgres.diff.Sql.name;
import static dev.stepwise.postgres.diff.Sql.q;

/** Extensions, enum types, domains and sequences as statements; null for other changes. */
final class TypeStatements {

    private TypeStatements() {
    }

    static List<String> render(SchemaChange change) {
        if (change instanceof CreateExtension c) {
            // no VERSION: the server's default, which the wanted schema was made with
            return List.of("CREATE EXTENSION " + q(c.extension().name()) + " WITH SCHEMA " + q(c.extension().schema()));
        }
        if (change instanceof DropExtension c) {
            return List.of("DROP EXTENSION " + q(c.extension().name()));
        }
        if (change instanceof UpdateExtension c) {
            return List.of("ALTER EXTENSION " + q(c.name()) + " UPDATE TO " + literal(c.version()));
        }
        if (change instanceof CreateEnum c) {
            return List.of(createEnum(c.type()));
        }
        if (change instanceof DropEnum c) {
            return List.of("DROP TYPE " + name(c.type().name()));
        }
        if (change instanceof AddEnumValues c) {
            return addValues(c.from(), c.to());
        }
        if (change instanceof RecreateEnum c) {
            return recreate(c);
        }
        if (change instanceof RecreateDomain c) {
            return recreateDomain(c);
        }
        if (change instanceof CreateDomain c) {
            return createDomain(c.domain());
        }
        if (change instanceof DropDomain c) {
            return List.of("DROP DOMAIN " + name(c.domain().name()));
        }
        if (change instanceof AlterDomain c) {
            return alterDomain(c.from(), c.to());
        }
        if (change instanceof CreateSequence c) {
            return List.of("CREATE SEQUENCE " + name(c.sequence().name()) + options(c.sequence()));
        }
        if (change instanceof AlterSequence c) {
            return List.of("ALTER SEQUENCE " + name(c.to().name()) + options(c.to()));
        }
        if (change instanceof DropSequence c) {
            return List.of("DROP SEQUENCE " + name(c.sequence().name()));
        }
        if (change instanceof SetSequenceOwner c) {
            return List.of("ALTER SEQUENCE " + name(c.sequence()) + " OWNED BY "
                    + (c.owner() == null ? "NONE" : name(c.owner().table()) + "." + q(c.owner().column())));
        }
        return null;
    }

    private static String createEnum(EnumType type) {
        return "CREATE TYPE " + name(type.name()) + " AS ENUM ("
                + type.labels().stream().map(Sql::literal).collect(Collectors.joining(", ")) + ")";
    }

    /** Each new label placed after the one before it in the wanted order (or before the first). */
    private static List<String> addValues(EnumType from, EnumType to) {
        List<String> statements = new ArrayList<>();
        List<String> labels = to.labels();
        for (int i = 0; i < labels.size(); i++) {
            String label = labels.get(i);
            if (from.labels().contains(label)) {
                continue;
            }
            String place = i > 0 ? " AFTER " + literal(labels.get(i - 1))
                    : from.labels().isEmpty() ? "" : " BEFORE " + literal(from.labels().get(0));
            statements.add("ALTER TYPE " + name(to.name()) + " ADD VALUE " + literal(label) + place);
        }
        return statements;
    }

    /**
     * Labels removed or reordered: the old type steps aside under a derived name, the new one takes
     * the name, each column is converted through text (a rewrite under ACCESS EXCLUSIVE, which no
     * statement avoids), and the old type is dropped.
     */
    private static List<String> recreate(RecreateEnum c) {
        String old = PostgresIdentifiers.derivedName(c.to().name().name(), "old");
        List<String> statements = new ArrayList<>();
        statements.add("ALTER TYPE " + name(c.from().name()) + " RENAME TO " + q(old));
        statements.add(createEnum(c.to()));
        String type = name(c.to().name());
        // through text, a rewrite under ACCESS EXCLUSIVE that no statement avoids
        statements.addAll(moveColumns(c.columns(), type, "text", statement -> Sql.allowed("column-type-rewrites",
                "an enum cannot lose or reorder labels in place, so the column moves to the new type", statement)));
        statements.add("DROP TYPE " + name(new ObjectName(c.from().name().schema(), old)));
        return statements;
    }

    /**
     * A new collation or base type: the old domain steps aside under a derived name, the new one
     * takes the name, each column moves to it through the new base type, and the old one is dropped.
     */
    private static List<String> recreateDomain(RecreateDomain c) {
        String old = PostgresIdentifiers.derivedName(c.to().name().name(), "old");
        List<String> statements = new ArrayList<>();
        statements.add("ALTER DOMAIN " + name(c.from().name()) + " RENAME TO " + q(old));
        statements.addAll(createDomain(c.to()));
        String type = name(c.to().name());
        statements.addAll(moveColumns(c.columns(), type, c.to().baseType(), statement -> statement));
        statements.add("DROP DOMAIN " + name(new ObjectName(c.from().name().schema(), old)));
        return statements;
    }

    /**
     * Each column moved to a type made again under the old one's name, converted through
     * {@code via} (text for an enum, the base type for a domain); a default is dropped first and
     * set again after, since it names the old type.
     */
    private static List<String> moveColumns(List<TypedColumn> columns, String type, String via,
                                            java.util.function.UnaryOperator<String> annotate) {
        List<String> statements = new ArrayList<>();
        for (TypedColumn use : columns) {
            String table = "ALTER TABLE " + name(use.table()) + " ALTER COLUMN " + q(use.column().name());
            String array = use.column().type().endsWith("[]") ? "[]" : "";
            if (use.column().defaultValue() != null) {
                statements.add(table + " DROP DEFAULT");
            }
            statements.add(annotate.apply(table + " TYPE " + type + array + " USING " + q(use.column().name())
                    + "::" + via + array + "::" + type + array));
            if (use.column().defaultValue() != null) {
                statements.add(table + " SET DEFAULT " + use.column().defaultValue());
            }
        }
        return statements;
    }

    private static List<String> createDomain(Domain d) {
        StringBuilder sql = new StringBuilder("CREATE DOMAIN ").append(name(d.name())).append(" AS ").append(d.baseType());
        if (d.collation() != null) {
            sql.append(" COLLATE ").append(q(d.collation()));
        }
        if (d.defaultValue() != null) {
            sql.append(" DEFAULT ").append(d.defaultValue());
        }
        if (d.nullability() == Nullability.NOT_NULL) {
            sql.append(" NOT NULL");
        }
        List<String> statements = new ArrayList<>();
        for (Domain.Check check : d.checks()) {
            if (check.validated()) {
                sql.append(" CONSTRAINT ").append(q(check.name())).append(' ').append(check.definition());
            }
        }
        statements.add(sql.toString());
        for (Domain.Check check : d.checks()) {
            if (!check.validated()) {
                statements.add("ALTER DOMAIN " + name(d.name()) + " ADD CONSTRAINT " + q(check.name()) + " "
                        + check.definition() + " NOT VALID");
            }
        }
        return statements;
    }

    /** A new check is added unchecked and validated apart, as a table's is: the scan then blocks no writes. */
    private static List<String> alterDomain(Domain from, Domain to) {
        String domain = "ALTER DOMAIN " + name(to.name());
        List<String> statements = new ArrayList<>();
        Map<String, Domain.Check> before = from.checks().stream().collect(Collectors.toMap(Domain.Check::name, k -> k));
        Map<String, Domain.Check> after = to.checks().stream().collect(Collectors.toMap(Domain.Check::name, k -> k));
        before.forEach((n, k) -> {
            Domain.Check wanted = after.get(n);
            if (wanted == null || !wanted.definition().equals(k.definition()) || k.validated() && !wanted.validated()) {
                statements.add(domain + " DROP CONSTRAINT " + q(n));
            }
        });
        if (!Objects.equals(from.defaultValue(), to.defaultValue())) {
            statements.add(domain + (to.defaultValue() == null ? " DROP DEFAULT" : " SET DEFAULT " + to.defaultValue()));
        }
        if (from.nullability() != to.nullability()) {
            statements.add(domain + (to.nullability() == Nullability.NOT_NULL ? " SET NOT NULL" : " DROP NOT NULL"));
        }
        for (Domain.Check k : to.checks()) {
            Domain.Check was = before.get(k.name());
            boolean added = was == null || !was.definition().equals(k.definition()) || was.validated() && !k.validated();
            if (added) {
                statements.add(domain + " ADD CONSTRAINT " + q(k.name()) + " " + k.definition() + " NOT VALID");
            }
            if (k.validated() && (added || !was.validated())) {
                statements.add(domain + " VALIDATE CONSTRAINT " + q(k.name()));
            }
        }
        return statements;
    }

    private static String options(Sequence s) {
        return " AS " + s.dataType() + " INCREMENT BY " + s.increment() + " MINVALUE " + s.min() + " MAXVALUE " + s.max()
                + " START WITH " + s.start() + " CACHE " + s.cache()
                + (s.cycle() == Sequence.Cycle.CYCLE ? " CYCLE" : " NO CYCLE");
    }
}
