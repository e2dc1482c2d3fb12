package dev.stepwise.postgres.parse;

import dev.stepwise.postgres.statement.QualifiedName;

import java.util.List;

/**
 * What a migration statement does, as far as the linter needs to know: the kinds of statement
 * whose locks, rewrites, scans and effects on running code it judges. Every other statement is
 * {@link Other}. Positions are token indexes into the statement, for pointing at the part a
 * finding is about.
 */
public sealed interface ParsedStatement {

    record CreateTable(QualifiedName table, List<ColumnDef> columns, List<TableConstraint> constraints,
                       QualifiedName partitionOf, boolean asQuery) implements ParsedStatement {
    }

    /** @param name null when the statement lets PostgreSQL choose one */
    /** @param parentOnly {@code ON ONLY}: on a partitioned table, an index of the parent alone, which builds nothing */
    record CreateIndex(String name, QualifiedName table, boolean unique, boolean concurrently, boolean parentOnly, int at)
            implements ParsedStatement {
    }

    record DropIndex(List<QualifiedName> indexes, boolean concurrently, int at) implements ParsedStatement {
    }

    /** @param scope INDEX, TABLE, SCHEMA, DATABASE or SYSTEM */
    record Reindex(String scope, QualifiedName target, boolean concurrently, int at) implements ParsedStatement {
    }

    record AlterTable(QualifiedName table, List<AlterAction> actions) implements ParsedStatement {
    }

    record DropTable(List<QualifiedName> tables, int at) implements ParsedStatement {
    }

    /** {@code DROP [MATERIALIZED] VIEW}. */
    record DropView(List<QualifiedName> views, int at) implements ParsedStatement {
    }

    record Truncate(List<QualifiedName> tables, boolean cascade, int at) implements ParsedStatement {
    }

    record Vacuum(boolean full, List<QualifiedName> tables, int at) implements ParsedStatement {
    }

    record Cluster(QualifiedName table, int at) implements ParsedStatement {
    }

    record RefreshMaterializedView(QualifiedName view, boolean concurrently, int at) implements ParsedStatement {
    }

    /** An UPDATE or DELETE of one table. */
    record DataChange(String verb, QualifiedName table, boolean hasWhere, int at) implements ParsedStatement {
    }

    record RenameEnumValue(QualifiedName type, String from, String to, int at) implements ParsedStatement {
    }

    record DropType(List<QualifiedName> types, int at) implements ParsedStatement {
    }

    /** {@code CREATE TRIGGER ... ON table} or {@code DROP TRIGGER ... ON table}. */
    record Trigger(boolean create, QualifiedName table) implements ParsedStatement {
    }

    /** {@code CREATE TYPE name AS ENUM (...)}, with its labels in order. */
    record CreateEnum(QualifiedName type, List<String> labels) implements ParsedStatement {
    }

    /** {@code CREATE [OR REPLACE] [MATERIALIZED] VIEW name ...}. */
    record CreateView(QualifiedName view, boolean materialized) implements ParsedStatement {
    }

    /** {@code INSERT INTO table ...}, for telling a +down's DELETE of what the +up inserted. */
    record Insert(QualifiedName table) implements ParsedStatement {
    }

    /** {@code CREATE [OR REPLACE] FUNCTION}: its name and declared volatility, for defaults that call it. */
    record CreateFunction(QualifiedName function, String volatility) implements ParsedStatement {
    }

    record Other(String keyword) implements ParsedStatement {
    }

    /** One subcommand of an {@code ALTER TABLE}; {@code at} is the index of its first token. */
    sealed interface AlterAction {
        int at();
    }

    record AddColumn(ColumnDef column, int at) implements AlterAction {
    }

    record DropColumn(String column, int at) implements AlterAction {
    }

    /** @param using the {@code USING} expression's tokens, empty when none */
    record AlterColumnType(String column, PgType type, List<String> using, int at) implements AlterAction {
    }

    record SetNotNull(String column, int at) implements AlterAction {
    }

    record DropNotNull(String column, int at) implements AlterAction {
    }

    record SetDefault(String column, List<String> expression, int at) implements AlterAction {
    }

    record AddConstraint(TableConstraint constraint, boolean notValid, int at) implements AlterAction {
    }

    record ValidateConstraint(String name, int at) implements AlterAction {
    }

    record DropConstraint(String name, int at) implements AlterAction {
    }

    record RenameColumn(String from, String to, int at) implements AlterAction {
    }

    record RenameTable(String to, int at) implements AlterAction {
    }

    /** SET TABLESPACE, SET LOGGED, SET UNLOGGED: rewrites the table. */
    record Rewrite(String what, int at) implements AlterAction {
    }

    record AttachPartition(QualifiedName partition, int at) implements AlterAction {
    }

    record DetachPartition(QualifiedName partition, boolean concurrently, int at) implements AlterAction {
    }

    record OtherAction(String words, int at) implements AlterAction {
    }

    /**
     * A column as a table definition or {@code ADD COLUMN} declares it.
     *
     * @param type            null for a column of a {@code CREATE TABLE ... AS}
     * @param defaultValue    the default expression's tokens, or null
     * @param identity        ALWAYS or BY DEFAULT for an identity column, else null
     * @param generatedStored the expression of a stored generated column, or null
     * @param references      the table a column-level {@code REFERENCES} names, or null
     * @param check           a column-level {@code CHECK}'s expression, or null
     */
    record ColumnDef(String name, PgType type, boolean notNull, List<String> defaultValue, String identity,
                     List<String> generatedStored, boolean primaryKey, boolean unique, References references,
                     List<String> check) {
    }

    /** A table constraint (or {@code ADD CONSTRAINT}'s). */
    record TableConstraint(String name, Kind kind, List<String> columns, References references, List<String> check,
                           String usingIndex) {

        public enum Kind { CHECK, UNIQUE, PRIMARY_KEY, FOREIGN_KEY, EXCLUDE }
    }

    record References(QualifiedName table, List<String> columns) {
    }
}
