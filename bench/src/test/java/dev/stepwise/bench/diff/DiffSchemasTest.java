package dev.stepwise.bench.diff;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DiffSchemasTest {

    @Test
    void twoThousandTables_giveTheIssuesShareOfEachDifference() {
        DiffSchemas schemas = new DiffSchemas(2000);

        assertThat(schemas.plannedDifferences()).containsEntry("tables with an added column (`note text`)", 100)
                .containsEntry("tables with a changed column type (`quantity` integer → bigint)", 40)
                .containsEntry("tables with a dropped column (`external_id`)", 20)
                .containsEntry("added indexes (on `name`)", 20)
                .containsEntry("dropped indexes (the partial one on `created_at`)", 20)
                .containsEntry("dropped tables", 10)
                .containsEntry("new tables (each with its 3 indexes and foreign key)", 10);
    }

    @Test
    void schemaA_isChunkedSoNoTransactionLocksThousandsOfRelations() {
        List<String> chunks = new DiffSchemas(2000).schemaA();

        assertThat(chunks).hasSize(2000 / DiffSchemas.TABLES_PER_CHUNK);
        assertThat(chunks.get(0)).contains("CREATE TABLE entity_00001 (").contains("CREATE TABLE entity_00200 (")
                .doesNotContain("entity_00201 (");
    }

    @Test
    void everyForeignKey_pointsAtAnEarlierTable_andNewTablesNeverAtADroppedOne() {
        DiffSchemas schemas = new DiffSchemas(400);
        String a = String.join("", schemas.schemaA());
        java.util.regex.Matcher fk = java.util.regex.Pattern
                .compile("ALTER TABLE entity_(\\d+) ADD CONSTRAINT \\S+ FOREIGN KEY \\(parent_id\\) REFERENCES entity_(\\d+)")
                .matcher(a + schemas.differences());
        int keys = 0;
        while (fk.find()) {
            int table = Integer.parseInt(fk.group(1));
            int parent = Integer.parseInt(fk.group(2));
            keys++;
            assertThat(parent).isLessThanOrEqualTo(table);
            if (table > 400) {
                assertThat(schemas.differences()).doesNotContain("DROP TABLE " + DiffSchemas.name(parent) + " ");
            }
        }
        assertThat(keys).isEqualTo(400 + 2);
    }

    @Test
    void tooFewTables_areRefusedWithTheProperty() {
        assertThatThrownBy(() -> new DiffSchemas(50)).hasMessageContaining("bench.diffTables");
    }
}
