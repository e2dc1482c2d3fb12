package dev.stepwise.graph;

import org.junit.jupiter.api.Test;

import static dev.stepwise.graph.Revisions.dependsOn;
import static dev.stepwise.graph.Revisions.graph;
import static dev.stepwise.graph.Revisions.ids;
import static dev.stepwise.graph.Revisions.labelled;
import static dev.stepwise.graph.Revisions.rev;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RevisionGraphTest {

    @Test
    void linearChain_hasOneRootOneHeadAndParentsFirst() {
        RevisionGraph graph = graph(rev("a3", "a2"), rev("a1"), rev("a2", "a1"));

        assertThat(graph.size()).isEqualTo(3);
        assertThat(ids(graph.topologicalOrder())).containsExactly("a1", "a2", "a3");
        assertThat(ids(graph.roots())).containsExactly("a1");
        assertThat(ids(graph.heads())).containsExactly("a3");
        assertThat(graph.branchPoints()).isEmpty();
        assertThat(graph.revision("a2").parents()).containsExactly("a1");
    }

    @Test
    void topologicalOrder_breaksTiesByTheGivenOrder() {
        assertThat(ids(graph(rev("a"), rev("c", "a"), rev("b", "a")).topologicalOrder()))
                .containsExactly("a", "c", "b");
        assertThat(ids(graph(rev("a"), rev("b", "a"), rev("c", "a")).topologicalOrder()))
                .containsExactly("a", "b", "c");
    }

    @Test
    void topologicalOrder_putsDependsOnBeforeTheRevisionThatNeedsIt() {
        RevisionGraph graph = graph(
                labelled("net", "n1"), dependsOn(rev("n2", "n1"), "c1"), labelled("core", "c1"));

        assertThat(ids(graph.topologicalOrder())).containsExactly("n1", "c1", "n2");
    }

    @Test
    void branchAndMerge_forkAtTheBranchPointAndJoinAtTheMerge() {
        RevisionGraph graph = graph(rev("a"), rev("b", "a"), rev("c", "a"), rev("m", "b", "c"));

        assertThat(ids(graph.children("a"))).containsExactly("b", "c");
        assertThat(ids(graph.branchPoints())).containsExactly("a");
        assertThat(ids(graph.heads())).containsExactly("m");
        assertThat(graph.revision("m").isMerge()).isTrue();
        assertThat(graph.ancestors("m")).containsExactly("a", "b", "c");
        assertThat(graph.descendants("a")).containsExactly("b", "c", "m");
    }

    @Test
    void unmergedBranches_areSeveralHeads() {
        RevisionGraph graph = graph(rev("a"), rev("b", "a"), rev("c", "a"));

        assertThat(ids(graph.heads())).containsExactly("b", "c");
    }

    @Test
    void revisionOnlyDependedOn_staysAHeadOfItsOwnBranch() {
        RevisionGraph graph = graph(labelled("core", "c1"), dependsOn(labelled("net", "n1"), "c1"));

        assertThat(ids(graph.heads())).containsExactly("c1", "n1");
        assertThat(graph.children("c1")).isEmpty();
    }

    @Test
    void ancestorsAndDescendants_followDependsOnAsWellAsParents() {
        RevisionGraph graph = graph(
                labelled("core", "c1"), rev("c2", "c1"),
                labelled("net", "n1"), dependsOn(rev("n2", "n1"), "c2"));

        assertThat(graph.ancestors("n2")).containsExactly("c1", "c2", "n1");
        assertThat(graph.descendants("c1")).containsExactly("c2", "n2");
        assertThat(graph.ancestors("c1")).isEmpty();
    }

    @Test
    void labels_areInheritedAlongParentsUntilAnotherLabel() {
        RevisionGraph graph = graph(
                labelled("core", "a1"), rev("a2", "a1"),
                labelled("feat", "f1", "a2"), rev("f2", "f1"),
                rev("a3", "a2"));

        assertThat(graph.labelsOf("a1")).containsExactly("core");
        assertThat(graph.labelsOf("a3")).containsExactly("core");
        assertThat(graph.labelsOf("f2")).containsExactly("feat");
        assertThat(graph.branchLabels()).containsExactly("core", "feat");
    }

    @Test
    void merge_carriesTheLabelsOfBothParents() {
        RevisionGraph graph = graph(
                labelled("core", "c1"), labelled("net", "n1"), rev("m", "c1", "n1"));

        assertThat(graph.labelsOf("m")).containsExactly("core", "net");
        assertThat(ids(graph.branchHeads("core"))).containsExactly("m");
        assertThat(ids(graph.branchHeads("net"))).containsExactly("m");
    }

    @Test
    void branchHead_isTheTipOfTheLabelledChain() {
        RevisionGraph graph = graph(
                labelled("core", "a1"), rev("a2", "a1"),
                labelled("feat", "f1", "a2"), rev("f2", "f1"),
                rev("a3", "a2"));

        assertThat(ids(graph.branchHeads("core"))).containsExactly("a3");
        assertThat(ids(graph.branchHeads("feat"))).containsExactly("f2");
        assertThat(graph.branchBase("feat").id()).isEqualTo("f1");
    }

    @Test
    void branchWhoseOnlyChildStartsAnotherBranch_endsAtItsLabelledRevision() {
        RevisionGraph graph = graph(labelled("core", "a1"), labelled("feat", "f1", "a1"));

        assertThat(ids(graph.branchHeads("core"))).containsExactly("a1");
    }

    @Test
    void unknownBranchLabel_isAnErrorListingTheKnownOnes() {
        RevisionGraph graph = graph(labelled("core", "a1"));

        assertThatThrownBy(() -> graph.branchHeads("nope"))
                .isInstanceOf(UnknownBranchException.class)
                .hasMessage("unknown branch label 'nope'; known labels: core");
    }

    @Test
    void unknownRevision_isAnError() {
        RevisionGraph graph = graph(rev("a1"));

        assertThatThrownBy(() -> graph.children("zz"))
                .isInstanceOf(UnknownRevisionException.class)
                .hasMessage("unknown revision 'zz'");
        assertThat(graph.find("zz")).isEmpty();
    }

    @Test
    void emptyGraph_hasNoHeadsAndNoRoots() {
        RevisionGraph graph = graph();

        assertThat(graph.size()).isZero();
        assertThat(graph.heads()).isEmpty();
        assertThat(graph.roots()).isEmpty();
    }
}
