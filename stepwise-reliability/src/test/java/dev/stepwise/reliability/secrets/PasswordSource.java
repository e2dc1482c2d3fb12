package dev.stepwise.reliability.secrets;

import java.util.List;
import java.util.Map;

/**
 * Every way a password reaches Stepwise (docs/configuration.md: a flag, an environment variable,
 * {@code stepwise.toml}, or inside the URL, as libpq user-info or as a {@code password=}
 * parameter, the URL itself given by flag, environment or file). There is no indirection such as
 * a {@code password_env} key to cover: the configuration has none.
 *
 * <p>Each source also names the replay server ({@code replay_url}: lint, plan, check, test and
 * autogenerate replay migrations there) the way a user of that source would, so the password
 * travels that road too: without credentials where the password is given on its own (the replay
 * takes {@code password}), with them where it lives in the URL.
 */
enum PasswordSource {

    PASSWORD_FLAG("--password flag") {
        @Override
        Given give(Target t, Secret p) {
            return new Given(List.of("--url", t.jdbc(), "--user", PasswordServer.ROLE, "--password", p.plain()),
                    Map.of("STEPWISE_REPLAY_URL", t.replay().jdbc()), List.of(), t.jdbc());
        }
    },
    PASSWORD_ENV("STEPWISE_PASSWORD") {
        @Override
        Given give(Target t, Secret p) {
            return new Given(List.of(), Map.of("STEPWISE_URL", t.jdbc(), "STEPWISE_USER", PasswordServer.ROLE,
                    "STEPWISE_PASSWORD", p.plain(), "STEPWISE_REPLAY_URL", t.replay().jdbc()), List.of(), t.jdbc());
        }
    },
    PASSWORD_TOML("stepwise.toml password") {
        @Override
        Given give(Target t, Secret p) {
            return new Given(List.of(), Map.of(), List.of("url = " + tomlString(t.jdbc()), "user = " + tomlString(PasswordServer.ROLE),
                    "password = " + tomlString(p.plain()), "replay_url = " + tomlString(t.replay().jdbc())), t.jdbc());
        }
    },
    USERINFO_URL_FLAG("--url postgresql://app:PASSWORD@...") {
        @Override
        Given give(Target t, Secret p) {
            return new Given(List.of("--url", t.libpqUserInfo(p)),
                    Map.of("STEPWISE_REPLAY_URL", t.replay().libpqUserInfo(p)), List.of(), t.libpqUserInfo(p));
        }
    },
    USERINFO_URL_ENV("STEPWISE_URL=postgresql://app:PASSWORD@...") {
        @Override
        Given give(Target t, Secret p) {
            return new Given(List.of(), Map.of("STEPWISE_URL", t.libpqUserInfo(p),
                    "STEPWISE_REPLAY_URL", t.replay().libpqUserInfo(p)), List.of(), t.libpqUserInfo(p));
        }
    },
    USERINFO_URL_TOML("stepwise.toml url = postgresql://app:PASSWORD@...") {
        @Override
        Given give(Target t, Secret p) {
            return new Given(List.of(), Map.of(), List.of("url = " + tomlString(t.libpqUserInfo(p)),
                    "replay_url = " + tomlString(t.replay().libpqUserInfo(p))), t.libpqUserInfo(p));
        }
    },
    QUERY_JDBC_URL_FLAG("--url jdbc:postgresql://...?password=PASSWORD") {
        @Override
        Given give(Target t, Secret p) {
            return new Given(List.of("--url", t.jdbcQuery(p)), Map.of("STEPWISE_REPLAY_URL", t.replay().jdbcQuery(p)),
                    List.of(), t.jdbcQuery(p));
        }
    },
    QUERY_JDBC_URL_ENV("STEPWISE_URL=jdbc:postgresql://...?password=PASSWORD") {
        @Override
        Given give(Target t, Secret p) {
            return new Given(List.of(), Map.of("STEPWISE_URL", t.jdbcQuery(p), "STEPWISE_REPLAY_URL", t.replay().jdbcQuery(p)),
                    List.of(), t.jdbcQuery(p));
        }
    },
    QUERY_LIBPQ_URL_TOML("stepwise.toml url = postgresql://...?password=PASSWORD") {
        @Override
        Given give(Target t, Secret p) {
            return new Given(List.of(), Map.of(), List.of("url = " + tomlString(t.libpqQuery(p)),
                    "replay_url = " + tomlString(t.replay().libpqQuery(p))), t.libpqQuery(p));
        }
    };

    private final String label;

    PasswordSource(String label) {
        this.label = label;
    }

    /** How a user of this source points Stepwise at the target with this password. */
    abstract Given give(Target target, Secret password);

    /** Whether the source is {@code stepwise.toml}, which a config-error trial then breaks. */
    boolean inToml() {
        return name().endsWith("_TOML");
    }

    @Override
    public String toString() {
        return label;
    }

    /**
     * What a command line is given: global options, environment variables, lines of
     * {@code stepwise.toml}, and the URL the user would type for {@code diff --from}.
     */
    record Given(List<String> args, Map<String, String> env, List<String> toml, String liveUrl) {

        /** Whether the password travels inside a URL here. */
        boolean inUrl(Secret p) {
            return liveUrl.contains(p.percentEncoded());
        }

        /** The same, with the password written into the URLs as typed, not percent-encoded: a user's mistake. */
        Given unencoded(Secret p) {
            String encoded = p.percentEncoded();
            java.util.Map<String, String> env = new java.util.HashMap<>();
            this.env.forEach((k, v) -> env.put(k, v.replace(encoded, p.plain())));
            String inToml = tomlString(p.plain());
            return new Given(args.stream().map(a -> a.replace(encoded, p.plain())).toList(), env,
                    toml.stream().map(l -> l.replace(encoded, inToml.substring(1, inToml.length() - 1))).toList(),
                    liveUrl.replace(encoded, p.plain()));
        }
    }

    /** The database a source points at, and the server's {@code postgres} database lint replays on. */
    record Target(String host, int port, String database) {

        /** The same server's {@code postgres} database, where replays create their scratch databases. */
        Target replay() {
            return new Target(host, port, "postgres");
        }

        String jdbc() {
            return "jdbc:postgresql://" + host + ":" + port + "/" + database;
        }

        String jdbcQuery(Secret p) {
            return jdbc() + "?user=" + PasswordServer.ROLE + "&password=" + p.percentEncoded();
        }

        String libpqUserInfo(Secret p) {
            return "postgresql://" + PasswordServer.ROLE + ":" + p.percentEncoded() + "@" + host + ":" + port + "/" + database;
        }

        String libpqQuery(Secret p) {
            return "postgresql://" + host + ":" + port + "/" + database + "?user=" + PasswordServer.ROLE
                    + "&password=" + p.percentEncoded();
        }
    }

    /** A TOML basic string. */
    static String tomlString(String value) {
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
