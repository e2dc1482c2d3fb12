package dev.stepwise.junit.assertions;

import dev.stepwise.junit.StepwiseHandle;
import dev.stepwise.junit.StepwiseTest;
import dev.stepwise.schema.SchemaModel;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static dev.stepwise.junit.assertions.StepwiseAssertions.assertThat;
import static dev.stepwise.junit.assertions.StepwiseAssertions.assertThatThrownBy;

/** The assertions on a schema a real PostgreSQL made from the accounts project's migrations. */
@StepwiseTest(project = "src/test/projects/accounts")
class SchemaAssertionsTest {

    private static SchemaModel schema;

    @BeforeAll
    static void upgrade(StepwiseHandle stepwise) {
        stepwise.upgrade("head");
        schema = stepwise.schema();
    }

    @Test
    void versionTables_areNotPartOfTheSchema() {
        assertThat(schema).doesNotHaveTable("stepwise_version").doesNotHaveTable("stepwise_history");
    }

    @Test
    void hasTable_passesForTablesThereAndNamesTheTablesWhenOneIsNot() {
        assertThat(schema).hasTable("users").hasTable("public.orders").hasTable("billing.invoices");

        assertThatThrownBy(() -> assertThat(schema).hasTable("invoices"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Expecting the schema to have table public.invoices, but its tables are: "
                        + "billing.invoices, public.orders, public.users");
    }

    @Test
    void doesNotHaveTable_failsForATableThere() {
        assertThat(schema).doesNotHaveTable("customers").doesNotHaveTable("public.invoices");

        assertThatThrownBy(() -> assertThat(schema).doesNotHaveTable("users"))
                .hasMessageContaining("Expecting the schema not to have table public.users, but it has it (columns: id, name, email)");
    }

    @Test
    void table_ofATableNotThere_failsBeforeAnyColumnIsLookedAt() {
        assertThatThrownBy(() -> assertThat(schema).table("user").hasColumn("email"))
                .hasMessageContaining("have table public.user, but its tables are");
    }

    @Test
    void hasColumn_namesTheColumnsThereWhenOneIsNot() {
        assertThat(schema).table("users").hasColumn("email").hasColumn("name");

        assertThatThrownBy(() -> assertThat(schema).table("users").hasColumn("emial"))
                .hasMessageContaining("Expecting table public.users to have column emial, but its columns are: id, name, email");
    }

    @Test
    void doesNotHaveColumn_describesTheColumnThere() {
        assertThat(schema).table("orders").doesNotHaveColumn("email");

        assertThatThrownBy(() -> assertThat(schema).table("users").doesNotHaveColumn("email"))
                .hasMessageContaining("not to have column email, but it has it (email character varying(255) NULL)");
    }

    @Test
    void hasType_comparesTheTypeAsPostgresqlPrintsIt() {
        assertThat(schema).table("users").column("email").hasType("character varying(255)");
        assertThat(schema).table("orders").column("user_id").hasType("bigint");

        assertThatThrownBy(() -> assertThat(schema).table("users").column("email").hasType("varchar(255)"))
                .hasMessageContaining("Expecting column public.users.email to have type varchar(255), "
                        + "but it has type character varying(255)");
    }

    @Test
    void isNullableAndIsNotNull_tellTheColumnsNullability() {
        assertThat(schema).table("users").column("email").isNullable();
        assertThat(schema).table("users").column("name").isNotNull();

        assertThatThrownBy(() -> assertThat(schema).table("users").column("email").isNotNull())
                .hasMessageContaining("Expecting column public.users.email to be NOT NULL, but it is nullable");
        assertThatThrownBy(() -> assertThat(schema).table("users").column("name").isNullable())
                .hasMessageContaining("Expecting column public.users.name to be nullable, but it is NOT NULL");
    }

    @Test
    void hasDefault_comparesTheExpressionAsPostgresqlPrintsIt() {
        assertThat(schema).table("orders").column("status").hasDefault("'pending'::text");

        assertThatThrownBy(() -> assertThat(schema).table("orders").column("status").hasDefault("'pending'"))
                .hasMessageContaining("to have default 'pending', but it has default 'pending'::text");
        assertThatThrownBy(() -> assertThat(schema).table("users").column("email").hasDefault("''"))
                .hasMessageContaining("to have default '', but it has none");
    }

    @Test
    void hasIndex_countsConstraintIndexesAndNamesTheIndexesThere() {
        assertThat(schema).table("orders").hasIndex("ix_orders_user_id").hasIndex("orders_pkey")
                .doesNotHaveIndex("ix_users_email");

        assertThatThrownBy(() -> assertThat(schema).table("orders").hasIndex("ix_orders_status"))
                .hasMessageContaining("Expecting table public.orders to have index ix_orders_status, "
                        + "but its indexes are: ix_orders_user_id, orders_pkey");
        assertThatThrownBy(() -> assertThat(schema).table("orders").doesNotHaveIndex("ix_orders_user_id"))
                .hasMessageContaining("not to have index ix_orders_user_id, but it has it: CREATE INDEX ix_orders_user_id");
    }

    @Test
    void hasForeignKeyTo_readsTheReferencedTableWithItsSchema() {
        assertThat(schema).table("orders").hasForeignKeyTo("users");
        assertThat(schema).table("billing.invoices").hasForeignKeyTo("public.orders");

        assertThatThrownBy(() -> assertThat(schema).table("billing.invoices").hasForeignKeyTo("users"))
                .hasMessageContaining("Expecting table billing.invoices to have a foreign key to public.users, "
                        + "but its foreign keys are: invoices_order_id_fkey (order_id) -> public.orders (id)");
        assertThatThrownBy(() -> assertThat(schema).table("users").hasForeignKeyTo("orders"))
                .hasMessageContaining("to have a foreign key to public.orders, but it has none");
    }

    @Test
    void aDescription_leadsTheFailureMessage() {
        assertThatThrownBy(() -> assertThat(schema).as("after the upgrade").hasTable("customers"))
                .hasMessageContaining("[after the upgrade]");
    }

    @Test
    void aTableNameWithAnEmptyPart_isRefused() {
        assertThatThrownBy(() -> assertThat(schema).hasTable("billing."))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("schema.table");
    }
}
