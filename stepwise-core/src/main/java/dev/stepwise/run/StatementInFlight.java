package dev.stepwise.run;

import dev.stepwise.source.Migration;
import dev.stepwise.sql.SqlStatement;

/**
 * The statement of a migration that runs now (or ran last), so a failure or a lock retry can
 * name it with its file and line.
 */
final class StatementInFlight implements LockTimeoutRetry.Culprit {

    private final Migration migration;
    private SqlStatement statement;
    private String javaMethod;

    StatementInFlight(Migration migration) {
        this.migration = migration;
    }

    void set(SqlStatement current) {
        this.statement = current;
    }

    void setJava(String method) {
        this.javaMethod = method;
    }

    /** The SQL statement running now, or null between statements and in Java-coded migrations. */
    SqlStatement current() {
        return statement;
    }

    @Override
    public String revision() {
        return migration.revision();
    }

    @Override
    public String where() {
        if (statement != null) {
            return migration.origin() + ":" + statement.line();
        }
        return javaMethod != null ? migration.origin() + "." + javaMethod : migration.origin();
    }

    @Override
    public String statement() {
        String text = statement != null ? statement.sql() : javaMethod != null ? javaMethod : "(recording the revision)";
        return oneLine(text);
    }

    static String oneLine(String sql) {
        String text = sql.strip().replaceAll("\\s+", " ");
        return text.length() <= 100 ? text : text.substring(0, 97) + "...";
    }
}
