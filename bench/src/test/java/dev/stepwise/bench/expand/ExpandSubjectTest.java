package dev.stepwise.bench.expand;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ExpandSubjectTest {

    @Test
    void theCommandLine_quotesTheExpressions_asAUserTypesThem() {
        assertThat(ExpandSubject.changeType().commandLine()).isEqualTo("stepwise revision --change-type"
                + " orders.total_dollars:total_cents:bigint --using \"round(total_dollars * 100)\" --reverse"
                + " \"total_cents / 100.0\"");
        assertThat(ExpandSubject.renameColumn().commandLine())
                .isEqualTo("stepwise revision --rename-column orders.note:memo");
    }

    @Test
    void theNaiveTypeChange_isCheckedUnderTheNameItKeeps() {
        assertThat(ExpandSubject.changeType().check()).contains("total_cents IS DISTINCT FROM (id % 100000)");
        assertThat(ExpandSubject.changeType().naiveCheck()).contains("total_dollars IS DISTINCT FROM (id % 100000)");
        // the naive rename ends with the same column as the generator
        assertThat(ExpandSubject.renameColumn().naiveCheck()).isEqualTo(ExpandSubject.renameColumn().check());
    }

    @Test
    void theBaseMigration_fillsTheAskedRows_withValuesTheChecksDeriveFromTheKey() {
        String base = ExpandProject.baseMigration(1_000_000);

        assertThat(base).startsWith("-- revision: " + ExpandProject.BASE + "\n-- down_revision: none\n");
        assertThat(base).contains("generate_series(1, 1000000) g", "(g % 100000) / 100.0", "'note ' || g",
                "CREATE INDEX orders_total_dollars_idx ON orders (total_dollars);", "-- +down\nDROP TABLE orders;");
    }
}
