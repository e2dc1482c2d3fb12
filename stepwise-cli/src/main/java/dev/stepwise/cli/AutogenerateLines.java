package dev.stepwise.cli;

import dev.stepwise.command.UnsafeChange;

import java.util.List;

/** The lines that point a reviewer at the statements a generated migration carries allows for. */
final class AutogenerateLines {

    private AutogenerateLines() {
    }

    static List<String> unsafe(List<UnsafeChange> unsafe) {
        return unsafe.stream().map(u -> "review: " + u.file() + ":" + u.line() + ": no safe form, written with"
                + " `-- stepwise:allow " + u.rule() + "`: " + u.message()).toList();
    }
}
