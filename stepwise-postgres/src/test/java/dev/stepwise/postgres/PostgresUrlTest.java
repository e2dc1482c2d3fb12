package dev.stepwise.postgres;

import dev.stepwise.StepwiseException;
import dev.stepwise.dialect.ConnectionSpec;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PostgresUrlTest {

    @Test
    void libpqUri_becomesJdbcWithCredentialsTakenOut() {
        ConnectionSpec spec = PostgresUrl.parse("postgresql://app:s3cret@db.internal:6432/shop?sslmode=require");
        assertThat(spec.jdbcUrl()).isEqualTo("jdbc:postgresql://db.internal:6432/shop?sslmode=require");
        assertThat(spec.user()).isEqualTo("app");
        assertThat(spec.password()).isEqualTo("s3cret");
    }

    @Test
    void libpqUri_percentEncodedPassword_isDecoded() {
        ConnectionSpec spec = PostgresUrl.parse("postgres://app:p%40ss%3Aword@localhost/shop");
        assertThat(spec.password()).isEqualTo("p@ss:word");
        assertThat(spec.jdbcUrl()).isEqualTo("jdbc:postgresql://localhost/shop");
    }

    @Test
    void libpqUri_withoutDatabase_defaultsToTheUserName() {
        assertThat(PostgresUrl.parse("postgresql://alice@localhost").jdbcUrl())
                .isEqualTo("jdbc:postgresql://localhost/alice");
    }

    @Test
    void libpqUri_withoutHost_meansLocalhost() {
        assertThat(PostgresUrl.parse("postgresql:///shop").jdbcUrl()).isEqualTo("jdbc:postgresql://localhost/shop");
    }

    @Test
    void jdbcUrl_passwordParameter_isLiftedOut() {
        ConnectionSpec spec = PostgresUrl.parse("jdbc:postgresql://localhost:5432/shop?user=app&password=s3cret&ssl=true");
        assertThat(spec.jdbcUrl()).isEqualTo("jdbc:postgresql://localhost:5432/shop?ssl=true");
        assertThat(spec.user()).isEqualTo("app");
        assertThat(spec.password()).isEqualTo("s3cret");
    }

    @Test
    void plainJdbcUrl_isKeptAsItIs() {
        ConnectionSpec spec = PostgresUrl.parse("jdbc:postgresql://localhost/shop");
        assertThat(spec.jdbcUrl()).isEqualTo("jdbc:postgresql://localhost/shop");
        assertThat(spec.user()).isNull();
        assertThat(spec.password()).isNull();
    }

    @Test
    void connectionSpec_neverPrintsThePassword() {
        assertThat(PostgresUrl.parse("postgresql://app:s3cret@db/shop").toString()).doesNotContain("s3cret");
    }

    @Test
    void otherSchemes_areRejectedWithoutShowingThePassword() {
        assertThatThrownBy(() -> PostgresUrl.parse("mysql://app:s3cret@db/shop"))
                .isInstanceOf(StepwiseException.class)
                .hasMessageContaining("not a PostgreSQL URL")
                .hasMessageNotContaining("s3cret");
    }
}
