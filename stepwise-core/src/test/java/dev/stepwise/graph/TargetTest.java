package dev.stepwise.graph;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TargetTest {

    @Test
    void wordsAndIds_parseToTheirForms() {
        assertThat(Target.parse("base")).isEqualTo(new Target.Base());
        assertThat(Target.parse("head")).isEqualTo(new Target.Head());
        assertThat(Target.parse("heads")).isEqualTo(new Target.Heads());
        assertThat(Target.parse("7c1e")).isEqualTo(new Target.Id("7c1e"));
        assertThat(Target.parse("net@head")).isEqualTo(new Target.BranchHead("net"));
        assertThat(Target.parse("net@base")).isEqualTo(new Target.BranchBase("net"));
    }

    @Test
    void relativeSteps_parseWithTheirSign() {
        assertThat(Target.parse("+2")).isEqualTo(new Target.Relative(2));
        assertThat(Target.parse("-1")).isEqualTo(new Target.Relative(-1));
        assertThat(Target.parse("7c1e+3")).isEqualTo(new Target.Offset(new Target.Id("7c1e"), 3));
        assertThat(Target.parse("net@head-2")).isEqualTo(new Target.Offset(new Target.BranchHead("net"), -2));
        assertThat(Target.parse("head-1")).isEqualTo(new Target.Offset(new Target.Head(), -1));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "HEAD", "7C1E", "net@tail", "@head", "+0", "a1-0", "base+1", "heads-1",
            "+99999999999", "a1+x", "a b"})
    void malformedTarget_isAnError(String text) {
        assertThatThrownBy(() -> Target.parse(text))
                .isInstanceOf(InvalidTargetException.class)
                .hasMessageStartingWith("target '" + text + "': ");
    }
}
