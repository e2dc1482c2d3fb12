package dev.stepwise.postgres.diff;

import dev.stepwise.diff.AddColumn;
import dev.stepwise.diff.AddConstraint;
import dev.stepwise.diff.AttachPartition;
import dev.stepwise.diff.ChangeColumnType;
import dev.stepwise.diff.CreateIndex;
import dev.stepwise.diff.CreatePartitionedIndex;
import dev.stepwise.diff.DropPartitionedIndex;
import dev.stepwise.diff.SetComment;
import dev.stepwise.diff.RenameConstraint;
import dev.stepwise.diff.RenameIndex;
import dev.stepwise.diff.CreateSchema;
import dev.stepwise.diff.CreateTable;
import dev.stepwise.diff.DetachPartition;
import dev.stepwise.diff.DropColumn;
import dev.stepwise.diff.DropColumnExpression;
import dev.stepwise.diff.DropConstraint;
import dev.stepwise.diff.DropIndex;
import dev.stepwise.diff.DropSchema;
import dev.stepwise.diff.DropTable;
import dev.stepwise.diff.SchemaChange;
import dev.stepwise.diff.SetColumnDefault;
import dev.stepwise.diff.SetColumnIdentity;
import dev.stepwise.diff.SetColumnNullability;
import dev.stepwise.diff.TableAge;
import dev.stepwise.diff.TableShape;
import dev.stepwise.diff.ValidateConstraint;
import dev.stepwise.dialect.SchemaChangeRenderer;
import dev.stepwise.postgres.statement.PostgresIdentifiers;
import dev.stepwise.schema.Column;
import dev.stepwise.schema.Constraint;
import dev.stepwise.schema.Index;
import dev.stepwise.schema.Nullability;
import dev.stepwise.schema.ObjectName;
import dev.stepwise.schema.Table;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A schema change as PostgreSQL statements, in the safe form where the table already holds rows
 * and traffic: indexes built {@code CONCURRENTLY}, foreign keys and checks added {@code NOT VALID}
 * and validated in a statement of their own, {@code NOT NULL} through a validated check. A new
 * table is empty, so its constraints and indexes are made the plain way.
 */
public final class ChangeRenderer implements SchemaChangeRenderer {

    /** The start of an index's text up to {@code ON ONLY}, its name quoted or not. */
    private static final Pattern INDEX_ON_ONLY = Pattern.compile(
            "^(CREATE (?:UNIQUE )?INDEX (?:\"(?:[^\"]|\"\")*\"|\\S+)) ON ONLY ");

    @Override
    public List<String> render(SchemaChange change) {
        List<String> typeOrCode = TypeStatements.render(change);
        if (typeOrCode == null) {
            typeOrCode = CodeStatements.render(change);
        }
        if (typeOrCode != null) {
            return typeOrCode;
        }
        if (change instanceof RenameConstraint c) {
            return List.of("ALTER TABLE " + name(c.table()) + " RENAME CONSTRAINT " + q(c.from()) + " TO " + q(c.to()));
        }
        if (change instanceof RenameIndex c) {
            return List.of("ALTER INDEX " + q(c.table().schema()) + "." + q(c.from()) + " RENAME TO " + q(c.to()));
        }
        if (change instanceof SetColumnIdentity c) {
            return identity(c);
        }
        if (change instanceof SetComment c) {
            return CommentStatements.render(c);
        }
        if (change instanceof CreatePartitionedIndex c) {
            return PartitionedIndexStatements.create(c);
        }
        if (change instanceof DropPartitionedIndex c) {
            return PartitionedIndexStatements.drop(c);
        }
        if (change instanceof CreateSchema c) {
            return List.of("CREATE SCHEMA " + q(c.name()));
        }
        if (change instanceof DropSchema c) {
            return List.of("DROP SCHEMA " + q(c.name()));
        }
        if (change instanceof CreateTable c) {
            return List.of(createTable(c.table()));
        }
        if (change instanceof DropTable c) {
            return List.of("DROP TABLE " + name(c.table().name()));
        }
        if (change instanceof AddColumn c) {
            return List.of("ALTER TABLE " + name(c.table()) + " ADD COLUMN " + column(c.column()));
        }
        if (change instanceof DropColumn c) {
            return List.of("ALTER TABLE " + name(c.table()) + " DROP COLUMN " + q(c.column().name()));
        }
        if (change instanceof ChangeColumnType c) {
            return List.of(changeType(c));
        }
        if (change instanceof SetColumnDefault c) {
            return List.of("ALTER TABLE " + name(c.table()) + " ALTER COLUMN " + q(c.column())
                    + (c.expression() == null ? " DROP DEFAULT" : " SET DEFAULT " + c.expression()));
        }
        if (change instanceof DetachPartition c) {
            return List.of("ALTER TABLE " + name(c.parent()) + " DETACH PARTITION " + name(c.table()));
        }
        if (change instanceof AttachPartition c) {
            // scans the partition for rows outside the bound, under SHARE UPDATE EXCLUSIVE on the parent
            return List.of("ALTER TABLE " + name(c.parent()) + " ATTACH PARTITION " + name(c.table()) + " " + c.bound());
        }
        if (change instanceof DropColumnExpression c) {
            return List.of("ALTER TABLE " + name(c.table()) + " ALTER COLUMN " + q(c.column()) + " DROP EXPRESSION");
        }
        if (change instanceof SetColumnNullability c) {
            return nullability(c);
        }
        if (change instanceof AddConstraint c) {
            return addConstraint(c);
        }
        if (change instanceof DropConstraint c) {
            return List.of("ALTER TABLE " + name(c.table()) + " DROP CONSTRAINT " + q(c.constraint().name()));
        }
        if (change instanceof ValidateConstraint c) {
            return List.of("ALTER TABLE " + name(c.table()) + " VALIDATE CONSTRAINT " + q(c.constraint()));
        }
        if (change instanceof CreateIndex c) {
            return List.of(createIndex(c.index(), c.age()));
        }
        DropIndex c = (DropIndex) change;
        // PostgreSQL cannot drop a partitioned table's index concurrently
        return List.of("DROP INDEX " + (onPartitionedTable(c.index()) ? "" : "CONCURRENTLY ")
                + q(c.table().schema()) + "." + q(c.index().name()));
    }

    /**
     * An index built without blocking writes where the table exists. A partitioned table's index
     * is built the plain way, for every partition: PostgreSQL refuses {@code CONCURRENTLY} there,
     * and the {@code ON ONLY} of its catalog text would make it on the parent alone, invalid.
     */
    private static String createIndex(Index index, TableAge age) {
        if (onPartitionedTable(index)) {
            return INDEX_ON_ONLY.matcher(index.definition()).replaceFirst("$1 ON ");
        }
        return age == TableAge.NEW ? index.definition()
                : index.definition().replaceFirst("^CREATE (UNIQUE )?INDEX ", "CREATE $1INDEX CONCURRENTLY ");
    }

    /** {@code pg_get_indexdef} says {@code ON ONLY} of the indexes of partitioned tables, and only of them. */
    private static boolean onPartitionedTable(Index index) {
        return INDEX_ON_ONLY.matcher(index.definition()).lookingAt();
    }

    /**
     * {@code USING column::type}, since the diff cannot tell which types cast without it (text to
     * integer or to an enum do not); a cast PostgreSQL would make on its own rewrites no more.
     * A default that does not cast to the new type would fail the statement: it is dropped
     * first and the wanted one set in the same statement.
     */
    private static String changeType(ChangeColumnType c) {
        String column = "ALTER COLUMN " + q(c.to().name());
        // a collation alone changes without a cast
        String type = column + " TYPE " + c.to().type() + collate(c.to()) + (c.from().type().equals(c.to().type()) ? ""
                : " USING " + q(c.to().name()) + "::" + c.to().type());
        if (c.from().defaultValue() == null) {
            return "ALTER TABLE " + name(c.table()) + " " + type;
        }
        return "ALTER TABLE " + name(c.table()) + " " + column + " DROP DEFAULT, " + type
                + (c.to().defaultValue() == null ? "" : ", " + column + " SET DEFAULT " + c.to().defaultValue());
    }

    /**
     * Identity in place. A new identity's sequence starts past the values the column holds, as a
     * serial's did, so the next insert does not collide with them.
     */
    private static List<String> identity(SetColumnIdentity c) {
        String column = "ALTER TABLE " + name(c.table()) + " ALTER COLUMN " + q(c.column());
        String kind = c.to() == Column.Identity.ALWAYS ? "ALWAYS" : "BY DEFAULT";
        if (c.to() == Column.Identity.NONE) {
            return List.of(column + " DROP IDENTITY");
        }
        if (c.from() != Column.Identity.NONE) {
            return List.of(column + " SET GENERATED " + kind);
        }
        return List.of(column + " ADD GENERATED " + kind + " AS IDENTITY",
                "SELECT pg_catalog.setval(pg_catalog.pg_get_serial_sequence(" + Sql.literal(name(c.table())) + ", "
                        + Sql.literal(q(c.column())) + "), coalesce(max(" + q(c.column()) + "), 0) + 1, false) FROM "
                        + name(c.table()));
    }

    private static String createTable(Table t) {
        if (t.partitioning().parent() != null) {
            return "CREATE TABLE " + name(t.name()) + " PARTITION OF " + name(t.partitioning().parent()) + " "
                    + t.partitioning().bound()
                    + (t.partitioning().key() == null ? "" : " PARTITION BY " + t.partitioning().key());
        }
        List<String> parts = new ArrayList<>();
        t.columns().forEach(c -> parts.add(column(c)));
        for (Constraint c : t.constraints()) {
            if (c.kind() != Constraint.Kind.FOREIGN_KEY) {
                parts.add("CONSTRAINT " + q(c.name()) + " " + c.definition());
            }
        }
        return "CREATE TABLE " + name(t.name()) + " (\n    " + String.join(",\n    ", parts) + "\n)"
                + (t.partitioning().key() == null ? "" : " PARTITION BY " + t.partitioning().key());
    }

    private static String column(Column c) {
        StringBuilder sql = new StringBuilder(q(c.name())).append(' ').append(c.type()).append(collate(c));
        if (c.generated() != null) {
            sql.append(" GENERATED ALWAYS AS (").append(c.generated()).append(") STORED");
        } else if (c.defaultValue() != null) {
            sql.append(" DEFAULT ").append(c.defaultValue());
        }
        if (c.identity() == Column.Identity.ALWAYS) {
            sql.append(" GENERATED ALWAYS AS IDENTITY");
        } else if (c.identity() == Column.Identity.BY_DEFAULT) {
            sql.append(" GENERATED BY DEFAULT AS IDENTITY");
        }
        if (c.nullability() == Nullability.NOT_NULL) {
            sql.append(" NOT NULL");
        }
        return sql.toString();
    }

    private static String collate(Column c) {
        return c.collation() == null ? "" : " COLLATE " + collationName(c.collation());
    }

    /** {@code C} or {@code myschema.german}, as the introspector reports collations. */
    private static String collationName(String collation) {
        int dot = collation.indexOf('.');
        return dot < 0 ? q(collation) : q(collation.substring(0, dot)) + "." + q(collation.substring(dot + 1));
    }

    private static List<String> nullability(SetColumnNullability c) {
        String table = name(c.table());
        if (c.nullability() == Nullability.NULLABLE) {
            return List.of("ALTER TABLE " + table + " ALTER COLUMN " + q(c.column()) + " DROP NOT NULL");
        }
        // SET NOT NULL scans under ACCESS EXCLUSIVE, unless a validated check already proves it
        String check = q(PostgresIdentifiers.derivedName(c.table().name(), c.column(), "not_null"));
        return List.of(
                "ALTER TABLE " + table + " ADD CONSTRAINT " + check + " CHECK (" + q(c.column()) + " IS NOT NULL) NOT VALID",
                "ALTER TABLE " + table + " VALIDATE CONSTRAINT " + check,
                "ALTER TABLE " + table + " ALTER COLUMN " + q(c.column()) + " SET NOT NULL",
                "ALTER TABLE " + table + " DROP CONSTRAINT " + check);
    }

    private static List<String> addConstraint(AddConstraint c) {
        String table = name(c.table());
        Constraint k = c.constraint();
        String add = "ALTER TABLE " + table + " ADD CONSTRAINT " + q(k.name()) + " " + k.definition();
        boolean validatable = k.kind() == Constraint.Kind.FOREIGN_KEY || k.kind() == Constraint.Kind.CHECK;
        boolean indexed = k.kind() == Constraint.Kind.PRIMARY_KEY || k.kind() == Constraint.Kind.UNIQUE;
        // a partitioned table takes no USING INDEX (nor a concurrent build): its constraint is added the plain way
        if (indexed && c.age() == TableAge.EXISTING && c.index() != null && !onPartitionedTable(c.index())) {
            // the unique index is built without blocking writes; attaching it is then instant
            return List.of(c.index().definition().replaceFirst("^CREATE UNIQUE INDEX ", "CREATE UNIQUE INDEX CONCURRENTLY "),
                    "ALTER TABLE " + table + " ADD CONSTRAINT " + q(k.name()) + " "
                            + (k.kind() == Constraint.Kind.PRIMARY_KEY ? "PRIMARY KEY" : "UNIQUE")
                            + " USING INDEX " + q(c.index().name())
                            + deferral(k));
        }
        // PostgreSQL cannot add a NOT VALID foreign key to a partitioned table: it is added and checked at once
        boolean partitionedForeignKey = k.kind() == Constraint.Kind.FOREIGN_KEY && c.shape() == TableShape.PARTITIONED;
        if (!validatable || c.age() == TableAge.NEW || partitionedForeignKey) {
            return List.of(k.validation() == Constraint.Validation.NOT_VALID && validatable ? add + " NOT VALID" : add);
        }
        // the scan runs under SHARE UPDATE EXCLUSIVE in VALIDATE, not under the ADD's stronger lock
        List<String> statements = new ArrayList<>(List.of(add + " NOT VALID"));
        if (k.validation() == Constraint.Validation.VALIDATED) {
            statements.add("ALTER TABLE " + table + " VALIDATE CONSTRAINT " + q(k.name()));
        }
        return statements;
    }

    private static String deferral(Constraint k) {
        return switch (k.deferral()) {
            case DEFERRABLE_DEFERRED -> " DEFERRABLE INITIALLY DEFERRED";
            case DEFERRABLE_IMMEDIATE -> " DEFERRABLE";
            default -> "";
        };
    }

    private static String name(ObjectName n) {
        return q(n.schema()) + "." + q(n.name());
    }

    private static String q(String identifier) {
        return PostgresIdentifiers.quote(identifier);
    }
}
