package dev.stepwise.graph;

/**
 * A parsed {@code upgrade}/{@code downgrade} target, before it is resolved against a graph:
 * {@code head}, {@code heads}, {@code base}, an id or prefix, {@code label@head},
 * {@code label@base}, {@code +N}/{@code -N} from the current head, or {@code REV+N}/{@code REV-N}.
 */
public sealed interface Target {

    /** Nothing applied. */
    record Base() implements Target {
    }

    /** The one head of the graph. */
    record Head() implements Target {
    }

    /** Every head of the graph. */
    record Heads() implements Target {
    }

    /** A full revision id or a unique prefix of one. */
    record Id(String reference) implements Target {
    }

    /** The tip of a labelled branch. */
    record BranchHead(String label) implements Target {
    }

    /** The state just before the labelled branch starts. */
    record BranchBase(String label) implements Target {
    }

    /** N steps up (positive) or down (negative) from the database's single current head. */
    record Relative(int steps) implements Target {
    }

    /** N steps up (positive) or down (negative) from a revision ({@link Id}, {@link BranchHead} or {@link Head}). */
    record Offset(Target anchor, int steps) implements Target {
    }

    /** @throws InvalidTargetException when the text is none of the target forms */
    static Target parse(String text) {
        return TargetSyntax.parse(text);
    }
}
