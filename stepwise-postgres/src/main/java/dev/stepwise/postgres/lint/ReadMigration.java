package dev.stepwise.postgres.lint;

import dev.stepwise.postgres.parse.StatementParser;
import dev.stepwise.postgres.statement.PostgresStatementClassifier;
import dev.stepwise.source.Direction;
import dev.stepwise.source.SqlMigration;
import dev.stepwise.sql.SqlStatement;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * A migration's sections, split and parsed once for everything the linter does with it before it
 * runs: the catalog read names what the {@code +up} touches, the rules walk both sections, plan
 * explains the {@code +up}. Each of those used to read, split and parse the file again, which was
 * most of what the lint step in {@code upgrade} cost on a migration that needs no catalog read.
 *
 * <p>A section of a small file ({@link SqlMigration#heldWhenRead()}) with up to
 * {@value #HELD_STATEMENTS} statements is kept once read; any other (a data migration of many
 * {@code INSERT}s, long or short) is read from the file again on each walk, so that it is never
 * held in memory whole. A count alone would not do: 500 statements of 100 KB are 50 MB.
 */
final class ReadMigration {

    /** The most statements a section may have to be kept in memory once read. */
    static final int HELD_STATEMENTS = 2_000;

    private final SqlMigration migration;
    private final int serverMajorVersion;
    private final PostgresStatementClassifier classifier;
    private List<MigrationContext.Read> up;
    private List<MigrationContext.Read> down;

    private ReadMigration(SqlMigration migration, int serverMajorVersion) {
        this.migration = migration;
        this.serverMajorVersion = serverMajorVersion;
        this.classifier = new PostgresStatementClassifier(serverMajorVersion);
    }

    static ReadMigration of(SqlMigration migration, int serverMajorVersion) {
        return new ReadMigration(migration, serverMajorVersion);
    }

    SqlMigration migration() {
        return migration;
    }

    /** Whether this reads that migration for a server of that major version. */
    boolean reads(SqlMigration other, int version) {
        return migration == other && serverMajorVersion == version;
    }

    /** The section's statements with what each is, in file order. */
    synchronized Iterable<MigrationContext.Read> section(Direction direction) {
        List<MigrationContext.Read> held = direction == Direction.UP ? up : down;
        if (held != null) {
            return held;
        }
        if (migration.statementCount(direction) > HELD_STATEMENTS || !migration.heldWhenRead()) {
            return () -> parsing(migration.plan(direction, classifier).iterator());
        }
        List<MigrationContext.Read> read = new ArrayList<>(migration.statementCount(direction));
        parsing(migration.plan(direction, classifier).iterator()).forEachRemaining(read::add);
        List<MigrationContext.Read> kept = List.copyOf(read);
        if (direction == Direction.UP) {
            up = kept;
        } else {
            down = kept;
        }
        return kept;
    }

    private static Iterator<MigrationContext.Read> parsing(Iterator<SqlStatement> statements) {
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return statements.hasNext();
            }

            @Override
            public MigrationContext.Read next() {
                SqlStatement s = statements.next();
                return new MigrationContext.Read(s, StatementParser.parse(s.tokens()));
            }
        };
    }
}
