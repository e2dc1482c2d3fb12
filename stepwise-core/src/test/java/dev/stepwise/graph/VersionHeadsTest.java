package dev.stepwise.graph;

import org.junit.jupiter.api.Test;

import java.util.Set;

import static dev.stepwise.graph.Revisions.dependsOn;
import static dev.stepwise.graph.Revisions.graph;
import static dev.stepwise.graph.Revisions.labelled;
import static dev.stepwise.graph.Revisions.rev;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class VersionHeadsTest {

    private final VersionHeads forkAndMerge = new VersionHeads(
            graph(rev("a"), rev("b", "a"), rev("c", "a"), rev("m", "b", "c")));

    /** n2 depends on c1 across branches. */
    private final VersionHeads crossBranch = new VersionHeads(graph(
            labelled("core", "c1"), labelled("net", "n1"), dependsOn(rev("n2", "n1"), "c1")));

    @Test
    void applyingAChild_replacesItsParentsRow() {
        assertThat(forkAndMerge.headsAfterApplying(Set.of(), "a")).containsExactly("a");
        assertThat(forkAndMerge.headsAfterApplying(Set.of("a"), "b")).containsExactly("b");
    }

    @Test
    void applyingASecondBranch_addsARow() {
        assertThat(forkAndMerge.headsAfterApplying(Set.of("b"), "c")).containsExactly("b", "c");
    }

    @Test
    void applyingAMerge_replacesTheRowsOfBothParents() {
        assertThat(forkAndMerge.headsAfterApplying(Set.of("b", "c"), "m")).containsExactly("m");
    }

    @Test
    void applyingARevisionWithDependsOn_keepsTheDependencysRow() {
        assertThat(crossBranch.headsAfterApplying(Set.of("c1", "n1"), "n2")).containsExactly("c1", "n2");
    }

    @Test
    void unapplyingAMerge_bringsBackBothParents() {
        assertThat(forkAndMerge.headsAfterUnapplying(Set.of("m"), "m")).containsExactly("b", "c");
    }

    @Test
    void unapplyingOneBranch_leavesTheForkToTheOtherHead() {
        assertThat(forkAndMerge.headsAfterUnapplying(Set.of("b", "c"), "b")).containsExactly("c");
    }

    @Test
    void unapplyingTheLastRoot_leavesNoRows() {
        assertThat(forkAndMerge.headsAfterUnapplying(Set.of("a"), "a")).isEmpty();
    }

    @Test
    void unapplyingARevisionWithDependsOn_bringsBackOnlyItsParent() {
        assertThat(crossBranch.headsAfterUnapplying(Set.of("c1", "n2"), "n2")).containsExactly("c1", "n1");
    }

    @Test
    void unapplyingAMergeOfARevisionAndItsOwnAncestor_bringsBackOnlyTheNearerParent() {
        VersionHeads redundantMerge = new VersionHeads(graph(rev("a"), rev("b", "a"), rev("m", "b", "a")));

        assertThat(redundantMerge.headsAfterUnapplying(Set.of("m"), "m")).containsExactly("b");
    }

    @Test
    void appliedSet_isTheHeadsWithEverythingTheyNeed() {
        assertThat(crossBranch.appliedSet(Set.of("n2"))).containsExactly("c1", "n1", "n2");
        assertThat(forkAndMerge.appliedSet(Set.of("b"))).containsExactly("a", "b");
        assertThat(forkAndMerge.appliedSet(Set.of())).isEmpty();
    }

    @Test
    void headTheFilesDoNotDefine_isAnError() {
        assertThatThrownBy(() -> forkAndMerge.appliedSet(Set.of("b", "x1")))
                .isInstanceOf(UnknownDatabaseRevisionException.class)
                .hasMessage("database is at revision x1, which no migration file defines");
    }
}
