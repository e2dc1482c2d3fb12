package dev.stepwise.junit;

import dev.stepwise.StepwiseException;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ServerChoiceTest {

    private static final UnaryOperator<String> NO_PROPERTIES = name -> null;

    @StepwiseTest
    static class Plain {
    }

    @StepwiseTest(freshServer = true)
    static class Fresh {
    }

    @StepwiseTest(url = "postgresql://ci@db.internal/app")
    static class Given {
    }

    @StepwiseTest(url = "postgresql://ci@db.internal/app", freshServer = true)
    static class Both {
    }

    @Test
    void nothingConfigured_isTheSharedEmbeddedServer() {
        assertThat(choose(Plain.class, NO_PROPERTIES, Map.of()))
                .isEqualTo(new ServerChoice(ServerChoice.Kind.SHARED_EMBEDDED, null));
    }

    @Test
    void theAnnotationsUrl_winsOverPropertyAndEnvironment() {
        assertThat(choose(Given.class, name -> "jdbc:postgresql://property/db", Map.of(StepwiseExtension.URL_VARIABLE, "x")))
                .isEqualTo(new ServerChoice(ServerChoice.Kind.GIVEN_URL, "postgresql://ci@db.internal/app"));
    }

    @Test
    void theSystemProperty_winsOverTheEnvironment() {
        UnaryOperator<String> properties = name -> name.equals(StepwiseExtension.URL_PROPERTY) ? "jdbc:postgresql://property/db" : null;

        assertThat(choose(Plain.class, properties, Map.of(StepwiseExtension.URL_VARIABLE, "jdbc:postgresql://env/db")))
                .isEqualTo(new ServerChoice(ServerChoice.Kind.GIVEN_URL, "jdbc:postgresql://property/db"));
    }

    @Test
    void theEnvironment_isUsedWhenNothingElseIsGiven() {
        assertThat(choose(Plain.class, name -> " ", Map.of(StepwiseExtension.URL_VARIABLE, "jdbc:postgresql://env/db")))
                .isEqualTo(new ServerChoice(ServerChoice.Kind.GIVEN_URL, "jdbc:postgresql://env/db"));
    }

    @Test
    void freshServer_isEmbeddedEvenWhenTheEnvironmentNamesAServer() {
        assertThat(choose(Fresh.class, NO_PROPERTIES, Map.of(StepwiseExtension.URL_VARIABLE, "jdbc:postgresql://env/db")))
                .isEqualTo(new ServerChoice(ServerChoice.Kind.FRESH_EMBEDDED, null));
    }

    @Test
    void urlAndFreshServerTogether_areRefused() {
        assertThatThrownBy(() -> choose(Both.class, NO_PROPERTIES, Map.of()))
                .isInstanceOf(StepwiseException.class).hasMessageContaining("not both");
    }

    @Test
    void toString_neverShowsTheUrl() {
        assertThat(new ServerChoice(ServerChoice.Kind.GIVEN_URL, "postgresql://ci:secret@h/db").toString())
                .doesNotContain("secret");
    }

    private static ServerChoice choose(Class<?> testClass, UnaryOperator<String> properties, Map<String, String> environment) {
        return ServerChoice.of(StepwiseExtension.settingsOf(testClass), properties, environment);
    }
}
