package dev.stepwise.postgres.diff;

import dev.stepwise.postgres.statement.PostgresIdentifiers;
import dev.stepwise.schema.ObjectName;

/** Quoting for the rendered statements: every name quoted, every text a literal. */
final class Sql {

    private Sql() {
    }

    static String name(ObjectName n) {
        return q(n.schema()) + "." + q(n.name());
    }

    static String q(String identifier) {
        return PostgresIdentifiers.quote(identifier);
    }

    static String literal(String text) {
        return PostgresIdentifiers.literal(text);
    }

    /**
     * A statement that cannot be made safely, with why as a comment and the lint allow that
     * accepts it, so a review sees the judgement and lint passes the file.
     */
    static String allowed(String rule, String reason, String statement) {
        return "-- stepwise:allow " + rule + " " + reason + "\n" + statement;
    }
}
