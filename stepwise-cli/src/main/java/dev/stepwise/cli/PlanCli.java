package dev.stepwise.cli;

import dev.stepwise.Stepwise;
import dev.stepwise.command.PlanCommand;
import dev.stepwise.lint.StatementImpact;
import dev.stepwise.lint.TableSize;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code plan [TARGET]}: what {@code upgrade} would do, step by step, and the zero-downtime checklist. */
@Command(name = "plan", description = "Show the steps upgrade would run: locks, tables, sizes, durations, checklist.")
final class PlanCli extends ApiCommand {

    @Parameters(index = "0", arity = "0..1", paramLabel = "TARGET", description = "head (default), a revision, +N, ...")
    String target = "head";

    @Override
    int run(Session session, Stepwise stepwise) {
        PlanCommand.Plan plan = stepwise.plan(target);
        plan.notices().forEach(n -> session.note("note: " + n));
        if (session.json()) {
            session.printJson(plan);
            return Failures.OK;
        }
        if (plan.migrations().isEmpty()) {
            session.println("nothing to do: the database is at " + String.join(", ", plan.from()));
            return Failures.OK;
        }
        session.println("Plan: " + plan.migrations().size() + " migration(s) to " + target + " on PostgreSQL "
                + plan.serverMajorVersion() + "; durations are rough estimates from table sizes");
        for (PlanCommand.PlannedMigration m : plan.migrations()) {
            session.println("");
            session.println(m.revision() + "  " + m.message() + "  (" + m.phase() + ", down " + m.down() + ")");
            // what upgrade's lint will say of it: an error here means upgrade refuses it
            m.findings().stream().filter(f -> f.severity() != dev.stepwise.lint.Severity.INFO).forEach(f ->
                    session.println("  lint " + f.severity().word() + "[" + f.rule() + "] line " + f.line() + ": "
                            + f.message()));
            for (PlanCommand.Step step : m.steps()) {
                session.println(String.format("  step %d, %s: about %s%s", step.number(), step.kind(),
                        PlanCommand.human(step.duration()), step.blocking() == null || !step.blocking().isZero()
                                ? ", blocking traffic for " + PlanCommand.human(step.blocking()) : ""));
                for (StatementImpact s : step.statements()) {
                    session.println(String.format("    line %-4d %-44s %s", s.line(), shorten(s.statement()),
                            describe(s)));
                }
            }
        }
        session.println("");
        session.println("Total: about " + PlanCommand.human(plan.duration()) + ", of which "
                + PlanCommand.human(plan.blocking()) + " blocking traffic");
        if (plan.compat() != null) {
            session.println("Running code's statements (compat_queries):");
            CompatLines.render(plan.compat()).forEach(line -> session.println("  " + line));
        }
        session.println("Checklist:");
        for (PlanCommand.ChecklistItem item : plan.checklist()) {
            String box = switch (item.tick()) {
                case YES -> "[x]";
                case NO -> "[ ]";
                case UNKNOWN -> "[?]";
            };
            session.println("  " + box + " " + item.number() + ". " + item.name() + ": " + item.detail());
        }
        return Failures.OK;
    }

    private static String describe(StatementImpact s) {
        if (s.lock() == null) {
            return s.table() == null ? "no lock on an existing table" : "on " + s.table() + " (new): no one waits";
        }
        String size = s.size().kind() == TableSize.Kind.UNKNOWN ? "size unknown" : s.size().describe();
        return s.lock() + (s.table() == null ? "" : " on " + s.table() + " (" + size + ")") + ", " + s.work()
                + (s.work().equals("instant") ? "" : " ~" + PlanCommand.human(s.estimate()))
                + (s.blocksTraffic() ? ", blocks traffic" : "");
    }

    private static String shorten(String sql) {
        String oneLine = sql.strip().replaceAll("\\s+", " ");
        return oneLine.length() <= 44 ? oneLine : oneLine.substring(0, 41) + "...";
    }
}
