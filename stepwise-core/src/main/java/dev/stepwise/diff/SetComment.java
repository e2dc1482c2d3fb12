package dev.stepwise.diff;

import dev.stepwise.schema.Comment;

/** A comment set, changed, or removed (a null text). */
public record SetComment(Comment comment, String text) implements SchemaChange {

    @Override
    public String describe() {
        return (text == null ? "remove comment on " : "comment on ") + comment.objectKind() + " " + comment.identity();
    }
}
