package dev.stepwise.bench.diff;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class LiquibaseChangelogTest {

    @Test
    void changesAreCountedByKind_acrossChangeSets(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("changelog.xml"), """
                <?xml version="1.0" encoding="UTF-8"?>
                <databaseChangeLog xmlns="http://www.liquibase.org/xml/ns/dbchangelog">
                    <changeSet author="me" id="1"><addColumn tableName="a"><column name="note" type="TEXT"/></addColumn></changeSet>
                    <changeSet author="me" id="2"><addColumn tableName="b"><column name="note" type="TEXT"/></addColumn></changeSet>
                    <changeSet author="me" id="3"><dropTable tableName="c"/></changeSet>
                </databaseChangeLog>
                """);

        LiquibaseChangelog changelog = LiquibaseChangelog.read(file);

        assertThat(changelog.changeSets()).isEqualTo(3);
        assertThat(changelog.changesByKind()).containsExactly(java.util.Map.entry("addColumn", 2),
                java.util.Map.entry("dropTable", 1));
        assertThat(changelog.changes()).isEqualTo(3);
    }

    @Test
    void noFile_meansLiquibaseFoundNoDifference(@TempDir Path dir) throws Exception {
        assertThat(LiquibaseChangelog.read(dir.resolve("none.xml")).changeSets()).isZero();
    }
}
