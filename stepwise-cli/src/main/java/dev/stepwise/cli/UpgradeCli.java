package dev.stepwise.cli;

import dev.stepwise.Stepwise;
import dev.stepwise.command.RunResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.StringWriter;

/** {@code upgrade [TARGET]}: apply pending migrations (default: head). */
@Command(name = "upgrade", description = "Apply migrations up to TARGET (default head).")
final class UpgradeCli extends ApiCommand {

    @Parameters(index = "0", arity = "0..1", paramLabel = "TARGET",
            description = "head (default), heads, a revision or prefix, label@head, +N, REV+N; with --sql also FROM:TO.")
    String target = "head";

    @Option(names = "--sql", description = "Print the SQL script instead of running it (no database needed).")
    boolean sql;

    @Option(names = "--target-version", paramLabel = "N", description = "With --sql: the PostgreSQL major version to write for.")
    int targetVersion;

    @Option(names = "--phase", paramLabel = "PHASE",
            description = "expand: apply only what is safe before the code deploy (no contract migration, nothing after one).")
    String phase;

    @Option(names = "--force-contract",
            description = "Apply contract migrations the contract gate holds back (recorded as unsafe-forced).")
    boolean forceContract;

    @Option(names = "--unsafe",
            description = "Apply migrations that lint finds errors in (each recorded as unsafe-forced).")
    boolean unsafe;

    @Option(names = "--no-lint",
            description = "Do not lint each migration before running it (when CI ran `stepwise lint` on these files).")
    boolean noLint;

    @picocli.CommandLine.Mixin
    RunTimeoutOptions timeouts;

    @Override
    int run(Session session, Stepwise stepwise) {
        if (sql) {
            StringWriter script = new StringWriter();
            stepwise.upgradeSql(target, targetVersion, script);
            session.settings.out.print(script);
            return Failures.OK;
        }
        if (target.contains(":")) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "a range FROM:TO is only for --sql; give one TARGET");
        }
        if (phase != null && !phase.equals("expand")) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "--phase takes expand (the contract phase is what plain `upgrade` adds), not '" + phase + "'");
        }
        RunResult result = stepwise.upgrade(target, new dev.stepwise.command.UpgradeCommand.Options(phase != null,
                forceContract, unsafe, noLint));
        RunOutput.print(session, result, "upgrade");
        return Failures.OK;
    }
}
