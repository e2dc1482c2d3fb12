package dev.stepwise.cli;

import dev.stepwise.stairway.ChecklistItem;
import dev.stepwise.stairway.ChecklistJudge;
import dev.stepwise.stairway.LockProfile;
import dev.stepwise.stairway.RowGenerator;
import dev.stepwise.stairway.StairwayReport;
import dev.stepwise.stairway.StepReport;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code stepwise test --format markdown}: a report to paste into a pull request, a table row per
 * migration with its checklist, then what failed and lint's findings.
 */
final class TestReportMarkdown {

    private TestReportMarkdown() {
    }

    static List<String> render(StairwayReport report) {
        List<String> lines = new ArrayList<>();
        lines.add("### Stepwise stairway test: " + (report.passed() ? "passed" : "FAILED"));
        lines.add("");
        lines.add(TestReportText.summary(report) + ".");
        lines.add("");
        lines.add("| revision | message | result | up | strongest lock | 1 fast where it blocks | 2 no long blocking lock"
                + " | 3 backward compatible | 4 rollback tested |");
        lines.add("|---|---|---|---:|---|:-:|:-:|:-:|:-:|");
        for (StepReport s : report.steps()) {
            StringBuilder row = new StringBuilder("| `" + s.revision() + "` | " + cell(s.message()) + " | "
                    + (s.failed() ? "**FAILED**" : s.outcome().word()) + " | " + ChecklistJudge.human(s.upDuration())
                    + " | " + cell(strongest(s.locks())) + " |");
            for (ChecklistItem i : s.checklist()) {
                row.append(' ').append(tick(i)).append(" |");
            }
            lines.add(row.toString());
        }
        report.notReached().forEach(r -> lines.add("| `" + r + "` | | not reached | | | | | | |"));
        List<String> problems = new ArrayList<>();
        for (StepReport s : report.steps()) {
            s.failures().forEach(f -> problems.add("- " + cell(f)));
            s.losses().forEach(l -> problems.add("- `" + s.revision() + "` data lost: " + cell(l.sentence())));
            s.checklist().stream().filter(ChecklistItem::fails).forEach(i -> problems.add("- `" + s.revision()
                    + "` checklist " + i.number() + " (" + i.name() + "): " + cell(i.detail())));
        }
        section(lines, "Failures", problems);
        List<String> notes = new ArrayList<>();
        for (StepReport s : report.steps()) {
            s.expectedLosses().forEach(l -> notes.add("- `" + s.revision() + "` lost as declared (reversible: lossy): "
                    + cell(l.sentence())));
            s.notes().forEach(n -> notes.add("- `" + s.revision() + "` " + cell(n)));
            s.checklist().stream().filter(i -> i.tick() == ChecklistItem.Tick.NO && !i.fails())
                    .forEach(i -> notes.add("- `" + s.revision() + "` checklist " + i.number() + " (" + i.name() + "): "
                            + cell(i.detail())));
        }
        for (RowGenerator.Skipped t : report.skipped()) {
            notes.add("- no generated rows in `" + t.table() + "`: " + cell(t.reason()));
        }
        report.seedUnused().forEach(u -> notes.add("- seed statement never ran: " + u));
        section(lines, "Notes", notes);
        List<String> lint = new ArrayList<>();
        for (StepReport s : report.steps()) {
            s.findings().forEach(f -> lint.add("- `" + s.revision() + "` " + cell(TestReportText.finding(f))));
        }
        section(lines, "Lint findings (reported, not refused)", lint);
        return lines;
    }

    private static void section(List<String> lines, String title, List<String> items) {
        if (items.isEmpty()) {
            return;
        }
        lines.add("");
        lines.add("#### " + title);
        lines.add("");
        lines.addAll(items);
    }

    private static String strongest(LockProfile p) {
        if (p == null || p.tables().isEmpty()) {
            return p == null ? "not watched" : "none seen";
        }
        LockProfile.TableLock t = p.tables().stream().filter(LockProfile.TableLock::existed).findFirst()
                .orElse(p.tables().get(0));
        return t.mode() + " on " + t.table() + ", " + ChecklistJudge.human(t.heldFor());
    }

    private static String tick(ChecklistItem i) {
        switch (i.tick()) {
            case YES:
                return "yes";
            case NO:
                return "**no**";
            default:
                return "n/a";
        }
    }

    /** Text safe in a table cell: no pipe ends the cell, no newline the row. */
    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }
}
