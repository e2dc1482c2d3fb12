package dev.stepwise.run;

import dev.stepwise.sql.ExecutionMode;
import dev.stepwise.sql.Plan;
import dev.stepwise.sql.SqlStatement;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class StepLayoutTest {

    private static Plan plan(ExecutionMode... modes) {
        List<SqlStatement> statements = new java.util.ArrayList<>();
        for (int i = 0; i < modes.length; i++) {
            statements.add(new SqlStatement("SELECT " + i, i + 1, 1, List.of("SELECT", "" + i), List.of(), modes[i]));
        }
        return new Plan(statements::iterator);
    }

    @Test
    void allTransactional_isOneTransaction() {
        StepLayout layout = StepLayout.of(plan(ExecutionMode.TRANSACTIONAL, ExecutionMode.TRANSACTIONAL));
        assertThat(layout.isSingleTransaction()).isTrue();
        assertThat(layout.steps()).containsExactly(new StepLayout.Step(0, 2, true));
    }

    @Test
    void aConcurrentBuild_splitsTheMigrationIntoSteps_keepingTheOrder() {
        StepLayout layout = StepLayout.of(plan(ExecutionMode.TRANSACTIONAL, ExecutionMode.TRANSACTIONAL,
                ExecutionMode.AUTOCOMMIT, ExecutionMode.AUTOCOMMIT, ExecutionMode.TRANSACTIONAL));
        assertThat(layout.isSingleTransaction()).isFalse();
        assertThat(layout.steps()).containsExactly(
                new StepLayout.Step(0, 2, true),
                new StepLayout.Step(2, 3, false),
                new StepLayout.Step(3, 4, false),
                new StepLayout.Step(4, 5, true));
    }

    @Test
    void anEmptySection_stillMovesTheVersionTableInATransaction() {
        StepLayout layout = StepLayout.of(plan());
        assertThat(layout.isSingleTransaction()).isTrue();
        assertThat(layout.steps()).containsExactly(new StepLayout.Step(0, 0, true));
    }
}
