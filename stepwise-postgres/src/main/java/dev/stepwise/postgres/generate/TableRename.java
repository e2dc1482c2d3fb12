package dev.stepwise.postgres.generate;

import dev.stepwise.expand.GeneratedMigration;
import dev.stepwise.postgres.statement.PostgresIdentifiers;
import dev.stepwise.source.Phase;
import dev.stepwise.source.Reversibility;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * {@code --rename-table OLD:NEW}: the rename and a view under the old name in one transaction
 * (expand), so old code reads and writes through the view (a view over one table is updatable);
 * the view goes in the contract. The view carries the table's privileges.
 */
final class TableRename {

    private final Connection connection;
    private final TableShape table;
    private final String newName;
    private final String description;

    TableRename(Connection connection, TableShape table, String newName, String description) {
        this.connection = connection;
        this.table = table;
        this.newName = newName;
        this.description = description;
    }

    List<GeneratedMigration> generate() throws SQLException {
        if (TableShapes.relationExists(connection, table.schema(), newName)) {
            throw Refusal.of("--rename-table", table.name() + " to " + newName, "schema " + table.schema()
                    + " has a relation named " + newName + " already");
        }
        String oldSql = table.sql();
        String newSql = PostgresIdentifiers.quote(table.schema()) + "." + PostgresIdentifiers.quote(newName);

        Script expandUp = new Script();
        expandUp.comment("Expand: " + description + ". In one transaction: the rename, and a view under the old\n"
                + "name that old code reads and writes through (a view over one table is updatable).\n"
                + "Through the view old code cannot TRUNCATE or COPY ... FROM, and it sees only the columns\n"
                + "the table has now (the view's * is expanded when it is created).");
        expandUp.statement("ALTER TABLE " + oldSql + " RENAME TO " + PostgresIdentifiers.quote(newName));
        view(expandUp, oldSql, newSql);

        Script expandDown = new Script();
        expandDown.comment("Back to the old name: the view goes and the table takes its name back.");
        expandDown.statement("DROP VIEW " + oldSql);
        expandDown.statement("ALTER TABLE " + newSql + " RENAME TO " + PostgresIdentifiers.quote(table.name()));

        Script contractUp = new Script();
        contractUp.comment("Contract: " + description + ". Apply it once no running code uses the old name.");
        contractUp.statement("DROP VIEW " + oldSql);

        Script contractDown = new Script();
        contractDown.comment("The view under the old name returns.");
        view(contractDown, oldSql, newSql);
        return List.of(
                new GeneratedMigration(Phase.EXPAND, "expand", expandUp.toString(), expandDown.toString(),
                        Reversibility.YES),
                new GeneratedMigration(Phase.CONTRACT, "contract", contractUp.toString(), contractDown.toString(),
                        Reversibility.YES));
    }

    private void view(Script s, String oldSql, String newSql) {
        s.statement("CREATE VIEW " + oldSql + " AS SELECT * FROM " + newSql);
        for (TableShape.Grant g : table.acl()) {
            s.statement("GRANT " + g.privilege() + " ON " + oldSql + " TO " + g.grantee()
                    + (g.grantable() ? " WITH GRANT OPTION" : ""));
        }
    }
}
