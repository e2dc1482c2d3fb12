package dev.stepwise.graph;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Plans {@code upgrade} and {@code downgrade}: resolves a target against the graph and the
 * database's current heads (the version table's rows; empty means base) and lists the
 * revisions to apply or unapply, in the order the runner must run them.
 */
public final class Targets {

    private final RevisionGraph graph;
    private final VersionHeads versionHeads;
    private final TargetResolver resolver;

    public Targets(RevisionGraph graph) {
        this.graph = graph;
        this.versionHeads = new VersionHeads(graph);
        this.resolver = new TargetResolver(graph);
    }

    /** The revision a full id or a unique prefix names; an exact id wins over a longer id it prefixes. */
    public Revision revision(String reference) {
        return resolver.revision(reference);
    }

    /** Where a target leads from the given heads, before a direction is chosen. */
    public Destination resolve(String target, Set<String> currentHeads) {
        versionHeads.check(currentHeads);
        return resolver.resolve(Target.parse(target), target, currentHeads);
    }

    /**
     * The revisions to apply to reach the target, each after its parents and depends_on;
     * empty when the target is already applied.
     */
    public UpgradePlan upgradeTo(String target, Set<String> currentHeads) {
        versionHeads.check(currentHeads);
        Target parsed = Target.parse(target);
        if (parsed instanceof Target.Relative relative && relative.steps() < 0) {
            throw new InvalidTargetException(target, "upgrade only goes up; use downgrade " + target);
        }
        Destination destination = resolver.resolve(parsed, target, currentHeads);
        Set<String> wanted = wanted(destination);
        Set<String> applied = versionHeads.appliedSet(currentHeads);
        return new UpgradePlan(inOrder(graph.topologicalOrder(),
                revision -> wanted.contains(revision.id()) && !applied.contains(revision.id())));
    }

    private Set<String> wanted(Destination destination) {
        if (destination instanceof Destination.At at) {
            return graph.closure(at.revisions());
        }
        if (destination instanceof Destination.Below below) {
            return graph.closure(graph.revision(below.revision()).parents());
        }
        return Set.of();
    }

    /**
     * The applied revisions to unapply to reach the target, each before its parents and
     * depends_on: everything applied that descends from the target. A target that is not
     * applied is an error; {@code base} unapplies everything, {@code label@base} the whole branch.
     */
    public DowngradePlan downgradeTo(String target, Set<String> currentHeads) {
        versionHeads.check(currentHeads);
        Target parsed = Target.parse(target);
        if (parsed instanceof Target.Relative relative && relative.steps() > 0) {
            throw new InvalidTargetException(target, "downgrade only goes down; use upgrade " + target);
        }
        Destination destination = resolver.resolve(parsed, target, currentHeads);
        Set<String> applied = versionHeads.appliedSet(currentHeads);
        Set<String> removed = removed(destination, applied, currentHeads);
        List<Revision> reversed = new ArrayList<>(graph.topologicalOrder());
        Collections.reverse(reversed);
        return new DowngradePlan(inOrder(reversed, revision -> removed.contains(revision.id())));
    }

    private Set<String> removed(Destination destination, Set<String> applied, Set<String> currentHeads) {
        Set<String> removed = new HashSet<>();
        if (destination instanceof Destination.At at) {
            for (String id : at.revisions()) {
                if (!applied.contains(id)) {
                    throw new RevisionNotAppliedException(graph.revision(id), graph.ordered(currentHeads));
                }
                removed.addAll(graph.descendants(id));
            }
            // with several target revisions, one may descend from another: it stays
            removed.removeAll(graph.closure(at.revisions()));
        } else if (destination instanceof Destination.Below below) {
            removed.add(below.revision());
            removed.addAll(graph.descendants(below.revision()));
        } else {
            removed.addAll(applied);
        }
        removed.retainAll(applied);
        return removed;
    }

    /**
     * The one revision a reference names, for commands that take one ({@code show}, {@code
     * --head}, {@code merge}): a full id, a unique prefix, {@code head} (when there is one),
     * {@code label@head}.
     */
    public String resolveRevision(String reference) {
        Destination d = resolver.resolve(Target.parse(reference), reference, Set.of());
        if (d instanceof Destination.At at && at.revisions().size() == 1) {
            return at.revisions().get(0);
        }
        throw new InvalidTargetException(reference, "it names no single revision");
    }

    /**
     * The version-table rows a {@code stamp TARGET} sets: none for {@code base}, every head for
     * {@code heads}, else the revisions the target names.
     */
    public Set<String> stampHeads(String target) {
        Destination destination = resolver.resolve(Target.parse(target), target, Set.of());
        if (destination instanceof Destination.At at) {
            return versionHeads.headsOf(at.revisions());
        }
        if (destination instanceof Destination.Below below) {
            return versionHeads.headsOf(graph.revision(below.revision()).parents());
        }
        return Set.of();
    }

    /** Fails unless every head is a known revision and the set is one Stepwise could have written. */
    public void requireKnown(Set<String> heads) {
        versionHeads.check(heads);
    }

    public Set<String> appliedSet(Set<String> heads) {
        return versionHeads.appliedSet(heads);
    }

    public Set<String> headsAfterApplying(Set<String> heads, String id) {
        return versionHeads.headsAfterApplying(heads, id);
    }

    public Set<String> headsAfterUnapplying(Set<String> heads, String id) {
        return versionHeads.headsAfterUnapplying(heads, id);
    }

    private static List<Revision> inOrder(List<Revision> order, Predicate<Revision> included) {
        return order.stream().filter(included).toList();
    }
}
