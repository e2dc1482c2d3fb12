package dev.stepwise.expand;

import dev.stepwise.StepwiseException;
import dev.stepwise.expand.GeneratorArgument.FreeText;
import dev.stepwise.expand.GeneratorArgument.Name;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GeneratorArgumentTest {

    private static final int[] COLUMN_AND_NAME_MIN = {2, 1};
    private static final int[] COLUMN_AND_NAME_MAX = {3, 1};

    private static GeneratorArgument renameColumn(String value) {
        return GeneratorArgument.parse("--rename-column", "TABLE.OLD:NEW", value, COLUMN_AND_NAME_MIN,
                COLUMN_AND_NAME_MAX, FreeText.NONE);
    }

    private static GeneratorArgument changeType(String value) {
        return GeneratorArgument.parse("--change-type", "TABLE.OLD:NEW:TYPE", value, COLUMN_AND_NAME_MIN,
                COLUMN_AND_NAME_MAX, FreeText.LAST);
    }

    private static Name plain(String text) {
        return new Name(text, false);
    }

    @Test
    void tableColumnAndNewName_areThreeNamesInTwoFields() {
        GeneratorArgument a = renameColumn("users.name:full_name");

        assertThat(a.fields()).containsExactly(List.of(plain("users"), plain("name")), List.of(plain("full_name")));
        assertThat(a.rest()).isNull();
    }

    @Test
    void schemaMayQualifyTheTable() {
        assertThat(renameColumn("billing.Orders.total:amount").fields().get(0))
                .containsExactly(plain("billing"), plain("Orders"), plain("total"));
    }

    @Test
    void quotedNames_holdSeparatorsSpacesCapitalsAndDoubledQuotes() {
        GeneratorArgument a = renameColumn("\"Order Items\".\"a.b:c\":\"say \"\"hi\"\"\"");

        assertThat(a.fields()).containsExactly(
                List.of(new Name("Order Items", true), new Name("a.b:c", true)),
                List.of(new Name("say \"hi\"", true)));
    }

    @Test
    void unquotedNamesFoldTheirAsciiLettersOnly_quotedOnesStayAsWritten() {
        assertThat(plain("Orders").folded()).isEqualTo("orders");
        assertThat(plain("ÄrgerÉTÉ_Total").folded()).isEqualTo("ÄrgerÉtÉ_total");
        assertThat(new Name("Orders", true).folded()).isEqualTo("Orders");
    }

    @Test
    void typeIsTheFreeTextAfterTheLastField() {
        assertThat(changeType("orders.total_dollars:total_cents:bigint").rest()).isEqualTo("bigint");
        assertThat(changeType("orders.at:at_tz:timestamp with time zone").rest()).isEqualTo("timestamp with time zone");
        assertThat(changeType("orders.price:price2:numeric(12,2)").rest()).isEqualTo("numeric(12,2)");
    }

    @Test
    void malformedValues_areBadInputNamingOptionValueAndWhat() {
        assertThatThrownBy(() -> renameColumn("users.name")).isInstanceOfSatisfying(StepwiseException.class,
                        e -> assertThat(e.category()).isEqualTo(StepwiseException.Category.BAD_INPUT))
                .hasMessageContaining("--rename-column users.name").hasMessageContaining("too few fields")
                .hasMessageContaining("expected TABLE.OLD:NEW");
        assertThatThrownBy(() -> renameColumn("name:full_name")).hasMessageContaining("field 1 has 1 name, not 2 to 3");
        assertThatThrownBy(() -> renameColumn("users..name:x")).hasMessageContaining("an empty name at character 7");
        assertThatThrownBy(() -> renameColumn("\"users.name:x")).hasMessageContaining("never closed");
        assertThatThrownBy(() -> renameColumn("users.full name:x")).hasMessageContaining("a space inside an unquoted name");
        assertThatThrownBy(() -> renameColumn("users.name:a:b")).hasMessageContaining("more fields than TABLE.OLD:NEW has");
        assertThatThrownBy(() -> renameColumn("users.\"name\"x:y")).hasMessageContaining("'x' after a quoted name");
        assertThatThrownBy(() -> changeType("orders.total:cents:")).hasMessageContaining("nothing after the last ':'");
        assertThatThrownBy(() -> changeType("orders.total:cents")).hasMessageContaining("too few fields");
    }
}
