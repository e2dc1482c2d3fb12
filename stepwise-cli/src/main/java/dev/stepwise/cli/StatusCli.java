package dev.stepwise.cli;

import dev.stepwise.Stepwise;
import dev.stepwise.command.StatusCommand;
import picocli.CommandLine.Command;


/** {@code status}: every migration, applied or pending, with its phase. */
@Command(name = "status", description = "List applied and pending migrations.")
final class StatusCli extends ApiCommand {

    @Override
    int run(Session session, Stepwise stepwise) {
        StatusCommand.Status status = stepwise.status();
        if (session.json()) {
            session.printJson(status);
            return Failures.OK;
        }
        session.println(String.format("%-8s %-14s %-9s %s", "STATE", "REVISION", "PHASE", "MESSAGE"));
        for (StatusCommand.Entry e : status.migrations()) {
            String state = !e.applied() ? "pending" : e.changed() ? "CHANGED" : "applied";
            session.println(String.format("%-8s %-14s %-9s %s", state, e.revision(), e.phase(), e.message())
                    + (e.lint() == null ? "" : "  [lint: " + e.lint() + "]"));
        }
        session.println(status.pending() == 0 ? "up to date" : status.pending() + " pending");
        return Failures.OK;
    }
}
