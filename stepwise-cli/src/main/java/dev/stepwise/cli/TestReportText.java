package dev.stepwise.cli;

import dev.stepwise.lint.Finding;
import dev.stepwise.stairway.ChecklistItem;
import dev.stepwise.stairway.ChecklistJudge;
import dev.stepwise.stairway.LockProfile;
import dev.stepwise.stairway.RowGenerator;
import dev.stepwise.stairway.StairwayReport;
import dev.stepwise.stairway.StepReport;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The text of {@code stepwise test}: a line per migration, what failed under it, then a summary. */
final class TestReportText {

    private TestReportText() {
    }

    static List<String> render(StairwayReport report) {
        List<String> lines = new ArrayList<>();
        report.notices().forEach(n -> lines.add("note: " + n));
        for (StepReport s : report.steps()) {
            lines.add(s.revision() + (s.message().isEmpty() ? "" : " " + s.message()) + ": "
                    + (s.failed() ? "FAILED" : s.outcome().word()) + " (up " + ChecklistJudge.human(s.upDuration()) + ")");
            s.failures().forEach(f -> lines.add("  " + f));
            s.losses().forEach(l -> lines.add("  data lost: " + l));
            s.expectedLosses().forEach(l -> lines.add("  data lost as declared (reversible: lossy): " + l));
            s.notes().forEach(n -> lines.add("  note: " + n));
            s.findings().forEach(f -> lines.add("  lint " + finding(f)));
            if (s.locks() != null) {
                lines.add("  locks: " + locks(s.locks()));
            }
            if (s.locks() != null || s.checklist().stream().anyMatch(i -> i.tick() == ChecklistItem.Tick.NO)) {
                for (ChecklistItem i : s.checklist()) {
                    lines.add("  checklist " + i.number() + " " + i.name() + ": " + i.tick().word() + ", " + i.detail());
                }
            }
        }
        if (!report.notReached().isEmpty()) {
            lines.add("not reached: " + String.join(", ", report.notReached()));
        }
        for (RowGenerator.Skipped t : report.skipped()) {
            lines.add("no generated rows in " + t.table() + ": " + t.reason());
        }
        report.seedUnused().forEach(s -> lines.add("seed statement never ran (what it names was never made): " + s));
        lines.add(summary(report));
        return lines;
    }

    static String finding(Finding f) {
        return f.severity().word() + "[" + f.rule() + "] line " + f.line() + ": " + f.message();
    }

    static String locks(LockProfile p) {
        List<String> parts = new ArrayList<>();
        for (LockProfile.TableLock t : p.tables()) {
            parts.add(t.table() + " " + t.mode() + " " + ChecklistJudge.human(t.heldFor()));
        }
        String waits = waits(p.waitEvents());
        return (parts.isEmpty() ? "none seen" : String.join(", ", parts)) + (waits.isEmpty() ? "" : "; waits: " + waits)
                + (p.error() == null ? "" : "; sampling stopped: " + p.error());
    }

    static String waits(Map<String, Duration> waits) {
        List<String> parts = new ArrayList<>();
        waits.entrySet().stream().sorted(Map.Entry.<String, Duration>comparingByValue().reversed())
                .forEach(e -> parts.add(e.getKey() + " " + ChecklistJudge.human(e.getValue())));
        return String.join(", ", parts);
    }

    static String summary(StairwayReport report) {
        long failed = report.steps().stream().filter(StepReport::failed).count();
        String data = report.rows() > 0 ? String.format(Locale.ROOT, ", %,d generated rows per table (seed %d)",
                report.rows(), report.rowsSeed()) : "";
        return (failed == 0 ? "passed: " : "FAILED: " + failed + " of ") + report.steps().size()
                + " migration(s) walked up, down and up" + data
                + (report.notReached().isEmpty() ? "" : ", " + report.notReached().size() + " not reached");
    }
}
