package dev.stepwise.cli;

import dev.stepwise.command.CompatCommand;
import dev.stepwise.compat.QueryVerdict;
import dev.stepwise.compat.Verdict;

import java.util.ArrayList;
import java.util.List;

/**
 * The text of a compat report, for {@code compat} and {@code plan}: one line per statement
 * ({@code file:line: verdict: what changed}), the statements that fail already in a list of
 * their own, and a summary line.
 */
final class CompatLines {

    private CompatLines() {
    }

    static List<String> render(CompatCommand.Report report) {
        List<String> lines = new ArrayList<>();
        List<QueryVerdict> apart = new ArrayList<>();
        for (QueryVerdict v : report.statements()) {
            if (v.verdict() == Verdict.SKIPPED) {
                continue;
            }
            if (v.verdict() == Verdict.ALREADY_FAILING || v.verdict() == Verdict.NOT_JUDGED) {
                apart.add(v);
            } else {
                lines.add(v.file() + ":" + v.line() + ": " + v.verdict().word() + ": "
                        + (v.changes().isEmpty() ? shorten(v.statement()) : String.join("; ", v.changes())));
            }
        }
        if (!apart.isEmpty()) {
            lines.add("Not caused by the migrations (failing on the current schema already, or not judged):");
            apart.forEach(v -> lines.add("  " + v.file() + ":" + v.line() + ": " + v.verdict().word() + ": "
                    + String.join("; ", v.changes())));
        }
        lines.add(summary(report));
        return lines;
    }

    static String summary(CompatCommand.Report report) {
        List<String> counts = new ArrayList<>();
        counts.add(count(report, Verdict.FAILURE, "failure", "failures"));
        counts.add(count(report, Verdict.WARNING, "warning", "warnings"));
        counts.add(report.count(Verdict.OK) + " ok");
        if (report.count(Verdict.ALREADY_FAILING) > 0) {
            counts.add(report.count(Verdict.ALREADY_FAILING) + " already failing");
        }
        if (report.count(Verdict.NOT_JUDGED) > 0) {
            counts.add(report.count(Verdict.NOT_JUDGED) + " not judged");
        }
        if (report.count(Verdict.SKIPPED) > 0) {
            // BEGIN, SET, SHOW...: listed in --format json, counted here
            counts.add(report.count(Verdict.SKIPPED) + " skipped (transaction and session statements)");
        }
        String against = report.expands().isEmpty() ? "no pending expand migration"
                : report.expands().size() + " pending expand migration(s) (" + String.join(", ", report.expands()) + ")";
        return report.statements().size() + " statement(s) of " + report.queries() + " checked against " + against
                + " on the " + (report.context().equals("target") ? "target's schema" : "replayed schema") + ": "
                + String.join(", ", counts);
    }

    private static String count(CompatCommand.Report report, Verdict verdict, String one, String many) {
        long n = report.count(verdict);
        return n + " " + (n == 1 ? one : many);
    }

    private static String shorten(String sql) {
        String oneLine = sql.strip().replaceAll("\\s+", " ");
        return oneLine.length() <= 60 ? oneLine : oneLine.substring(0, 57) + "...";
    }
}
