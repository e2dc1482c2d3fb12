package dev.stepwise.source;

import dev.stepwise.sql.Directive;
import dev.stepwise.sql.ScriptItem;

import java.util.List;

/** A statement of a migration file with the section it stands in and the directives above it. */
record SectionStatement(Direction section, ScriptItem.Statement statement, List<Directive> directives) {

    SectionStatement {
        directives = List.copyOf(directives);
    }
}
