package dev.stepwise.run;

import dev.stepwise.sql.ExecutionMode;
import dev.stepwise.sql.LockImpact;
import dev.stepwise.sql.Plan;
import dev.stepwise.sql.SqlStatement;
import dev.stepwise.sql.StatementTraits;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class StepLayoutTest {

    private static final StatementTraits TX = StatementTraits.of(ExecutionMode.TRANSACTIONAL, LockImpact.MINOR);
    private static final StatementTraits TX_STRONG = StatementTraits.of(ExecutionMode.TRANSACTIONAL, LockImpact.QUEUES_TRAFFIC);
    private static final StatementTraits CONCURRENT =
            StatementTraits.of(ExecutionMode.AUTOCOMMIT, LockImpact.SHARE_UPDATE_EXCLUSIVE);
    private static final StatementTraits VALIDATE =
            StatementTraits.of(ExecutionMode.OWN_TRANSACTION, LockImpact.SHARE_UPDATE_EXCLUSIVE);

    private static Plan plan(StatementTraits... traits) {
        List<SqlStatement> statements = new ArrayList<>();
        for (int i = 0; i < traits.length; i++) {
            statements.add(statement("SELECT " + i, List.of("SELECT", "" + i), traits[i]));
        }
        return new Plan(statements::iterator);
    }

    private static SqlStatement statement(String sql, List<String> tokens, StatementTraits traits) {
        return new SqlStatement(sql, 1, 1, tokens, List.of(), traits);
    }

    @Test
    void allTransactional_isOneTransaction() {
        StepLayout layout = StepLayout.of(plan(TX, TX_STRONG));
        assertThat(layout.isSingleTransaction()).isTrue();
        assertThat(layout.steps()).containsExactly(new StepLayout.Step(0, 2, StepLayout.Kind.TRANSACTION,
                LockImpact.QUEUES_TRAFFIC));
    }

    @Test
    void aConcurrentBuild_splitsTheMigrationIntoSteps_keepingTheOrder() {
        StepLayout layout = StepLayout.of(plan(TX, TX, CONCURRENT, CONCURRENT, TX_STRONG));
        assertThat(layout.isSingleTransaction()).isFalse();
        assertThat(layout.steps()).extracting(StepLayout.Step::first, StepLayout.Step::end, StepLayout.Step::kind)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(0, 2, StepLayout.Kind.TRANSACTION),
                        org.assertj.core.groups.Tuple.tuple(2, 3, StepLayout.Kind.AUTOCOMMIT),
                        org.assertj.core.groups.Tuple.tuple(3, 4, StepLayout.Kind.AUTOCOMMIT),
                        org.assertj.core.groups.Tuple.tuple(4, 5, StepLayout.Kind.TRANSACTION));
    }

    @Test
    void validateConstraint_isAStepOfItsOwn_betweenTheTransactionsAroundIt() {
        StepLayout layout = StepLayout.of(plan(TX_STRONG, VALIDATE, TX));
        assertThat(layout.steps()).extracting(StepLayout.Step::kind).containsExactly(
                StepLayout.Kind.TRANSACTION, StepLayout.Kind.OWN_TRANSACTION, StepLayout.Kind.TRANSACTION);
        assertThat(layout.steps().get(1).lock()).isEqualTo(LockImpact.SHARE_UPDATE_EXCLUSIVE);
    }

    @Test
    void enumValueUsedByALaterStatement_isAddedInAStepOfItsOwn() {
        StatementTraits addsShipped = new StatementTraits(ExecutionMode.TRANSACTIONAL, LockImpact.MINOR, "shipped");
        Plan plan = new Plan(() -> List.of(
                statement("ALTER TYPE status ADD VALUE 'shipped'", List.of("ALTER", "TYPE", "status", "ADD", "VALUE", "'shipped'"), addsShipped),
                statement("UPDATE orders SET status = 'shipped'", List.of("UPDATE", "orders", "SET", "status", "=", "'shipped'"), TX)).iterator());

        assertThat(StepLayout.of(plan).steps()).extracting(StepLayout.Step::kind)
                .containsExactly(StepLayout.Kind.OWN_TRANSACTION, StepLayout.Kind.TRANSACTION);
    }

    @Test
    void enumValueNoLaterStatementUses_staysInTheTransaction() {
        StatementTraits addsShipped = new StatementTraits(ExecutionMode.TRANSACTIONAL, LockImpact.MINOR, "shipped");
        Plan plan = new Plan(() -> List.of(
                statement("ALTER TYPE status ADD VALUE 'shipped'", List.of("ALTER", "TYPE", "status", "ADD", "VALUE", "'shipped'"), addsShipped),
                statement("UPDATE orders SET note = 'x'", List.of("UPDATE", "orders", "SET", "note", "=", "'x'"), TX)).iterator());

        assertThat(StepLayout.of(plan).isSingleTransaction()).isTrue();
    }

    @Test
    void anEmptySection_stillMovesTheVersionTableInATransaction() {
        StepLayout layout = StepLayout.of(plan());
        assertThat(layout.isSingleTransaction()).isTrue();
        assertThat(layout.steps()).hasSize(1);
    }
}
