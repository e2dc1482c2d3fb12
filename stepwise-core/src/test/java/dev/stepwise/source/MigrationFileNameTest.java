package dev.stepwise.source;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class MigrationFileNameTest {

    private static final Instant CREATED = Instant.parse("2024-05-01T09:30:00.750Z");

    @Test
    void newName_isUtcTimestampRevisionAndSlug() {
        MigrationFileName name = MigrationFileName.of(CREATED, "7c1e2a9b4f01", "Add users.email");

        assertThat(name.fileName()).isEqualTo("20240501093000_7c1e2a9b4f01_add_users_email.sql");
    }

    @Test
    void nameWithoutMessage_hasNoSlug() {
        assertThat(MigrationFileName.of(CREATED, "7c1e2a9b4f01", "").fileName())
                .isEqualTo("20240501093000_7c1e2a9b4f01.sql");
    }

    @Test
    void parsedName_givesTimestampAndStem_andFormatsBackTheSame() {
        MigrationFileName name = MigrationFileName.parse("20240501093000_7c1e2a9b4f01_add_users_email.sql").orElseThrow();

        assertThat(name.timestamp()).isEqualTo(Instant.parse("2024-05-01T09:30:00Z"));
        assertThat(name.stem()).isEqualTo("7c1e2a9b4f01_add_users_email");
        assertThat(name.fileName()).isEqualTo("20240501093000_7c1e2a9b4f01_add_users_email.sql");
    }

    @Test
    void nameNamesItsRevision_evenWhenTheRevisionContainsUnderscores() {
        MigrationFileName name = MigrationFileName.parse("20240501093000_add_users_create_table.sql").orElseThrow();

        assertThat(name.names("add_users")).isTrue();
        assertThat(name.names("add_users_create_table")).isTrue();
        assertThat(name.names("add_user")).isFalse();
        assertThat(name.names("users")).isFalse();
    }

    @Test
    void namesOfOtherShapes_areNotMigrationNames() {
        assertThat(MigrationFileName.parse("V1__init.sql")).isEmpty();
        assertThat(MigrationFileName.parse("20240501093000_Abc_x.sql")).isEmpty();
        assertThat(MigrationFileName.parse("20240501093000_abc.SQL")).isEmpty();
        assertThat(MigrationFileName.parse("2024050109300_abc.sql")).isEmpty();
    }

    @Test
    void impossibleTimestamp_isNotAMigrationName() {
        assertThat(MigrationFileName.parse("20241301093000_abc.sql")).isEmpty();
        assertThat(MigrationFileName.parse("20240230093000_abc.sql")).isEmpty();
    }

    @Test
    void slug_isLowercaseAsciiWithSingleUnderscores_trimmed() {
        assertThat(MigrationFileName.slug("  Add NOT NULL -- to users.email!  ")).isEqualTo("add_not_null_to_users_email");
        assertThat(MigrationFileName.slug("Crème brûlée")).isEqualTo("creme_brulee");
        assertThat(MigrationFileName.slug("日本")).isEmpty();
    }

    @Test
    void longSlug_isCutToFortyCharacters_withoutATrailingUnderscore() {
        String slug = MigrationFileName.slug("rename the customers table to accounts and move the billing columns");

        assertThat(slug).hasSizeLessThanOrEqualTo(MigrationFileName.MAX_SLUG_LENGTH).doesNotEndWith("_")
                .startsWith("rename_the_customers_table_to_accounts");
    }
}
