package dev.stepwise.cli;

import dev.stepwise.Stepwise;
import dev.stepwise.cli.lint.FindingPaths;
import dev.stepwise.cli.lint.GithubAnnotations;
import dev.stepwise.cli.lint.JsonFindings;
import dev.stepwise.cli.lint.SarifReport;
import dev.stepwise.cli.lint.TextFindings;
import dev.stepwise.command.LintCommand;
import dev.stepwise.lint.RuleInfo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** {@code lint [FILES|DIR]}: every statement's lock, rewrite, scan and compatibility risk; exit 1 on an error. */
@Command(name = "lint", description = "Check migrations for locking, compatibility, data and reversibility hazards.")
final class LintCli extends ApiCommand {

    @Parameters(paramLabel = "FILES|DIR", arity = "0..*",
            description = "Migration files or directories (default: the project's migrations).")
    List<Path> paths = new ArrayList<>();

    @Option(names = "--offline", description = "No replay and no database: the files alone (editors, pre-commit).")
    boolean offline;

    @Option(names = "--rules", description = "List the rules and exit.")
    boolean listRules;

    @Override
    int run(Session session, Stepwise stepwise) {
        if (listRules) {
            for (RuleInfo r : stepwise.lintRules()) {
                session.println(String.format("%-42s %-14s %-8s %s", r.id(), r.group().word(), r.severity().word(),
                        r.summary()));
            }
            return Failures.OK;
        }
        // -C DIR runs as if started in DIR for the paths given; the paths printed stay relative to
        // where the command really started, the repository root in CI, as SARIF and annotations need
        Path directory = session.settings.directory;
        LintCommand.Report report = stepwise.lint(new LintCommand.Request(
                paths.stream().map(directory::resolve).toList(), offline));
        report.notices().forEach(n -> session.note("note: " + n));
        FindingPaths where = FindingPaths.workingDirectory();
        switch (session.settings.format) {
            case JSON -> session.printJson(new JsonFindings(where).render(report));
            case SARIF -> session.printJson(new SarifReport(where, new VersionInfo().getVersion()[0]
                    .substring("stepwise ".length())).render(report, stepwise.lintRules()));
            case GITHUB -> new GithubAnnotations(where).render(report).forEach(session::println);
            default -> new TextFindings(where).render(report).forEach(session::println);
        }
        return report.hasErrors() ? Failures.FAILED : Failures.OK;
    }
}
