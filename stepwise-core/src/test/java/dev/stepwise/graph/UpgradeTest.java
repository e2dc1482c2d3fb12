package dev.stepwise.graph;

import org.junit.jupiter.api.Test;

import java.util.Set;

import static dev.stepwise.graph.Revisions.dependsOn;
import static dev.stepwise.graph.Revisions.graph;
import static dev.stepwise.graph.Revisions.labelled;
import static dev.stepwise.graph.Revisions.rev;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class UpgradeTest {

    private static final Set<String> BASE = Set.of();

    private final Targets linear = new Targets(graph(rev("a1"), rev("a2", "a1"), rev("a3", "a2")));

    /** a → b → d and a → c: b and c fork from a, c is a second head. */
    private final Targets forked = new Targets(graph(rev("a"), rev("b", "a"), rev("c", "a"), rev("d", "b")));

    @Test
    void head_fromBase_appliesTheWholeChainInOrder() {
        assertThat(linear.upgradeTo("head", BASE).ids()).containsExactly("a1", "a2", "a3");
    }

    @Test
    void head_fromTheMiddle_skipsWhatIsApplied() {
        assertThat(linear.upgradeTo("head", Set.of("a1")).ids()).containsExactly("a2", "a3");
    }

    @Test
    void targetAlreadyApplied_isAnEmptyPlan() {
        assertThat(linear.upgradeTo("a2", Set.of("a3")).isEmpty()).isTrue();
        assertThat(linear.upgradeTo("head", Set.of("a3")).isEmpty()).isTrue();
        assertThat(linear.upgradeTo("base", Set.of("a3")).isEmpty()).isTrue();
    }

    @Test
    void head_withSeveralHeads_isAnErrorSuggestingHeadsOrMerge() {
        assertThatThrownBy(() -> forked.upgradeTo("head", BASE))
                .isInstanceOf(MultipleHeadsException.class)
                .hasMessage("multiple heads: c, d — upgrade `heads`, a specific revision, or `merge` them");
    }

    @Test
    void heads_appliesEveryHead() {
        assertThat(forked.upgradeTo("heads", BASE).ids()).containsExactly("a", "b", "c", "d");
        assertThat(forked.upgradeTo("heads", Set.of("d")).ids()).containsExactly("c");
    }

    @Test
    void mergedBranches_haveOneHeadAgain() {
        Targets merged = new Targets(graph(rev("a"), rev("b", "a"), rev("c", "a"), rev("m", "b", "c")));

        assertThat(merged.upgradeTo("head", Set.of("b")).ids()).containsExactly("c", "m");
    }

    @Test
    void plusN_fromBase_walksTheRootChain() {
        assertThat(linear.upgradeTo("+1", BASE).ids()).containsExactly("a1");
        assertThat(linear.upgradeTo("+2", BASE).ids()).containsExactly("a1", "a2");
    }

    @Test
    void plusN_fromTheCurrentHead_walksUpItsChildren() {
        assertThat(linear.upgradeTo("+1", Set.of("a1")).ids()).containsExactly("a2");
        assertThat(linear.upgradeTo("+2", Set.of("a1")).ids()).containsExactly("a2", "a3");
    }

    @Test
    void plusTwo_throughAFork_isAnErrorNamingTheChildren() {
        assertThatThrownBy(() -> forked.upgradeTo("+2", BASE))
                .isInstanceOf(AmbiguousStepException.class)
                .hasMessage("target +2 is ambiguous: a (migrations/a.sql) has several children:"
                        + " b (migrations/b.sql), c (migrations/c.sql) — name the revision to go to instead");
    }

    @Test
    void plusN_pastTheHead_isAnError() {
        assertThatThrownBy(() -> linear.upgradeTo("+3", Set.of("a1")))
                .isInstanceOf(InvalidTargetException.class)
                .hasMessage("target '+3': goes past the head a3 (migrations/a3.sql) after 2 step(s)");
        assertThatThrownBy(() -> linear.upgradeTo("+4", BASE))
                .hasMessage("target '+4': goes past the head a3 (migrations/a3.sql) after 3 step(s)");
    }

    @Test
    void plusN_fromBaseWithSeveralRoots_isAnErrorNamingTheRoots() {
        Targets twoRoots = new Targets(graph(labelled("core", "c1"), labelled("net", "n1")));

        assertThatThrownBy(() -> twoRoots.upgradeTo("+1", BASE))
                .isInstanceOf(AmbiguousStepException.class)
                .hasMessageContaining("from base there are several roots: c1 (migrations/c1.sql), n1 (migrations/n1.sql)");
    }

    @Test
    void plusN_withSeveralCurrentHeads_isAnError() {
        assertThatThrownBy(() -> forked.upgradeTo("+1", Set.of("b", "c")))
                .isInstanceOf(InvalidTargetException.class)
                .hasMessageContaining("needs a single current head, and the database is at b, c");
    }

    @Test
    void revisionPlusN_walksUpFromThatRevision() {
        assertThat(linear.upgradeTo("a1+1", BASE).ids()).containsExactly("a1", "a2");
        assertThat(forked.upgradeTo("b+1", BASE).ids()).containsExactly("a", "b", "d");
    }

    @Test
    void revisionMinusN_upgradesToTheRevisionBelow() {
        assertThat(linear.upgradeTo("a3-1", BASE).ids()).containsExactly("a1", "a2");
        assertThat(linear.upgradeTo("head-2", BASE).ids()).containsExactly("a1");
        assertThat(linear.upgradeTo("a3-3", BASE).isEmpty()).isTrue();
    }

    @Test
    void minusN_isNotAnUpgrade() {
        assertThatThrownBy(() -> linear.upgradeTo("-1", Set.of("a3")))
                .isInstanceOf(InvalidTargetException.class)
                .hasMessage("target '-1': upgrade only goes up; use downgrade -1");
    }

    @Test
    void exactId_winsOverAPrefixOfALongerId() {
        Targets targets = new Targets(graph(rev("abc"), rev("abcd", "abc"), rev("abd1", "abcd")));

        assertThat(targets.upgradeTo("abc", BASE).ids()).containsExactly("abc");
        assertThat(targets.upgradeTo("abd", BASE).ids()).containsExactly("abc", "abcd", "abd1");
    }

    @Test
    void ambiguousPrefix_isAnErrorListingTheCandidatesWithTheirFiles() {
        Targets targets = new Targets(graph(rev("abc1"), rev("abc2", "abc1"), rev("abd1", "abc2")));

        assertThatThrownBy(() -> targets.upgradeTo("abc", BASE))
                .isInstanceOf(AmbiguousRevisionException.class)
                .hasMessage("revision prefix 'abc' is ambiguous: it matches abc1 (migrations/abc1.sql),"
                        + " abc2 (migrations/abc2.sql) — type more of the id");
    }

    @Test
    void unknownRevision_isAnError() {
        assertThatThrownBy(() -> linear.upgradeTo("b7", BASE))
                .isInstanceOf(UnknownRevisionException.class)
                .hasMessage("unknown revision 'b7'");
    }

    @Test
    void bareBranchLabel_isAnUnknownRevisionWithAHint() {
        Targets targets = new Targets(graph(labelled("core", "c1")));

        assertThatThrownBy(() -> targets.upgradeTo("core", BASE))
                .hasMessage("unknown revision 'core'; 'core' is a branch label: use core@head");
    }

    @Test
    void labelAtHead_appliesOnlyThatBranch() {
        Targets targets = new Targets(graph(
                labelled("core", "c1"), rev("c2", "c1"), labelled("net", "n1"), rev("n2", "n1")));

        assertThat(targets.upgradeTo("net@head", BASE).ids()).containsExactly("n1", "n2");
        assertThat(targets.upgradeTo("core@head-1", BASE).ids()).containsExactly("c1");
    }

    @Test
    void labelAtHead_ofAForkedBranch_isAnError() {
        Targets targets = new Targets(graph(labelled("core", "a"), rev("b", "a"), rev("c", "a")));

        assertThatThrownBy(() -> targets.upgradeTo("core@head", BASE))
                .isInstanceOf(MultipleHeadsException.class)
                .hasMessage("branch 'core' has multiple heads: b, c — name a specific revision, or `merge` them");
    }

    @Test
    void dependsOnAcrossBranches_appliesTheDependencyFirstAndNothingElse() {
        Targets targets = new Targets(graph(
                labelled("net", "n1"), dependsOn(rev("n2", "n1"), "c2"),
                labelled("core", "c1"), rev("c2", "c1"), rev("c3", "c2")));

        assertThat(targets.upgradeTo("net@head", BASE).ids()).containsExactly("n1", "c1", "c2", "n2");
        assertThat(targets.upgradeTo("n2", Set.of("c3")).ids()).containsExactly("n1", "n2");
    }

    @Test
    void labelAtBase_upgradesToJustBeforeTheBranch() {
        Targets targets = new Targets(graph(rev("a1"), rev("a2", "a1"), labelled("feat", "f1", "a2")));

        assertThat(targets.upgradeTo("feat@base", BASE).ids()).containsExactly("a1", "a2");
    }

    @Test
    void databaseAtAnUnknownRevision_isAnError() {
        assertThatThrownBy(() -> linear.upgradeTo("head", Set.of("zz9")))
                .isInstanceOf(UnknownDatabaseRevisionException.class)
                .hasMessage("database is at revision zz9, which no migration file defines");
    }

    @Test
    void databaseHoldingARevisionAndItsAncestor_isAnError() {
        assertThatThrownBy(() -> linear.upgradeTo("head", Set.of("a1", "a2")))
                .isInstanceOf(OverlappingHeadsException.class)
                .hasMessageContaining("holds both a1 (migrations/a1.sql) and its descendant a2 (migrations/a2.sql)");
    }

    @Test
    void noMigrations_upgradeHeadIsAnEmptyPlan() {
        assertThat(new Targets(graph()).upgradeTo("head", BASE).isEmpty()).isTrue();
    }
}
