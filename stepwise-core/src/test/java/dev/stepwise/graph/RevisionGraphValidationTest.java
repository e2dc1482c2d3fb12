package dev.stepwise.graph;

import dev.stepwise.StepwiseException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Set;

import static dev.stepwise.graph.Revisions.dependsOn;
import static dev.stepwise.graph.Revisions.graph;
import static dev.stepwise.graph.Revisions.labelled;
import static dev.stepwise.graph.Revisions.rev;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class RevisionGraphValidationTest {

    @Test
    void duplicateId_isAnErrorNamingBothFiles() {
        Revision copy = Revision.of("a1", List.of(), List.of(), Set.of(),
                "migrations/copy.sql");

        DuplicateRevisionException error = catchThrowableOfType(DuplicateRevisionException.class,
                () -> graph(rev("a1"), copy));

        assertThat(error).hasMessage("revision a1 is defined twice: in migrations/a1.sql and in"
                + " migrations/copy.sql — give one of them a new revision id");
        assertThat(error.category()).isEqualTo(StepwiseException.Category.BAD_INPUT);
    }

    @ParameterizedTest
    @ValueSource(strings = {"A1", "a-1", "a.1", ""})
    void idOutsideLowercaseDigitsAndUnderscore_isAnError(String id) {
        assertThatThrownBy(() -> graph(rev(id)))
                .isInstanceOf(InvalidRevisionIdException.class)
                .hasMessage("migrations/" + id + ".sql: revision id '" + id
                        + "' is not valid: use lowercase letters, digits and _ only");
    }

    @ParameterizedTest
    @ValueSource(strings = {"none", "base", "head", "heads"})
    void reservedWord_isNotARevisionId(String id) {
        assertThatThrownBy(() -> graph(rev(id)))
                .isInstanceOf(InvalidRevisionIdException.class)
                .hasMessageContaining("migrations/" + id + ".sql")
                .hasMessageContaining("'" + id + "' is reserved");
    }

    @Test
    void missingParent_isAnErrorNamingTheFileAndTheMissingId() {
        assertThatThrownBy(() -> graph(rev("a1"), rev("a2", "a0")))
                .isInstanceOf(MissingRevisionException.class)
                .hasMessage("migrations/a2.sql: revision a2 has down_revision a0,"
                        + " which no migration file defines");
    }

    @Test
    void missingDependsOn_isAnErrorNamingTheFileAndTheMissingId() {
        assertThatThrownBy(() -> graph(rev("a1"), dependsOn(rev("a2", "a1"), "x9")))
                .isInstanceOf(MissingRevisionException.class)
                .hasMessage("migrations/a2.sql: revision a2 has depends_on x9,"
                        + " which no migration file defines");
    }

    @Test
    void cycleThroughParents_isAnErrorNamingOnlyTheRevisionsOnIt() {
        RevisionCycleException error = catchThrowableOfType(RevisionCycleException.class,
                () -> graph(rev("r"), rev("a", "r", "c"), rev("b", "a"), rev("c", "b"), rev("d", "c")));

        assertThat(Revisions.ids(error.cycle())).containsExactly("a", "c", "b");
        assertThat(error).hasMessage("revisions form a cycle through down_revision/depends_on:"
                + " a (migrations/a.sql), c (migrations/c.sql), b (migrations/b.sql), back to a"
                + " (each needs the next one applied first)");
    }

    @Test
    void cycleThroughDependsOn_isAnError() {
        RevisionCycleException error = catchThrowableOfType(RevisionCycleException.class,
                () -> graph(rev("a"), dependsOn(rev("b", "a"), "c"), rev("c", "b")));

        assertThat(Revisions.ids(error.cycle())).containsExactly("b", "c");
    }

    @Test
    void revisionThatIsItsOwnParent_isACycle() {
        assertThatThrownBy(() -> graph(rev("a", "a")))
                .isInstanceOf(RevisionCycleException.class)
                .hasMessageContaining("a (migrations/a.sql), back to a");
    }

    @Test
    void unlabelledSecondRoot_isAnErrorNamingTheRoots() {
        assertThatThrownBy(() -> graph(labelled("core", "a1"), rev("a2", "a1"), rev("b1")))
                .isInstanceOf(UnlabelledRootException.class)
                .hasMessageStartingWith("unlabelled second root: the migrations have 2 roots"
                        + " (a1 (migrations/a1.sql), b1 (migrations/b1.sql))");
    }

    @Test
    void singleUnlabelledRoot_isFine() {
        assertThat(graph(rev("a1"), rev("a2", "a1")).size()).isEqualTo(2);
    }

    @Test
    void severalRootsEachLabelled_areFine() {
        assertThat(Revisions.ids(graph(labelled("core", "a1"), labelled("net", "b1")).roots()))
                .containsExactly("a1", "b1");
    }

    @Test
    void labelDeclaredOnTwoBranches_isAnErrorNamingBoth() {
        assertThatThrownBy(() -> graph(rev("a"), labelled("feat", "b", "a"), labelled("feat", "c", "a")))
                .isInstanceOf(BranchLabelConflictException.class)
                .hasMessage("branch label 'feat' is used by two different branches: b (migrations/b.sql)"
                        + " and c (migrations/c.sql) — a label names one branch; rename one of them");
    }

    @Test
    void labelDeclaredAgainFurtherDownItsOwnChain_isAccepted() {
        RevisionGraph graph = graph(labelled("feat", "a"), rev("b", "a"), labelled("feat", "c", "b"));

        assertThat(Revisions.ids(graph.branchHeads("feat"))).containsExactly("c");
        assertThat(graph.branchBase("feat").id()).isEqualTo("a");
    }

    @Test
    void labelEqualToARevisionId_isAnError() {
        assertThatThrownBy(() -> graph(rev("a"), labelled("a", "b", "a")))
                .isInstanceOf(BranchLabelConflictException.class)
                .hasMessage("branch label 'a' of b (migrations/b.sql) is also the id of revision"
                        + " a (migrations/a.sql) — rename the label");
    }
}
