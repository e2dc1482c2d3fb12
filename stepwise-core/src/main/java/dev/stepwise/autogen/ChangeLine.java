package dev.stepwise.autogen;

import dev.stepwise.diff.AddColumn;
import dev.stepwise.diff.AddConstraint;
import dev.stepwise.diff.ChangeColumnType;
import dev.stepwise.diff.CreateIndex;
import dev.stepwise.diff.CreateSchema;
import dev.stepwise.diff.CreateTable;
import dev.stepwise.diff.DropColumn;
import dev.stepwise.diff.DropConstraint;
import dev.stepwise.diff.DropIndex;
import dev.stepwise.diff.DropSchema;
import dev.stepwise.diff.DropTable;
import dev.stepwise.diff.SchemaChange;
import dev.stepwise.diff.SetColumnDefault;
import dev.stepwise.diff.SetColumnNullability;
import dev.stepwise.diff.ValidateConstraint;
import dev.stepwise.schema.Nullability;

/**
 * One line of a diff's summary, as {@code revision --autogenerate}, {@code check} and
 * {@code drift} print it: {@code +} for what appears, {@code -} for what goes, {@code ~} for what
 * changes, then the object ({@code + table public.items}, {@code ~ column public.orders.total
 * numeric(12,2) → numeric(14,4)}). A kind of change this class does not know yet gets its sign
 * from its name ({@code Create...}/{@code Add...}, {@code Drop...}) and its own description, its verb left to the sign.
 */
public record ChangeLine(String sign, String text) {

    public static ChangeLine of(SchemaChange change) {
        if (change instanceof CreateSchema c) {
            return new ChangeLine("+", "schema " + c.name());
        }
        if (change instanceof DropSchema c) {
            return new ChangeLine("-", "schema " + c.name());
        }
        if (change instanceof CreateTable c) {
            return new ChangeLine("+", "table " + c.table().name());
        }
        if (change instanceof DropTable c) {
            return new ChangeLine("-", "table " + c.table().name());
        }
        if (change instanceof AddColumn c) {
            return new ChangeLine("+", "column " + c.table() + "." + c.column().name() + " " + c.column().type()
                    + (c.column().nullability() == Nullability.NOT_NULL ? " NOT NULL" : ""));
        }
        if (change instanceof DropColumn c) {
            return new ChangeLine("-", "column " + c.table() + "." + c.column().name());
        }
        if (change instanceof ChangeColumnType c) {
            String from = c.from().type() + (c.from().collation() == null ? "" : " COLLATE " + c.from().collation());
            String to = c.to().type() + (c.to().collation() == null ? "" : " COLLATE " + c.to().collation());
            return new ChangeLine("~", "column " + c.table() + "." + c.to().name() + " " + from + " → " + to);
        }
        if (change instanceof SetColumnDefault c) {
            return new ChangeLine("~", "column " + c.table() + "." + c.column()
                    + (c.expression() == null ? " default dropped" : " default " + c.expression()));
        }
        if (change instanceof SetColumnNullability c) {
            return new ChangeLine("~", "column " + c.table() + "." + c.column()
                    + (c.nullability() == Nullability.NOT_NULL ? " NOT NULL" : " nullable"));
        }
        if (change instanceof AddConstraint c) {
            return new ChangeLine("+", "constraint " + c.constraint().name() + " on " + c.table());
        }
        if (change instanceof DropConstraint c) {
            return new ChangeLine("-", "constraint " + c.constraint().name() + " on " + c.table());
        }
        if (change instanceof ValidateConstraint c) {
            return new ChangeLine("~", "constraint " + c.constraint() + " on " + c.table() + " validated");
        }
        if (change instanceof CreateIndex c) {
            return new ChangeLine("+", "index " + c.index().name() + " on " + c.table());
        }
        if (change instanceof DropIndex c) {
            return new ChangeLine("-", "index " + c.index().name() + " on " + c.table());
        }
        String kind = change.getClass().getSimpleName();
        String sign = kind.startsWith("Create") || kind.startsWith("Add") ? "+" : kind.startsWith("Drop") ? "-" : "~";
        String text = change.describe();
        // the sign says what the verb said: "create view public.v" is "+ view public.v"
        if (!sign.equals("~") && text.matches("^(create|drop|add) .*")) {
            text = text.substring(text.indexOf(' ') + 1);
        }
        return new ChangeLine(sign, text);
    }

    @Override
    public String toString() {
        return sign + " " + text;
    }
}
