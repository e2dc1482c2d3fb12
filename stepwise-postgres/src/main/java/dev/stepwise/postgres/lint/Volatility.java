package dev.stepwise.postgres.lint;

import dev.stepwise.postgres.statement.QualifiedName;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Whether an expression calls a volatile function, which gives every row its own value:
 * PostgreSQL's own volatile built-ins are known here; others are asked of the catalog (or of the
 * migration's own {@code CREATE FUNCTION}). A function neither knows (offline, say) is not
 * counted: the linter stays quiet rather than guess.
 */
public final class Volatility {

    private static final Set<String> VOLATILE_BUILTINS = Set.of("random", "random_normal", "clock_timestamp",
            "timeofday", "gen_random_uuid", "uuid_generate_v1", "uuid_generate_v1mc", "uuid_generate_v4",
            "uuidv4", "uuidv7", "nextval", "setval", "txid_current", "pg_current_xact_id", "gen_random_bytes");
    private Volatility() {
    }

    /** The first volatile function the expression calls, or null when it calls none. */
    public static String volatileCall(StatementContext ctx, List<String> expression) {
        for (int i = 0; i + 1 < expression.size(); i++) {
            String token = expression.get(i);
            if (!expression.get(i + 1).equals("(") || !isName(token)) {
                continue;
            }
            boolean qualified = i > 0 && expression.get(i - 1).equals(".");
            String schema = qualified && i > 1 ? QualifiedName.identifier(expression.get(i - 2)) : null;
            String name = QualifiedName.identifier(token);
            if (VOLATILE_BUILTINS.contains(name)) {
                return name;
            }
            Character declared = ctx.state().functionVolatility(name);
            if (declared == null) {
                declared = ctx.facts().functionVolatility(schema, name).orElse(null);
            }
            if (declared != null && declared == 'v') {
                return name;
            }
        }
        return null;
    }

    private static boolean isName(String token) {
        return !token.isEmpty() && (Character.isLetter(token.charAt(0)) || token.charAt(0) == '_'
                || token.charAt(0) == '"') && !token.toUpperCase(Locale.ROOT).equals("ARRAY");
    }
}
