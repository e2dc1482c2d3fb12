package dev.stepwise.cli;

import dev.stepwise.command.AppliedMigration;
import dev.stepwise.command.RunResult;

import java.util.TreeSet;

/** Prints what an upgrade, downgrade or stamp did. */
final class RunOutput {

    private RunOutput() {
    }

    static void print(Session session, RunResult result, String verb) {
        if (session.json()) {
            session.printJson(result);
            return;
        }
        for (AppliedMigration m : result.migrations()) {
            session.println(verb + " " + m.revision() + (m.message().isEmpty() ? "" : " (" + m.message() + ")")
                    + " in " + m.millis() + " ms");
        }
        String at = result.headsAfter().isEmpty() ? "base" : String.join(", ", new TreeSet<>(result.headsAfter()));
        if (result.changedNothing() && result.waiting().isEmpty()) {
            session.println("nothing to do; the database is at " + at);
        } else {
            session.println(result.migrations().size() + " migration(s) done; the database is at " + at);
        }
        for (dev.stepwise.command.RunResult.Waiting w : result.waiting()) {
            session.println("waiting: " + w.revision() + (w.message().isEmpty() ? "" : " (" + w.message() + ")")
                    + ": " + w.reason());
        }
    }
}
