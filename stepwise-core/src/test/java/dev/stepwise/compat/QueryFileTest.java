package dev.stepwise.compat;

import dev.stepwise.StepwiseException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class QueryFileTest {

    @TempDir
    Path dir;

    @Test
    void statementsAreSplitAsPsqlWould_eachWithItsLine() throws IOException {
        Path file = Files.writeString(dir.resolve("q.sql"), """
                -- exported from pg_stat_statements
                SELECT id FROM orders WHERE note = 'a;b' AND id = $1;

                INSERT INTO orders (id, note)
                VALUES (?, ?);
                SELECT 1""");

        assertThat(QueryFile.read(file, "q.sql")).containsExactly(
                new Query("q.sql", 2, "SELECT id FROM orders WHERE note = 'a;b' AND id = $1"),
                new Query("q.sql", 4, "INSERT INTO orders (id, note)\nVALUES (?, ?)"),
                new Query("q.sql", 6, "SELECT 1"));
    }

    @Test
    void sqlThatCannotBeSplit_isBadInputNamingFileAndLine() throws IOException {
        Path file = Files.writeString(dir.resolve("q.sql"), "SELECT 1;\nSELECT 'open;\n");

        assertThatThrownBy(() -> QueryFile.read(file, "q.sql")).isInstanceOf(StepwiseException.class)
                .hasMessageStartingWith("q.sql:2:")
                .satisfies(e -> assertThat(((StepwiseException) e).category())
                        .isEqualTo(StepwiseException.Category.BAD_INPUT));
    }
}
