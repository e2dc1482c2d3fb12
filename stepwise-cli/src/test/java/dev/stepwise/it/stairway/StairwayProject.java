package dev.stepwise.it.stairway;

import dev.stepwise.it.Cli;
import dev.stepwise.it.CliRun;
import dev.stepwise.it.MigrationText;
import dev.stepwise.it.Project;
import dev.stepwise.testing.TestPostgres;

import java.nio.file.Path;

/**
 * A project whose {@code stepwise test} runs on a throwaway database of the shared test server
 * (its {@code replay_url}), as it runs on the embedded default: no target URL is configured.
 * Its first migration makes {@code users}.
 */
final class StairwayProject {

    static final String USERS = "CREATE TABLE users (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,"
            + " name varchar(255) NOT NULL, created_at timestamptz NOT NULL DEFAULT now());";

    final Project project;
    final Cli cli;

    StairwayProject(Path dir, String moreConfig) {
        project = Project.in(dir);
        TestPostgres server = TestPostgres.server();
        project.config("replay_url = \"" + server.jdbcUrl("postgres") + "\"\nuser = \"" + server.user() + "\"\n"
                + moreConfig);
        cli = Cli.withoutDatabase(project);
    }

    StairwayProject(Path dir) {
        this(dir, "");
    }

    /** Adds the first migration, {@code a1}: the users table. */
    StairwayProject users() {
        project.add(MigrationText.of("a1", "none").up(USERS).down("DROP TABLE users;"));
        return this;
    }

    StairwayProject add(MigrationText migration) {
        project.add(migration);
        return this;
    }

    CliRun test(String... args) {
        String[] all = new String[args.length + 1];
        all[0] = "test";
        System.arraycopy(args, 0, all, 1, args.length);
        return cli.run(all);
    }
}
