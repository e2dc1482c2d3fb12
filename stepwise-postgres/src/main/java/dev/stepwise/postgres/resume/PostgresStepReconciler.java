package dev.stepwise.postgres.resume;

import dev.stepwise.dialect.StepReconciler;
import dev.stepwise.postgres.statement.QualifiedName;
import dev.stepwise.postgres.statement.StatementTokens;
import dev.stepwise.sql.SqlStatement;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads back, from the catalog, what an interrupted or failed autocommit step left behind
 * (PRODUCT.md, "Database side"): a concurrent index build is done when its index is valid and is
 * built again after dropping an INVALID one; an interrupted {@code REINDEX CONCURRENTLY} leaves
 * {@code _ccnew}/{@code _ccold} indexes that are dropped before reindexing again; a pending
 * {@code DETACH PARTITION ... CONCURRENTLY} is finished with {@code FINALIZE}; an enum value that
 * is there is done. Statements that are harmless to repeat ({@code VACUUM}, {@code ALTER SYSTEM})
 * are run again.
 */
public final class PostgresStepReconciler implements StepReconciler {

    private final Connection connection;

    public PostgresStepReconciler(Connection connection) {
        this.connection = connection;
    }

    @Override
    public Reconciliation reconcile(SqlStatement statement) throws SQLException {
        StatementTokens t = new StatementTokens(statement.tokens());
        if (t.startsWith("CREATE", "INDEX") || t.startsWith("CREATE", "UNIQUE", "INDEX")) {
            return createIndex(t);
        }
        if (t.startsWith("DROP", "INDEX")) {
            return dropIndex(t);
        }
        if (t.startsWith("REINDEX")) {
            return reindex(t);
        }
        if (t.startsWith("ALTER", "TABLE") && t.topLevel("DETACH", 2) >= 0) {
            return detach(t);
        }
        if (t.startsWith("ALTER", "TYPE")) {
            return enumValue(t);
        }
        if (t.startsWith("VACUUM") || t.startsWith("ANALYZE") || t.startsWith("ALTER", "SYSTEM")
                || t.startsWith("CLUSTER") || t.startsWith("ALTER", "DATABASE")) {
            return Reconciliation.redo("repeating it is harmless");
        }
        if (t.startsWith("CREATE", "DATABASE") || t.startsWith("DROP", "DATABASE")) {
            return existence(t, "database", "SELECT 1 FROM pg_catalog.pg_database WHERE datname = ?");
        }
        if (t.startsWith("CREATE", "TABLESPACE") || t.startsWith("DROP", "TABLESPACE")) {
            return existence(t, "tablespace", "SELECT 1 FROM pg_catalog.pg_tablespace WHERE spcname = ?");
        }
        if (t.startsWith("CREATE", "SUBSCRIPTION") || t.startsWith("DROP", "SUBSCRIPTION")) {
            return existence(t, "subscription", "SELECT 1 FROM pg_catalog.pg_subscription WHERE subname = ?");
        }
        return Reconciliation.unknown("Stepwise cannot read back what this statement did");
    }

    /** {@code CREATE [UNIQUE] INDEX CONCURRENTLY [IF NOT EXISTS] name ON [ONLY] table ...}. */
    private Reconciliation createIndex(StatementTokens t) throws SQLException {
        int i = t.skip(t.skip(1, "UNIQUE"), "INDEX");
        i = t.skip(t.skip(i, "CONCURRENTLY"), "IF", "NOT", "EXISTS");
        if (t.is(i, "ON")) {
            return Reconciliation.unknown("the index has no name, so Stepwise cannot tell which index the build"
                    + " left; give concurrently built indexes a name");
        }
        QualifiedName index = t.nameAt(i);
        int on = t.skip(i + t.nameLength(i), "ON");
        QualifiedName table = t.nameAt(t.skip(on, "ONLY"));
        if (index == null || table == null) {
            return Reconciliation.unknown("Stepwise cannot read the index and table names of this statement");
        }
        String sql = "SELECT n.nspname, i.indisvalid FROM pg_catalog.pg_index i"
                + " JOIN pg_catalog.pg_class ic ON ic.oid = i.indexrelid"
                + " JOIN pg_catalog.pg_namespace n ON n.oid = ic.relnamespace"
                + " WHERE i.indrelid = to_regclass(?) AND ic.relname = ?";
        try (PreparedStatement s = connection.prepareStatement(sql)) {
            s.setString(1, table.sql());
            s.setString(2, index.name());
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    return Reconciliation.redo("index " + index.name() + " does not exist yet: building it");
                }
                if (rs.getBoolean(2)) {
                    return Reconciliation.done("index " + index.name() + " exists and is valid");
                }
                QualifiedName found = new QualifiedName(rs.getString(1), index.name());
                return Reconciliation.redo("index " + index.name() + " is INVALID (the build did not finish):"
                        + " dropping it concurrently and building it again",
                        "DROP INDEX CONCURRENTLY IF EXISTS " + found.sql());
            }
        }
    }

    /** {@code DROP INDEX CONCURRENTLY [IF EXISTS] name}: done when the index is gone. */
    private Reconciliation dropIndex(StatementTokens t) throws SQLException {
        int i = t.skip(t.skip(2, "CONCURRENTLY"), "IF", "EXISTS");
        QualifiedName index = t.nameAt(i);
        if (index == null) {
            return Reconciliation.unknown("Stepwise cannot read the index name of this statement");
        }
        boolean exists = exists("SELECT 1 FROM pg_catalog.pg_class WHERE oid = to_regclass(?) AND relkind IN ('i', 'I')",
                index.sql());
        return exists ? Reconciliation.redo("index " + index + " is still there: dropping it again")
                : Reconciliation.done("index " + index + " is gone");
    }

    /**
     * {@code REINDEX [(options)] INDEX|TABLE|SCHEMA|DATABASE|SYSTEM CONCURRENTLY name}: an
     * interrupted concurrent reindex leaves INVALID {@code <index>_ccnew} (the new copy) or
     * {@code <index>_ccold} (the old one, already swapped out) indexes; drop them, then reindex
     * again, which is harmless when it had finished.
     */
    private Reconciliation reindex(StatementTokens t) throws SQLException {
        if (!t.containsWord("CONCURRENTLY")) {
            return Reconciliation.redo("repeating it is harmless");
        }
        int i = 1;
        if (t.raw(1).equals("(")) {
            while (i < t.size() && !t.raw(i).equals(")")) {
                i++;
            }
            i++;
        }
        String scope = t.word(i);
        QualifiedName target = t.nameAt(t.skip(i + 1, "CONCURRENTLY"));
        String where = switch (scope) {
            case "INDEX" -> "i.indrelid = (SELECT indrelid FROM pg_catalog.pg_index WHERE indexrelid = to_regclass(?))";
            case "TABLE" -> "i.indrelid = to_regclass(?)";
            case "SCHEMA" -> "ic.relnamespace = (SELECT oid FROM pg_catalog.pg_namespace WHERE nspname = ?)";
            default -> "? IS NOT NULL";
        };
        String parameter = target == null ? "" : scope.equals("SCHEMA") ? target.name() : target.sql();
        List<String> drops = new ArrayList<>();
        String sql = "SELECT n.nspname, ic.relname FROM pg_catalog.pg_index i"
                + " JOIN pg_catalog.pg_class ic ON ic.oid = i.indexrelid"
                + " JOIN pg_catalog.pg_namespace n ON n.oid = ic.relnamespace"
                + " WHERE NOT i.indisvalid AND ic.relname ~ '_cc(new|old)[0-9]*$' AND " + where
                + " ORDER BY 1, 2";
        try (PreparedStatement s = connection.prepareStatement(sql)) {
            s.setString(1, parameter);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    drops.add("DROP INDEX CONCURRENTLY IF EXISTS " + new QualifiedName(rs.getString(1), rs.getString(2)).sql());
                }
            }
        }
        return drops.isEmpty() ? Reconciliation.redo("no leftovers of an interrupted reindex: reindexing again")
                : Reconciliation.redo(drops.size() + " leftover _ccnew/_ccold index(es) of the interrupted reindex:"
                + " dropping them concurrently and reindexing again", drops.toArray(String[]::new));
    }

    /** {@code ALTER TABLE parent DETACH PARTITION part CONCURRENTLY}. */
    private Reconciliation detach(StatementTokens t) throws SQLException {
        int i = t.skip(t.skip(2, "IF", "EXISTS"), "ONLY");
        QualifiedName parent = t.nameAt(i);
        int detach = t.topLevel("DETACH", i);
        QualifiedName partition = t.nameAt(detach + 2);
        if (parent == null || partition == null) {
            return Reconciliation.unknown("Stepwise cannot read the table names of this statement");
        }
        String sql = "SELECT inhdetachpending FROM pg_catalog.pg_inherits"
                + " WHERE inhrelid = to_regclass(?) AND inhparent = to_regclass(?)";
        try (PreparedStatement s = connection.prepareStatement(sql)) {
            s.setString(1, partition.sql());
            s.setString(2, parent.sql());
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    return Reconciliation.done(partition + " is detached from " + parent);
                }
                if (rs.getBoolean(1)) {
                    return Reconciliation.finish("the detach of " + partition + " is pending: finishing it",
                            "ALTER TABLE " + parent.sql() + " DETACH PARTITION " + partition.sql() + " FINALIZE");
                }
                return Reconciliation.redo(partition + " is still attached to " + parent + ": detaching it");
            }
        }
    }

    /** {@code ALTER TYPE name ADD VALUE [IF NOT EXISTS] 'label'}: done when the label is there. */
    private Reconciliation enumValue(StatementTokens t) throws SQLException {
        QualifiedName type = t.nameAt(2);
        int add = 2 + t.nameLength(2);
        String label = t.stringValue(t.skip(add + 2, "IF", "NOT", "EXISTS"));
        if (type == null || label == null || !t.isSequence(add, "ADD", "VALUE")) {
            return Reconciliation.unknown("Stepwise cannot read the type and label of this statement");
        }
        boolean present = exists("SELECT 1 FROM pg_catalog.pg_enum WHERE enumtypid = to_regtype(?) AND enumlabel = ?",
                type.sql(), label);
        return present ? Reconciliation.done("enum value '" + label + "' of " + type + " is there")
                : Reconciliation.redo("enum value '" + label + "' of " + type + " is not there yet: adding it");
    }

    /** {@code CREATE|DROP DATABASE|TABLESPACE|SUBSCRIPTION [IF [NOT] EXISTS] name}. */
    private Reconciliation existence(StatementTokens t, String kind, String query) throws SQLException {
        boolean create = t.is(0, "CREATE");
        int i = create ? t.skip(2, "IF", "NOT", "EXISTS") : t.skip(2, "IF", "EXISTS");
        QualifiedName name = t.nameAt(i);
        if (name == null) {
            return Reconciliation.unknown("Stepwise cannot read the " + kind + " name of this statement");
        }
        boolean exists = exists(query, name.name());
        if (create == exists) {
            return Reconciliation.done(kind + " " + name.name() + (exists ? " exists" : " is gone"));
        }
        return Reconciliation.redo(kind + " " + name.name() + (exists ? " is still there" : " does not exist yet"));
    }

    private boolean exists(String query, String... parameters) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement(query)) {
            for (int i = 0; i < parameters.length; i++) {
                s.setString(i + 1, parameters[i]);
            }
            try (ResultSet rs = s.executeQuery()) {
                return rs.next();
            }
        }
    }
}
