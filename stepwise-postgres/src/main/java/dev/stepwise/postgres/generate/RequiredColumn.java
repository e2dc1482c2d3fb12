package dev.stepwise.postgres.generate;

import dev.stepwise.expand.GeneratedMigration;
import dev.stepwise.postgres.statement.PostgresIdentifiers;
import dev.stepwise.source.Phase;
import dev.stepwise.source.Reversibility;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * {@code --add-required-column TABLE.COL:TYPE --default EXPR}, one expand migration: with a
 * constant default, the one instant statement PostgreSQL 11+ allows; with a volatile one (a
 * value per row, which PostgreSQL would write into every row under an ACCESS EXCLUSIVE lock), the
 * column nullable with the default for new rows, a batched backfill, a NOT VALID check validated
 * on its own, NOT NULL on the strength of that check, and the check dropped.
 */
final class RequiredColumn {

    private final Connection connection;
    private final TableShape table;
    private final String column;
    private final String type;
    private final String defaultValue;
    private final boolean constant;
    private final String description;

    RequiredColumn(Connection connection, TableShape table, String column, String type, String defaultValue,
                   boolean constant, String description) {
        this.connection = connection;
        this.table = table;
        this.column = column;
        this.type = type;
        this.defaultValue = defaultValue;
        this.constant = constant;
        this.description = description;
    }

    List<GeneratedMigration> generate() throws SQLException {
        String c = PostgresIdentifiers.quote(column);
        String t = table.sql();
        Script up = new Script();
        if (constant) {
            up.comment("Expand: " + description + ". The default is constant, so PostgreSQL stores it once\n"
                    + "instead of writing it into every row: one instant statement.");
            up.statement("ALTER TABLE " + t + " ADD COLUMN " + c + " " + type + " NOT NULL DEFAULT " + defaultValue);
        } else {
            if (table.primaryKey().isEmpty()) {
                throw Refusal.of("--add-required-column", table.name() + "." + column, "the default is not constant,"
                        + " so existing rows are filled by a backfill that walks the table in primary-key batches,"
                        + " and table " + table.name() + " has no primary key");
            }
            String check = new DerivedNames(connection, table).constraint(table.name(), column, "not_null");
            up.comment("Expand: " + description + ". The default is not constant (a value per row), and\n"
                    + "adding it in one statement would write every row under an ACCESS EXCLUSIVE lock.");
            up.gap();
            up.comment("1. The column, nullable, with its default for the rows written from now on.");
            up.statement("ALTER TABLE " + t + " ADD COLUMN " + c + " " + type);
            up.statement("ALTER TABLE " + t + " ALTER COLUMN " + c + " SET DEFAULT " + defaultValue);
            up.gap();
            up.comment("2. The rows already there, in batches.");
            up.directive("batch size=auto");
            up.statement("UPDATE " + t + " SET " + c + " = " + defaultValue + " WHERE " + c + " IS NULL");
            up.gap();
            up.comment("3. NOT NULL without a long lock: a check added NOT VALID, validated in a step of its own\n"
                    + "   (no writes blocked), lets SET NOT NULL skip its scan; then the check goes.");
            String q = PostgresIdentifiers.quote(check);
            up.statement("ALTER TABLE " + t + " ADD CONSTRAINT " + q + " CHECK (" + c + " IS NOT NULL) NOT VALID");
            up.statement("ALTER TABLE " + t + " VALIDATE CONSTRAINT " + q);
            up.statement("ALTER TABLE " + t + " ALTER COLUMN " + c + " SET NOT NULL");
            up.statement("ALTER TABLE " + t + " DROP CONSTRAINT " + q);
        }
        Script down = new Script();
        down.comment("The column goes again; no code written before this migration knows it.");
        down.statement("ALTER TABLE " + t + " DROP COLUMN " + c);
        return List.of(new GeneratedMigration(Phase.EXPAND, null, up.toString(), down.toString(), Reversibility.YES));
    }
}
