package dev.stepwise.bench.report;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class MeasurementsTest {

    @Test
    void ratios_arePairedByRepetition_notMediansDivided() {
        Measurements m = new Measurements();
        m.add("floor", 0, 2.0);
        m.add("tool", 0, 3.0);
        m.add("floor", 1, 4.0);
        m.add("tool", 1, 5.0);
        m.add("floor", 2, 1.0);
        m.add("tool", 2, 4.0);

        assertThat(m.ratios("tool", "floor")).containsExactly(1.5, 1.25, 4.0);
        assertThat(m.medianRatio("tool", "floor")).isEqualTo(1.5);
        // the ratio of the medians would say 4.0 / 2.0 = 2.0
        assertThat(m.median("tool") / m.median("floor")).isEqualTo(2.0);
    }

    @Test
    void median_ofAnEvenCount_isTheMeanOfTheMiddleTwo() {
        assertThat(Median.of(List.of(4.0, 1.0, 3.0, 2.0))).isCloseTo(2.5, within(1e-9));
    }

    @Test
    void aToolWithAMissingRepetition_isAnError() {
        Measurements m = new Measurements();
        m.add("tool", 1, 3.0);

        assertThatThrownBy(() -> m.runs("tool")).hasMessageContaining("no complete runs for tool");
    }

    @Test
    void markdownTable_escapesPipesInCells() {
        String table = new MarkdownTable("tool", "time").row("a|b", "1 s").render();

        assertThat(table).isEqualTo("| tool | time |\n| --- | --- |\n| a\\|b | 1 s |\n");
    }
}
