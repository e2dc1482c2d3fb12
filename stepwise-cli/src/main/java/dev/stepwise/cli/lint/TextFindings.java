package dev.stepwise.cli.lint;

import dev.stepwise.command.LintCommand;
import dev.stepwise.lint.Finding;
import dev.stepwise.lint.LintedMigration;
import dev.stepwise.lint.Severity;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Findings as a terminal shows them, in the style of compiler diagnostics: the place and rule,
 * what happens, the statement's line with the span underlined, the safe way, and the fix.
 *
 * <pre>
 * migrations/20240501_3f2a_orders_status.sql:4:1: error[create-index-non-concurrently] ...
 *    |
 *  4 | CREATE INDEX orders_status_idx ON orders (status);
 *    | ^^^^^^^^^^^^
 *    = help: ...
 *    = fix: CREATE INDEX CONCURRENTLY orders_status_idx ON orders (status);
 * </pre>
 */
public final class TextFindings {

    private final FindingPaths paths;

    public TextFindings(FindingPaths paths) {
        this.paths = paths;
    }

    public List<String> render(LintCommand.Report report) {
        List<String> lines = new ArrayList<>();
        for (LintedMigration m : report.migrations()) {
            for (Finding f : m.findings()) {
                lines.addAll(render(f));
                lines.add("");
            }
            // what an allow accepted, with its reason, so a review sees every judgement made
            for (dev.stepwise.lint.AllowedFinding a : m.allowed()) {
                Finding f = a.finding();
                lines.add(paths.of(f.file()) + ":" + f.line() + ":" + f.column() + ": allowed[" + f.rule() + "] "
                        + a.reason() + " (-- stepwise:allow on line " + a.allowLine() + ")");
            }
            if (!m.allowed().isEmpty()) {
                lines.add("");
            }
        }
        lines.add(summary(report));
        return lines;
    }

    public List<String> render(Finding f) {
        List<String> lines = new ArrayList<>();
        lines.add(paths.of(f.file()) + ":" + f.line() + ":" + f.column() + ": " + f.severity().word() + "["
                + f.rule() + "] " + f.message());
        String source = sourceLine(f);
        if (source != null) {
            String number = String.valueOf(f.line());
            String gutter = " ".repeat(number.length());
            lines.add(gutter + " |");
            lines.add(number + " | " + source);
            lines.add(gutter + " | " + " ".repeat(Math.max(0, f.column() - 1))
                    + "^".repeat(Math.max(1, Math.min(f.length(), Math.max(1, source.length() - f.column() + 1)))));
            lines.add(gutter + " = help: " + f.help());
            if (f.fix() != null) {
                List<String> fix = f.fix().lines().toList();
                lines.add(gutter + " = fix: " + fix.get(0));
                for (int i = 1; i < fix.size(); i++) {
                    lines.add(gutter + "        " + fix.get(i));
                }
            }
        } else {
            lines.add("  = help: " + f.help());
        }
        return lines;
    }

    /** The file's line the finding is on, rebuilt from the statement's text and where it starts. */
    static String sourceLine(Finding f) {
        if (f.statement() == null || f.anchor() == null) {
            return null;
        }
        List<String> statementLines = f.statement().lines().toList();
        int index = f.line() - f.anchor().line();
        if (index < 0 || index >= statementLines.size()) {
            return null;
        }
        String text = statementLines.get(index);
        return (index == 0 ? " ".repeat(Math.max(0, f.anchor().column() - 1)) : "") + text;
    }

    static String summary(LintCommand.Report report) {
        long errors = report.count(Severity.ERROR);
        long warnings = report.count(Severity.WARNING);
        long infos = report.count(Severity.INFO);
        int n = report.migrations().size();
        String how = switch (report.context()) {
            case "offline" -> "offline: the files alone";
            case "target" -> "sized from the target, PostgreSQL " + report.serverMajorVersion();
            default -> "replayed on PostgreSQL " + report.serverMajorVersion() + ", table sizes unknown";
        };
        return String.format(Locale.ROOT, "%d %s, %d %s, %d info in %d %s; %s", errors, errors == 1 ? "error" : "errors",
                warnings, warnings == 1 ? "warning" : "warnings", infos, n, n == 1 ? "migration" : "migrations", how);
    }
}
