package dev.stepwise.reliability.input;

import dev.stepwise.postgres.statement.PostgresStatementClassifier;
import dev.stepwise.source.Direction;
import dev.stepwise.source.Migration;
import dev.stepwise.source.MigrationCatalog;
import dev.stepwise.source.MigrationFileException;
import dev.stepwise.source.MigrationHeader;
import dev.stepwise.source.SqlMigration;
import dev.stepwise.sql.Directive;
import dev.stepwise.sql.SqlStatement;
import dev.stepwise.sql.StatementClassifier;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What reading one migration file gives, the way every command reads it: the catalog loads and
 * checks the directory (bytes read once, hashed, parsed), then each plan pass reads the file again
 * from disk. The result is the file's whole plan, or the bad-input error it was refused with.
 */
sealed interface MigrationReading {

    StatementClassifier CLASSIFIER = new PostgresStatementClassifier(17);

    /** Read and checked: everything a run would take from the file. */
    record Planned(MigrationHeader header, String checksum, List<Directive> migrationDirectives,
                   List<SqlStatement> up, List<SqlStatement> down) implements MigrationReading {
    }

    /** Refused with the file-format error (exit 2) that names file and line. */
    record Refused(MigrationFileException error) implements MigrationReading {
    }

    /**
     * Reads the only migration file of {@code directory}. Anything but a {@link MigrationFileException}
     * propagates: to the scenario it is a failure.
     */
    static MigrationReading of(Path directory) {
        SqlMigration migration;
        try {
            List<Migration> all = MigrationCatalog.load(directory).migrations();
            if (all.size() != 1) {
                throw new IllegalStateException(directory + " should hold one migration, not " + all.size());
            }
            migration = (SqlMigration) all.get(0);
        } catch (MigrationFileException e) {
            return new Refused(e);
        }
        // Loading checked the whole file, so its plan passes must read it without an error.
        Planned first = planned(migration);
        Planned second = planned(migration);
        if (!first.equals(second)) {
            throw new IllegalStateException("a second pass over the plan read the file differently: "
                    + PlanDifference.between(first, second));
        }
        for (Direction d : Direction.values()) {
            int counted = migration.statementCount(d);
            int passed = (d == Direction.UP ? first.up() : first.down()).size();
            if (counted != passed) {
                throw new IllegalStateException("loading counted " + counted + " " + d.keyword()
                        + " statements, the plan pass " + passed);
            }
        }
        return first;
    }

    private static Planned planned(SqlMigration migration) {
        return new Planned(migration.header(), migration.checksum(), migration.migrationDirectives(),
                statements(migration, Direction.UP), statements(migration, Direction.DOWN));
    }

    private static List<SqlStatement> statements(SqlMigration migration, Direction direction) {
        List<SqlStatement> statements = new ArrayList<>();
        migration.plan(direction, CLASSIFIER).forEach(statements::add);
        return statements;
    }
}
