package dev.stepwise.junit.assertions;

import dev.stepwise.schema.Column;
import dev.stepwise.schema.Nullability;
import dev.stepwise.schema.ObjectName;
import org.assertj.core.api.AbstractAssert;

import java.util.Objects;

/**
 * Assertions on one column: its type, whether it takes NULL, its default. Types and defaults are
 * compared as PostgreSQL prints them ({@code character varying(255)}, {@code 'pending'::text}),
 * which is what a failure shows.
 */
public final class ColumnAssert extends AbstractAssert<ColumnAssert, Column> {

    private final ObjectName table;

    ColumnAssert(ObjectName table, Column actual) {
        super(actual, ColumnAssert.class);
        this.table = table;
    }

    /** Verifies the column's type with its modifiers, as {@code format_type} prints it: {@code character varying(255)}, {@code numeric(12,2)}. */
    public ColumnAssert hasType(String type) {
        isPresent();
        if (!actual.type().equals(type)) {
            failWithMessage("%nExpecting column %s to have type %s, but it has type %s", where(), type, actual.type());
        }
        return this;
    }

    /** Verifies that the column admits NULL. */
    public ColumnAssert isNullable() {
        isPresent();
        if (actual.nullability() != Nullability.NULLABLE) {
            failWithMessage("%nExpecting column %s to be nullable, but it is NOT NULL", where());
        }
        return this;
    }

    /**
     * Verifies that the column is {@code NOT NULL}. (On this assertion {@code isNotNull()} is about
     * the column, not about the asserted object being there, which a column assertion always is.)
     */
    @Override
    public ColumnAssert isNotNull() {
        isPresent();
        if (actual.nullability() != Nullability.NOT_NULL) {
            failWithMessage("%nExpecting column %s to be NOT NULL, but it is nullable", where());
        }
        return this;
    }

    /** Verifies the column's default expression, as PostgreSQL prints it: {@code 'pending'::text}, {@code now()}. */
    public ColumnAssert hasDefault(String expression) {
        isPresent();
        if (!Objects.equals(actual.defaultValue(), expression)) {
            failWithMessage("%nExpecting column %s to have default %s, but it has %s", where(), expression,
                    actual.defaultValue() == null ? "none" : "default " + actual.defaultValue());
        }
        return this;
    }

    private void isPresent() {
        super.isNotNull();
    }

    private String where() {
        return table + "." + actual.name();
    }

    /** {@code email character varying(255) NULL} */
    static String describe(Column column) {
        return column.name() + " " + column.type() + (column.nullability() == Nullability.NOT_NULL ? " NOT NULL" : " NULL")
                + (column.defaultValue() == null ? "" : " DEFAULT " + column.defaultValue());
    }
}
