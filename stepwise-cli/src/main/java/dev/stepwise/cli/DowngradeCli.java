package dev.stepwise.cli;

import dev.stepwise.Stepwise;
import dev.stepwise.command.RunResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.StringWriter;

/** {@code downgrade TARGET}: revert applied migrations down to TARGET. */
@Command(name = "downgrade", description = "Revert migrations down to TARGET.")
final class DowngradeCli extends ApiCommand {

    @Parameters(index = "0", paramLabel = "TARGET",
            description = "-N, a revision or prefix, REV-N, base; with --sql a range FROM:TO (e.g. head:base).")
    String target;

    @Option(names = "--sql", description = "Print the SQL script instead of running it (no database needed).")
    boolean sql;

    @Option(names = "--target-version", paramLabel = "N", description = "With --sql: the PostgreSQL major version to write for.")
    int targetVersion;

    @picocli.CommandLine.Mixin
    RunTimeoutOptions timeouts;

    @Override
    int run(Session session, Stepwise stepwise) {
        if (sql) {
            StringWriter script = new StringWriter();
            stepwise.downgradeSql(target, targetVersion, script);
            session.settings.out.print(script);
            return Failures.OK;
        }
        RunResult result = stepwise.downgrade(target);
        RunOutput.print(session, result, "downgrade");
        return Failures.OK;
    }
}
