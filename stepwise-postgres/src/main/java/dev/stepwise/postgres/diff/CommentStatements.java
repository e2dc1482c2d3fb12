package dev.stepwise.postgres.diff;

import dev.stepwise.diff.SetComment;
import dev.stepwise.schema.Comment;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import static dev.stepwise.postgres.diff.Sql.q;

/**
 * {@code COMMENT ON} for a comment the introspector read, from the object's address
 * ({@code pg_identify_object_as_address}): its kind, names and arguments.
 */
final class CommentStatements {

    private CommentStatements() {
    }

    static List<String> render(SetComment change) {
        Comment c = change.comment();
        String text = change.text() == null ? "NULL" : Sql.literal(change.text());
        return List.of("COMMENT ON " + target(c) + " IS " + text);
    }

    private static String target(Comment c) {
        List<String> n = c.names();
        String kind = c.objectKind();
        switch (kind) {
            case "table column", "view column", "materialized view column", "foreign table column":
                return "COLUMN " + dotted(n);
            case "table constraint":
                return "CONSTRAINT " + q(n.get(n.size() - 1)) + " ON " + dotted(n.subList(0, n.size() - 1));
            case "domain constraint":
                // its address names the domain as a type (printed, quoted already), then the constraint
                return "CONSTRAINT " + q(n.get(n.size() - 1)) + " ON DOMAIN " + n.get(0);
            case "type", "domain":
                return kind.toUpperCase(Locale.ROOT) + " " + n.get(0);
            case "trigger", "rule", "policy":
                return kind.toUpperCase(Locale.ROOT) + " " + q(n.get(n.size() - 1)) + " ON "
                        + dotted(n.subList(0, n.size() - 1));
            case "function", "procedure", "aggregate":
                // the arguments are types as PostgreSQL prints them
                return kind.toUpperCase(Locale.ROOT) + " " + dotted(n) + "(" + String.join(", ", c.arguments()) + ")";
            default:
                // table, view, materialized view, index, sequence, type, domain, schema, extension...
                return kind.toUpperCase(Locale.ROOT) + " " + dotted(n);
        }
    }

    private static String dotted(List<String> names) {
        return names.stream().map(Sql::q).collect(Collectors.joining("."));
    }
}
