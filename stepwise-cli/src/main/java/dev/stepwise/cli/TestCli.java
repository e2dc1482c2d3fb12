package dev.stepwise.cli;

import dev.stepwise.Stepwise;
import dev.stepwise.command.TestCommand;
import dev.stepwise.stairway.StairwayReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/** {@code test}: the stairway test of every migration; exit 1 when one fails. */
@Command(name = "test", description = {"Walk every migration from base to head, every branch, on a throwaway"
        + " database: up one step, down, up again, comparing the schema after each leg.",
        "With --rows or --seed, the rows are checked to survive and each up is watched for locks against the"
        + " [checklist] budgets of stepwise.toml. Lint findings are listed, never refused; the contract gate"
        + " does not apply. --format text (default), json or markdown (for a pull request)."})
final class TestCli extends ApiCommand {

    @Option(names = "--seed", paramLabel = "FILE",
            description = "SQL statements of rows; each runs as soon as the migrations have made what it names.")
    Path seed;

    @Option(names = "--rows", paramLabel = "N",
            description = "Rows to generate from the column types in each table a migration creates.")
    long rows;

    @Option(names = "--rows-seed", paramLabel = "SEED",
            description = "The seed of the generated rows (default: a random one, printed).")
    Long rowsSeed;

    @Override
    int run(Session session, Stepwise stepwise) {
        // read against -C DIR, printed as the user wrote it
        Path file = seed == null ? null : session.settings.directory.resolve(seed).toAbsolutePath();
        StairwayReport report = stepwise.test(new TestCommand.Request(file, seed == null ? null : seed.toString(),
                rows, rowsSeed));
        if (session.json()) {
            session.printJson(report);
        } else if (session.settings.format == GlobalSettings.Format.MARKDOWN) {
            TestReportMarkdown.render(report).forEach(session::println);
        } else {
            TestReportText.render(report).forEach(session::println);
        }
        return report.passed() ? Failures.OK : Failures.FAILED;
    }
}
