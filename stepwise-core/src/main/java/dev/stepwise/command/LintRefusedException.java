package dev.stepwise.command;

import dev.stepwise.StepwiseException;
import dev.stepwise.lint.Finding;
import dev.stepwise.lint.LintedMigration;

import java.util.stream.Collectors;

/** {@code upgrade} refused to run a migration with lint errors (exit 1); nothing of it ran. */
public final class LintRefusedException extends StepwiseException {

    private final transient LintedMigration linted;

    LintRefusedException(LintedMigration linted) {
        super(Category.FAILED, message(linted));
        this.linted = linted;
    }

    public LintedMigration linted() {
        return linted;
    }

    private static String message(LintedMigration m) {
        String errors = m.errors().stream().map(LintRefusedException::line).collect(Collectors.joining("; "));
        return "revision " + m.revision() + " was not applied: lint found " + m.errors().size()
                + (m.errors().size() == 1 ? " error" : " errors") + " (" + errors + "); fix "
                + (m.errors().size() == 1 ? "it, accept it" : "them, accept each")
                + " with `-- stepwise:allow <rule> <reason>`"
                + " above its statement, or run with --unsafe (recorded as unsafe-forced)";
    }

    static String line(Finding f) {
        return f.file() + ":" + f.line() + ": " + f.rule() + ": " + f.message();
    }
}
