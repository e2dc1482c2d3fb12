package dev.stepwise.junit.server;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ServerEndpointTest {

    @Test
    void withDatabase_replacesTheDatabaseAndKeepsHostAndParameters() {
        ServerEndpoint server = new ServerEndpoint("jdbc:postgresql://db.internal:5433/app?sslmode=require", "ci", "secret");

        ServerEndpoint other = server.withDatabase("stepwise_t_1");

        assertThat(other).isEqualTo(new ServerEndpoint("jdbc:postgresql://db.internal:5433/stepwise_t_1?sslmode=require",
                "ci", "secret"));
    }

    @Test
    void withDatabase_addsADatabaseToAUrlThatNamesNone() {
        assertThat(new ServerEndpoint("jdbc:postgresql://localhost", null, null).withDatabase("d").jdbcUrl())
                .isEqualTo("jdbc:postgresql://localhost/d");
        assertThat(new ServerEndpoint("jdbc:postgresql://a:1,b:2/?targetServerType=primary", null, null)
                .withDatabase("d").jdbcUrl()).isEqualTo("jdbc:postgresql://a:1,b:2/d?targetServerType=primary");
    }

    @Test
    void withDatabase_understandsTheHostlessForm() {
        assertThat(new ServerEndpoint("jdbc:postgresql:app?ssl=false", null, null).withDatabase("d").jdbcUrl())
                .isEqualTo("jdbc:postgresql:d?ssl=false");
    }

    @Test
    void toString_neverShowsThePassword() {
        assertThat(new ServerEndpoint("jdbc:postgresql://h/db", "ci", "secret").toString())
                .contains("ci").doesNotContain("secret");
    }

    @Test
    void otherUrls_areRefused() {
        assertThatThrownBy(() -> new ServerEndpoint("jdbc:mysql://h/db", null, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("jdbc:mysql://h/db");
    }
}
