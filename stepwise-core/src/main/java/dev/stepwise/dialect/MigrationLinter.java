package dev.stepwise.dialect;

import dev.stepwise.lint.LinterReport;
import dev.stepwise.lint.RuleInfo;
import dev.stepwise.lint.SchemaFacts;
import dev.stepwise.lint.TablesNamed;
import dev.stepwise.source.SqlMigration;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * The product's lint rules: what each statement of a migration will really do on this database
 * (locks, rewrites, scans, what running code trips on), and whether its {@code +down} undoes it.
 */
public interface MigrationLinter {

    /** Every rule, in one list. */
    List<RuleInfo> rules();

    /**
     * Lints both sections of a migration: the {@code +up} against the facts of the database
     * before it, the {@code +down} against what the {@code +up} leaves. Findings come at the
     * rules' own severities, before any {@code allow} or configured severity applies, with the
     * allow directives above the statements and the verdict on the down.
     */
    LinterReport lint(SqlMigration migration, SchemaFacts facts);

    /**
     * What each statement of the migration's {@code +up} does, in plan order: the lock it takes,
     * on which table, the work under it and its rough duration, for {@code plan}.
     */
    List<dev.stepwise.lint.StatementImpact> explain(SqlMigration migration, SchemaFacts facts);

    /**
     * The tables the migration's {@code +up} creates, changes, indexes, fills or drops, and those
     * it only locks or reads: a later migration naming one it changes depends on it.
     */
    TablesNamed tablesNamed(SqlMigration migration);

    /**
     * What the catalog on this connection says about everything the migration's {@code +up}
     * names: one round trip, none when it names nothing that existed before it.
     *
     * @param withSizes whether to read the tables' sizes (on the target, not on a replay database)
     */
    SchemaFacts catalogFacts(Connection connection, SqlMigration migration, boolean withSizes) throws SQLException;
}
