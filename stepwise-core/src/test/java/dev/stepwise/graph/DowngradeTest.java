package dev.stepwise.graph;

import org.junit.jupiter.api.Test;

import java.util.Set;

import static dev.stepwise.graph.Revisions.dependsOn;
import static dev.stepwise.graph.Revisions.graph;
import static dev.stepwise.graph.Revisions.labelled;
import static dev.stepwise.graph.Revisions.rev;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DowngradeTest {

    private final Targets linear = new Targets(graph(rev("a1"), rev("a2", "a1"), rev("a3", "a2")));

    /** a forks into b and c, which m merges. */
    private final RevisionGraph merged = graph(rev("a"), rev("b", "a"), rev("c", "a"), rev("m", "b", "c"));

    @Test
    void base_unappliesEverythingChildrenFirst() {
        assertThat(linear.downgradeTo("base", Set.of("a3")).ids()).containsExactly("a3", "a2", "a1");
        assertThat(new Targets(merged).downgradeTo("base", Set.of("m")).ids())
                .containsExactly("m", "c", "b", "a");
    }

    @Test
    void toARevision_unappliesWhatDescendsFromIt() {
        assertThat(linear.downgradeTo("a1", Set.of("a3")).ids()).containsExactly("a3", "a2");
    }

    @Test
    void toTheCurrentHead_isAnEmptyPlan() {
        assertThat(linear.downgradeTo("a3", Set.of("a3")).isEmpty()).isTrue();
        assertThat(linear.downgradeTo("base", Set.of()).isEmpty()).isTrue();
    }

    @Test
    void toABranchPoint_unappliesBothBranches() {
        Targets forked = new Targets(graph(rev("a"), rev("b", "a"), rev("c", "a")));

        assertThat(forked.downgradeTo("a", Set.of("b", "c")).ids()).containsExactly("c", "b");
    }

    @Test
    void toARevision_alsoUnappliesWhatDependsOnItFromAnotherBranch() {
        Targets targets = new Targets(graph(
                labelled("core", "c1"), rev("c2", "c1"),
                labelled("net", "n1"), dependsOn(rev("n2", "n1"), "c2")));

        assertThat(targets.downgradeTo("c1", Set.of("c2", "n2")).ids()).containsExactly("n2", "c2");
    }

    @Test
    void toEveryHead_whenOneHeadDependsOnAnother_isAnEmptyPlan() {
        Targets targets = new Targets(graph(labelled("core", "c1"), dependsOn(labelled("net", "n1"), "c1")));

        assertThat(targets.downgradeTo("heads", Set.of("c1", "n1")).isEmpty()).isTrue();
    }

    @Test
    void aRevisionThatIsNotApplied_isAnError() {
        assertThatThrownBy(() -> linear.downgradeTo("a3", Set.of("a1")))
                .isInstanceOf(RevisionNotAppliedException.class)
                .hasMessage("cannot downgrade to a3 (migrations/a3.sql): it is not applied"
                        + " (the database is at a1) — use upgrade to go there");
    }

    @Test
    void minusOne_unappliesTheCurrentHead() {
        assertThat(linear.downgradeTo("-1", Set.of("a3")).ids()).containsExactly("a3");
        assertThat(linear.downgradeTo("-3", Set.of("a3")).ids()).containsExactly("a3", "a2", "a1");
    }

    @Test
    void minusOne_afterAMerge_unappliesOnlyTheMergeAndLeavesBothParentsAsHeads() {
        DowngradePlan plan = new Targets(merged).downgradeTo("-1", Set.of("m"));

        assertThat(plan.ids()).containsExactly("m");
        assertThat(new VersionHeads(merged).headsAfterUnapplying(Set.of("m"), "m")).containsExactly("b", "c");
    }

    @Test
    void minusTwo_afterAMerge_isAnErrorNamingTheParents() {
        assertThatThrownBy(() -> new Targets(merged).downgradeTo("-2", Set.of("m")))
                .isInstanceOf(AmbiguousStepException.class)
                .hasMessage("target -2 is ambiguous: m (migrations/m.sql) is a merge of: b (migrations/b.sql),"
                        + " c (migrations/c.sql) — name the revision to go to instead");
    }

    @Test
    void minusN_belowBase_isAnError() {
        assertThatThrownBy(() -> linear.downgradeTo("-4", Set.of("a3")))
                .isInstanceOf(InvalidTargetException.class)
                .hasMessage("target '-4': only 3 revision(s) are applied");
    }

    @Test
    void minusN_withSeveralCurrentHeads_isAnError() {
        Targets forked = new Targets(graph(rev("a"), rev("b", "a"), rev("c", "a")));

        assertThatThrownBy(() -> forked.downgradeTo("-1", Set.of("b", "c")))
                .isInstanceOf(InvalidTargetException.class)
                .hasMessage("target '-1': a relative step needs a single current head, and the database"
                        + " is at b, c — use REV-N with REV a revision or label@head");
    }

    @Test
    void minusN_withNothingApplied_isAnError() {
        assertThatThrownBy(() -> linear.downgradeTo("-1", Set.of()))
                .hasMessage("target '-1': nothing is applied");
    }

    @Test
    void plusN_isNotADowngrade() {
        assertThatThrownBy(() -> linear.downgradeTo("+1", Set.of("a1")))
                .isInstanceOf(InvalidTargetException.class)
                .hasMessage("target '+1': downgrade only goes down; use upgrade +1");
    }

    @Test
    void revisionMinusN_downgradesToTheRevisionNStepsBelow() {
        assertThat(linear.downgradeTo("a3-2", Set.of("a3")).ids()).containsExactly("a3", "a2");
        assertThat(linear.downgradeTo("a2-2", Set.of("a3")).ids()).containsExactly("a3", "a2", "a1");
    }

    @Test
    void revisionMinusN_throughAMerge_isAnError() {
        assertThatThrownBy(() -> new Targets(merged).downgradeTo("m-1", Set.of("m")))
                .isInstanceOf(AmbiguousStepException.class);
    }

    @Test
    void revisionMinusN_belowBase_isAnError() {
        assertThatThrownBy(() -> linear.downgradeTo("a2-3", Set.of("a3")))
                .isInstanceOf(InvalidTargetException.class)
                .hasMessage("target 'a2-3': goes below base: a2 (migrations/a2.sql) has 1 revision(s) below it");
    }

    @Test
    void labelAtBase_unappliesTheWholeBranchAndNothingElse() {
        Targets targets = new Targets(graph(
                labelled("core", "a1"), rev("a2", "a1"), rev("a3", "a2"),
                labelled("feat", "f1", "a2"), rev("f2", "f1")));

        assertThat(targets.downgradeTo("feat@base", Set.of("a3", "f2")).ids()).containsExactly("f2", "f1");
    }

    @Test
    void labelAtHeadMinusOne_stepsDownThatBranch() {
        Targets targets = new Targets(graph(
                labelled("core", "c1"), rev("c2", "c1"), labelled("net", "n1"), rev("n2", "n1")));

        assertThat(targets.downgradeTo("net@head-1", Set.of("c2", "n2")).ids()).containsExactly("n2");
    }
}
