package dev.stepwise.examples.shop;

import dev.stepwise.junit.StepwiseHandle;
import dev.stepwise.junit.StepwiseTest;
import dev.stepwise.stairway.StairwayReport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static dev.stepwise.junit.assertions.StepwiseAssertions.assertThat;

/**
 * The two migration tests every project should have, on the shop's migrations: the upgrade does
 * what it says, and the downgrade takes it back. The class's database lives on the build's
 * embedded PostgreSQL and is dropped after the class.
 */
@StepwiseTest
class ShopMigrationsTest {

    /** The revision that adds {@code users.email}. */
    private static final String ADD_USERS_EMAIL = "8b2e4d6f1a23";

    @BeforeEach
    void startFromAnEmptyDatabase(StepwiseHandle stepwise) {
        // the tests of a class share its database: each starts from base, whatever ran before it
        stepwise.downgrade("base");
    }

    @Test
    void upgradeAddsUsersEmail(StepwiseHandle stepwise) {
        stepwise.upgrade("head");

        assertThat(stepwise.schema()).table("users").hasColumn("email").hasIndex("ix_users_email")
                .column("email").hasType("character varying(255)").isNullable();
    }

    @Test
    void downgradeRemovesUsersEmail(StepwiseHandle stepwise) {
        stepwise.upgrade(ADD_USERS_EMAIL);

        stepwise.downgrade("-1");

        assertThat(stepwise.schema()).table("users").doesNotHaveColumn("email");
    }

    @Test
    void everyMigrationGoesDownAndUpAgainToTheSameSchema(StepwiseHandle stepwise) {
        StairwayReport report = stepwise.stairway();

        assertThat(report.passed()).as("%s", report).isTrue();
        assertThat(report.steps()).hasSize(7);
    }
}
