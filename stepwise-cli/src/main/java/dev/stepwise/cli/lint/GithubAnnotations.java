package dev.stepwise.cli.lint;

import dev.stepwise.command.LintCommand;
import dev.stepwise.lint.Finding;
import dev.stepwise.lint.LintedMigration;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code --format github}: one workflow command per finding ({@code ::error}, {@code ::warning},
 * {@code ::notice}), which GitHub Actions shows on the pull request's diff.
 */
public final class GithubAnnotations {

    private final FindingPaths paths;

    public GithubAnnotations(FindingPaths paths) {
        this.paths = paths;
    }

    public List<String> render(LintCommand.Report report) {
        List<String> lines = new ArrayList<>();
        for (LintedMigration m : report.migrations()) {
            for (Finding f : m.findings()) {
                String text = f.message() + "\n" + f.help() + (f.fix() == null ? "" : "\nfix: " + f.fix());
                lines.add("::" + f.severity().githubCommand() + " file=" + property(paths.of(f.file())) + ",line="
                        + f.line() + ",col=" + f.column() + ",endColumn=" + (f.column() + f.length()) + ",title="
                        + property("stepwise " + f.rule()) + "::" + data(text));
            }
        }
        return lines;
    }

    /** The escaping GitHub's toolkit applies to a command's message. */
    static String data(String s) {
        return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
    }

    /** ... and to its properties, where {@code :} and {@code ,} separate. */
    static String property(String s) {
        return data(s).replace(":", "%3A").replace(",", "%2C");
    }
}
