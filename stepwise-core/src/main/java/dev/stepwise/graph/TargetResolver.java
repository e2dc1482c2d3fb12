package dev.stepwise.graph;

import java.util.List;
import java.util.Set;

/** Turns a parsed target into a {@link Destination}, given the graph and the database's current heads. */
final class TargetResolver {

    private final RevisionGraph graph;

    TargetResolver(RevisionGraph graph) {
        this.graph = graph;
    }

    /** An exact id wins over a prefix; a prefix must match exactly one revision. */
    Revision revision(String reference) {
        var exact = graph.find(reference);
        if (exact.isPresent()) {
            return exact.get();
        }
        List<Revision> candidates = graph.topologicalOrder().stream()
                .filter(revision -> revision.id().startsWith(reference))
                .toList();
        if (candidates.isEmpty()) {
            String hint = graph.branchLabels().contains(reference)
                    ? "'" + reference + "' is a branch label: use " + reference + "@head"
                    : "";
            throw new UnknownRevisionException(reference, hint);
        }
        if (candidates.size() > 1) {
            throw new AmbiguousRevisionException(reference, candidates);
        }
        return candidates.get(0);
    }

    /** @param text the target as the user wrote it, for messages */
    Destination resolve(Target target, String text, Set<String> currentHeads) {
        if (target instanceof Target.Base) {
            return new Destination.Base();
        }
        if (target instanceof Target.Heads || (target instanceof Target.Head && graph.size() == 0)) {
            List<Revision> heads = graph.heads();
            return heads.isEmpty() ? new Destination.Base() : at(heads);
        }
        if (target instanceof Target.BranchBase branchBase) {
            return new Destination.Below(graph.branchBase(branchBase.label()).id());
        }
        if (target instanceof Target.Relative relative) {
            return relative.steps() > 0
                    ? upFromCurrent(relative.steps(), text, currentHeads)
                    : downFromCurrent(-relative.steps(), text, currentHeads);
        }
        if (target instanceof Target.Offset offset) {
            Revision start = anchor(offset.anchor(), text);
            return offset.steps() > 0
                    ? at(List.of(walkUp(start, offset.steps(), text, 0)))
                    : walkDown(start, -offset.steps(), text);
        }
        return at(List.of(anchor(target, text)));
    }

    /** The single revision an {@link Target.Id}, {@link Target.BranchHead} or {@link Target.Head} names. */
    private Revision anchor(Target target, String text) {
        if (target instanceof Target.Id id) {
            return revision(id.reference());
        }
        if (target instanceof Target.BranchHead branchHead) {
            List<Revision> heads = graph.branchHeads(branchHead.label());
            if (heads.size() > 1) {
                throw MultipleHeadsException.ofBranch(branchHead.label(), ids(heads));
            }
            return heads.get(0);
        }
        if (target instanceof Target.Head) {
            List<Revision> heads = graph.heads();
            if (heads.isEmpty()) {
                throw new InvalidTargetException(text, "there are no migrations");
            }
            if (heads.size() > 1) {
                throw MultipleHeadsException.ofGraph(ids(heads));
            }
            return heads.get(0);
        }
        throw new IllegalArgumentException("not a single revision: " + target);
    }

    /** From base, the first step is the root, so {@code +N} walks the single root's chain. */
    private Destination upFromCurrent(int steps, String text, Set<String> currentHeads) {
        if (currentHeads.isEmpty()) {
            List<Revision> roots = graph.roots();
            if (roots.isEmpty()) {
                throw new InvalidTargetException(text, "there are no migrations");
            }
            if (roots.size() > 1) {
                throw AmbiguousStepException.atBase(text, roots);
            }
            return at(List.of(walkUp(roots.get(0), steps - 1, text, 1)));
        }
        return at(List.of(walkUp(singleHead(currentHeads, text, "REV+N"), steps, text, 0)));
    }

    /**
     * {@code -N} unapplies N revisions: the head and N-1 below it. It stops at the lower edge of
     * the last one, so {@code -1} from a merge unapplies just the merge without choosing a parent.
     */
    private Destination downFromCurrent(int steps, String text, Set<String> currentHeads) {
        if (currentHeads.isEmpty()) {
            throw new InvalidTargetException(text, "nothing is applied");
        }
        Revision current = singleHead(currentHeads, text, "REV-N");
        for (int taken = 1; taken < steps; taken++) {
            List<String> parents = current.parents();
            if (parents.isEmpty()) {
                throw new InvalidTargetException(text, "only " + taken + " revision(s) are applied");
            }
            if (parents.size() > 1) {
                throw AmbiguousStepException.atMerge(text, current, revisions(parents));
            }
            current = graph.revision(parents.get(0));
        }
        return new Destination.Below(current.id());
    }

    private Revision singleHead(Set<String> currentHeads, String text, String alternative) {
        if (currentHeads.size() > 1) {
            throw new InvalidTargetException(text, "a relative step needs a single current head, and the"
                    + " database is at " + Mention.ids(graph.ordered(currentHeads)) + " — use " + alternative
                    + " with REV a revision or label@head");
        }
        return graph.revision(currentHeads.iterator().next());
    }

    /** @param taken steps already counted before {@code start}, for the message */
    private Revision walkUp(Revision start, int steps, String text, int taken) {
        Revision current = start;
        for (int step = 1; step <= steps; step++) {
            List<Revision> children = graph.children(current.id());
            if (children.isEmpty()) {
                throw new InvalidTargetException(text, "goes past the head " + Mention.of(current)
                        + " after " + (taken + step - 1) + " step(s)");
            }
            if (children.size() > 1) {
                throw AmbiguousStepException.atFork(text, current, children);
            }
            current = children.get(0);
        }
        return current;
    }

    /** Stepping once below a root leads below it: the state before its lineage began. */
    private Destination walkDown(Revision start, int steps, String text) {
        Revision current = start;
        for (int step = 1; step <= steps; step++) {
            List<String> parents = current.parents();
            if (parents.isEmpty()) {
                if (step == steps) {
                    return new Destination.Below(current.id());
                }
                throw new InvalidTargetException(text, "goes below base: " + Mention.of(start) + " has "
                        + (step - 1) + " revision(s) below it");
            }
            if (parents.size() > 1) {
                throw AmbiguousStepException.atMerge(text, current, revisions(parents));
            }
            current = graph.revision(parents.get(0));
        }
        return at(List.of(current));
    }

    private static Destination at(List<Revision> revisions) {
        return new Destination.At(ids(revisions));
    }

    private static List<String> ids(List<Revision> revisions) {
        return revisions.stream().map(Revision::id).toList();
    }

    private List<Revision> revisions(List<String> ids) {
        return ids.stream().map(graph::revision).toList();
    }
}
