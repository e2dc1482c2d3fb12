package dev.stepwise.junit;

import dev.stepwise.StepwiseException;
import dev.stepwise.dialect.ConnectionSpec;
import dev.stepwise.junit.server.EmbeddedTestServer;
import dev.stepwise.junit.server.ServerEndpoint;
import dev.stepwise.postgres.PostgresDialect;

import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Which server a test class's database goes on: the URL the annotation gives, else the one the
 * system property or environment variable gives (so a CI job can run the same tests against the
 * production major version without changing them), else the embedded server, shared or the
 * class's own.
 *
 * @param url the server's URL for {@link Kind#GIVEN_URL}, else null
 */
record ServerChoice(Kind kind, String url) {

    /** Where the database is created. */
    enum Kind { SHARED_EMBEDDED, FRESH_EMBEDDED, GIVEN_URL }

    /** A server to create databases on, and what to do once the class is done with it. */
    record Lease(ServerEndpoint endpoint, AutoCloseable release) {
    }

    static ServerChoice of(StepwiseTest settings, UnaryOperator<String> systemProperties, Map<String, String> environment) {
        if (!settings.url().isBlank()) {
            if (settings.freshServer()) {
                throw new StepwiseException(StepwiseException.Category.BAD_INPUT,
                        "@StepwiseTest takes url or freshServer = true, not both: a fresh server is an embedded one");
            }
            return new ServerChoice(Kind.GIVEN_URL, settings.url());
        }
        // a class that asked for a server of its own gets one even where a shared URL is configured
        if (settings.freshServer()) {
            return new ServerChoice(Kind.FRESH_EMBEDDED, null);
        }
        String configured = systemProperties.apply(StepwiseExtension.URL_PROPERTY);
        if (configured == null || configured.isBlank()) {
            configured = environment.get(StepwiseExtension.URL_VARIABLE);
        }
        if (configured != null && !configured.isBlank()) {
            return new ServerChoice(Kind.GIVEN_URL, configured);
        }
        return new ServerChoice(Kind.SHARED_EMBEDDED, null);
    }

    /** Starts, joins or names the server. */
    Lease lease() {
        switch (kind) {
            case SHARED_EMBEDDED:
                return new Lease(EmbeddedTestServer.shared().endpoint(), () -> { });
            case FRESH_EMBEDDED:
                EmbeddedTestServer own = EmbeddedTestServer.start();
                return new Lease(own.endpoint(), own);
            default:
                ConnectionSpec spec = new PostgresDialect().parseUrl(url);
                return new Lease(new ServerEndpoint(spec.jdbcUrl(), spec.user(), spec.password()), () -> { });
        }
    }

    @Override
    public String toString() {
        // the URL may carry a password
        return "ServerChoice[" + kind + "]";
    }
}
