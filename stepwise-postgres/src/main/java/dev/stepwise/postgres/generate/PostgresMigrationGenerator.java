package dev.stepwise.postgres.generate;

import dev.stepwise.dialect.MigrationGenerator;
import dev.stepwise.expand.GeneratedMigration;
import dev.stepwise.expand.GeneratorRequest;
import dev.stepwise.expand.GeneratorRequest.AddRequiredColumn;
import dev.stepwise.expand.GeneratorRequest.ChangeType;
import dev.stepwise.expand.GeneratorRequest.ColumnPath;
import dev.stepwise.expand.GeneratorRequest.DropColumn;
import dev.stepwise.expand.GeneratorRequest.DropTable;
import dev.stepwise.expand.GeneratorRequest.RenameColumn;
import dev.stepwise.expand.GeneratorRequest.RenameTable;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/** The PostgreSQL generators: reads the table, checks the request against it, and hands it to the generator that writes it. */
public final class PostgresMigrationGenerator implements MigrationGenerator {

    @Override
    public List<GeneratedMigration> generate(Connection schema, GeneratorRequest request) throws SQLException {
        if (request instanceof RenameColumn r) {
            TableShape table = TableShapes.read(schema, r.column().table());
            TableShape.Column old = ColumnChecks.movable(schema, "--rename-column", table, r.column());
            String newName = ColumnChecks.freeName("--rename-column", table, r.newName());
            return new ColumnTransition(schema, table, old, newName, null, ColumnTransition.Conversion.rename(),
                    request.describe()).generate();
        }
        if (request instanceof ChangeType r) {
            TableShape table = TableShapes.read(schema, r.column().table());
            TableShape.Column old = ColumnChecks.movable(schema, "--change-type", table, r.column());
            String newName = ColumnChecks.freeName("--change-type", table, r.newName());
            Expressions.checkConversion(schema, table, old, newName, r.type(), r.using(), r.reverse());
            return new ColumnTransition(schema, table, old, newName, r.type(),
                    new ColumnTransition.Conversion(r.using(), r.reverse()), request.describe()).generate();
        }
        if (request instanceof RenameTable r) {
            TableShape table = TableShapes.read(schema, r.table());
            return new TableRename(schema, table, TableShapes.fold(r.newName()), request.describe()).generate();
        }
        if (request instanceof AddRequiredColumn r) {
            TableShape table = TableShapes.read(schema, r.table());
            String name = ColumnChecks.freeName("--add-required-column", table, r.column());
            boolean constant = Expressions.isConstantDefault(schema, "--add-required-column", r.type(),
                    r.defaultValue());
            return new RequiredColumn(schema, table, name, r.type(), r.defaultValue(), constant, request.describe())
                    .generate();
        }
        if (request instanceof DropColumn r) {
            TableShape table = TableShapes.read(schema, r.column().table());
            TableShape.Column column = ColumnChecks.droppable(table, r.column());
            return new ColumnDrop(schema, table, column, request.describe()).generate();
        }
        DropTable r = (DropTable) request;
        TableShape table = TableShapes.read(schema, r.table());
        return new TableDrop(schema, table, request.describe()).generate();
    }

    static String columnText(ColumnPath path) {
        return path.toString();
    }
}
