package dev.stepwise.dialect;

import dev.stepwise.expand.GeneratedMigration;
import dev.stepwise.expand.GeneratorRequest;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * Writes the expand/contract migrations of a {@link GeneratorRequest} for one database product,
 * reading what it needs (types, defaults, indexes, constraints) from a database whose schema is
 * the one the new migrations will meet.
 */
public interface MigrationGenerator {

    /**
     * The migrations, in the order they apply: an expand one, then (for most requests) the
     * contract one that finishes it.
     *
     * @param schema a connection to a database at the new migrations' parent revision; only read
     * @throws dev.stepwise.StepwiseException (bad input) when the request names what does not
     *                                        exist, or what the generator refuses, saying why
     */
    List<GeneratedMigration> generate(Connection schema, GeneratorRequest request) throws SQLException;
}
