package dev.stepwise.diff;

import dev.stepwise.schema.Comment;
import dev.stepwise.schema.SchemaModel;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The part of a diff about comments: removed first (their objects are all still there), set last
 * (every object is), and set again on objects made again, which lost theirs.
 */
final class CommentDiff {

    private CommentDiff() {
    }

    static void plan(SchemaModel from, SchemaModel to, Plan plan) {
        Map<List<Object>, Comment> before = SchemaDiff.byName(from.comments(), CommentDiff::key);
        Map<List<Object>, Comment> after = SchemaDiff.byName(to.comments(), CommentDiff::key);
        before.forEach((key, c) -> {
            if (!after.containsKey(key)) {
                plan.add(Plan.Phase.REMOVE_COMMENTS, new SetComment(c, null));
            }
        });
        after.forEach((key, c) -> {
            Comment was = before.get(key);
            boolean remade = plan.recreated.stream().anyMatch(r -> isOn(c, r));
            if (was == null || !Objects.equals(was.text(), c.text()) || remade) {
                plan.add(Plan.Phase.SET_COMMENTS, new SetComment(c, c.text()));
            }
        });
    }

    /** Whether the comment is on the object or a part of it; a type's address is its printed name. */
    private static boolean isOn(Comment c, dev.stepwise.schema.ObjectName object) {
        boolean type = c.objectKind().equals("type") || c.objectKind().startsWith("domain");
        return type ? !c.names().isEmpty() && TypeDiff.namesType(c.names().get(0), object) : c.isOn(object);
    }

    private static List<Object> key(Comment c) {
        return List.of(c.objectKind(), c.names(), c.arguments());
    }
}
