package dev.stepwise.compat;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ShapeComparisonTest {

    static ResultColumn column(String name, String type, String driverType) {
        return new ResultColumn(name, "orders." + name, type, driverType);
    }

    static final ResultColumn ID = column("id", "bigint", "int8(19,0)");
    static final ResultColumn NOTE = column("note", "character varying(100)", "varchar(100,0)");

    static Description prepared(List<String> parameters, ResultColumn... columns) {
        return Description.prepared(new StatementShape(parameters, List.of(columns)));
    }

    @Test
    void theSameShape_isOk() {
        ShapeComparison.Judgement j = ShapeComparison.judge(prepared(List.of("bigint"), ID, NOTE),
                prepared(List.of("bigint"), ID, NOTE));
        assertThat(j.verdict()).isEqualTo(Verdict.OK);
        assertThat(j.changes()).isEmpty();
    }

    @Test
    void aStatementThatNoLongerPrepares_isAFailureWithTheError() {
        ShapeComparison.Judgement j = ShapeComparison.judge(prepared(List.of(), ID),
                Description.refused("column \"note\" does not exist"));
        assertThat(j.verdict()).isEqualTo(Verdict.FAILURE);
        assertThat(j.changes()).containsExactly("no longer prepares: column \"note\" does not exist");
    }

    @Test
    void anotherModifier_isAFailureNamingBoth() {
        ShapeComparison.Judgement j = ShapeComparison.judge(prepared(List.of(), ID, NOTE),
                prepared(List.of(), ID, column("note", "character varying(50)", "varchar(50,0)")));
        assertThat(j.verdict()).isEqualTo(Verdict.FAILURE);
        assertThat(j.changes()).containsExactly("orders.note: character varying(100) -> character varying(50)");
    }

    @Test
    void theCatalogsExactType_decidesWhereTheDriversPrecisionCannotTell() {
        ResultColumn days = column("wait", "interval day", "interval(49,6)");
        ResultColumn seconds = column("wait", "interval second", "interval(49,6)");
        assertThat(ShapeComparison.judge(prepared(List.of(), days), prepared(List.of(), seconds)).verdict())
                .isEqualTo(Verdict.FAILURE);
    }

    @Test
    void anExpressionAgainstATableColumn_isComparedByTheDriversType() {
        ResultColumn expression = new ResultColumn("note", null, "varchar(100)", "varchar(100,0)");
        assertThat(ShapeComparison.judge(prepared(List.of(), NOTE), prepared(List.of(), expression)).verdict())
                .isEqualTo(Verdict.OK);
    }

    @Test
    void aRenamedColumn_isAFailure() {
        ShapeComparison.Judgement j = ShapeComparison.judge(prepared(List.of(), ID, NOTE),
                prepared(List.of(), ID, column("remark", "character varying(100)", "varchar(100,0)")));
        assertThat(j.changes()).containsExactly(
                "result column 2 is remark character varying(100), was note character varying(100)");
    }

    @Test
    void aParameterOfAnotherType_isAFailure() {
        ShapeComparison.Judgement j = ShapeComparison.judge(prepared(List.of("bigint", "text")),
                prepared(List.of("bigint", "character varying")));
        assertThat(j.verdict()).isEqualTo(Verdict.FAILURE);
        assertThat(j.changes()).containsExactly("parameter $2: text -> character varying");
    }

    @Test
    void aColumnGoneFromTheEnd_isAFailure() {
        ShapeComparison.Judgement j = ShapeComparison.judge(prepared(List.of(), ID, NOTE), prepared(List.of(), ID));
        assertThat(j.changes()).containsExactly("no longer returns note");
    }

    @Test
    void onlyTrailingColumnsAdded_isAWarningAboutCachedPlans() {
        ShapeComparison.Judgement j = ShapeComparison.judge(prepared(List.of(), ID),
                prepared(List.of(), ID, NOTE));
        assertThat(j.verdict()).isEqualTo(Verdict.WARNING);
        assertThat(j.changes()).singleElement().asString()
                .startsWith("gains trailing column note character varying(100): ")
                .contains("cached plan must not change result type").contains("autosave=conservative");
    }
}
