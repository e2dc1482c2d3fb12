package dev.stepwise.backfill;

import dev.stepwise.sql.Directive;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class BatchCursorTest {

    @Test
    void cursor_survivesItsTextForm_keysWithCommasAndQuotesIncluded() {
        BatchCursor cursor = BatchCursor.start(List.of("300", "it's, odd&=")).after(List.of("36", "a,b"), 250, 240)
                .nextPass(12, List.of("301", "z")).after(List.of("5", "%"), 3, 3);

        assertThat(BatchCursor.decode(cursor.encode())).isEqualTo(cursor);
    }

    @Test
    void textThatIsNoCursor_decodesToNull() {
        assertThat(BatchCursor.decode(null)).isNull();
        assertThat(BatchCursor.decode("redo")).isNull();
    }

    @Test
    void fixedSize_staysFixed_whileAutoSizeSteersTowardsTheTarget_atMostDoublingOrHalving() {
        BatchSizer fixed = new BatchSizer(BatchSettings.of(new Directive("batch", Map.of("size", "500"), List.of(), 1)));
        fixed.record(500, Duration.ofSeconds(5));
        assertThat(fixed.size()).isEqualTo(500);

        BatchSizer auto = new BatchSizer(BatchSettings.of(new Directive("batch",
                Map.of("size", "auto", "target", "50ms"), List.of(), 1)));
        assertThat(auto.size()).isEqualTo(1000);
        auto.record(1000, Duration.ofMillis(10));
        assertThat(auto.size()).isEqualTo(2000);
        auto.record(2000, Duration.ofMillis(50));
        assertThat(auto.size()).isEqualTo(2000);
        auto.record(2000, Duration.ofMillis(1000));
        assertThat(auto.size()).isEqualTo(1000);
    }
}
