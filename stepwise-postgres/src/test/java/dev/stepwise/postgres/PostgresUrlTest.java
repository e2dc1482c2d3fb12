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

    @Test
    void passwordWrittenWithoutPercentEncoding_isBadInput_andNoPieceOfItIsShown() {
        for (String url : new String[] {"postgresql://app:s3cret/xq9z?ss@db:5432/shop",
                "jdbc:postgresql://app:s3cret?xq9z/ss@db:5432/shop", "postgresql://app:s3cret%xq9z@db/shop",
                "jdbc:postgresql://db/shop?user=app&password=s3cret%xq9z", "postgresql://app:s3@cret/xq9z@db/shop",
                "postgresql://app:s3@cret/xq9z@db:5432", "postgresql://db/shop?user=app&password=s3cret&xq9z",
                "postgresql://db/shop?user=app&password=s3cret&x\"q9z@db"}) {
            assertThatThrownBy(() -> PostgresUrl.parse(url)).as(url)
                    .isInstanceOfSatisfying(StepwiseException.class,
                            e -> assertThat(e.category()).isEqualTo(StepwiseException.Category.BAD_INPUT))
                    .hasMessageContaining("percent-encoded")
                    .hasMessageNotContaining("s3cret").hasMessageNotContaining("xq9z");
        }
    }

    @Test
    void hostPortOrDatabaseThatDoNotRead_areNamed_whenNoUserInfoCouldHaveMadeThem() {
        assertThatThrownBy(() -> PostgresUrl.parse("jdbc:postgresql://db:abc/shop")).hasMessageContaining("has port 'abc'");
        assertThatThrownBy(() -> PostgresUrl.parse("jdbc:postgresql://d\"b/shop")).hasMessageContaining("has host 'd\"b'");
        assertThatThrownBy(() -> PostgresUrl.parse("jdbc:postgresql://db/sh/op")).hasMessageContaining("has database 'sh/op'");
    }

    @Test
    void valuelessParameters_beforeThePassword_andMultipleHosts_stillRead() {
        assertThat(PostgresUrl.parse("jdbc:postgresql://db1:5432,db2:5433/shop?ssl&password=s3cret").jdbcUrl())
                .isEqualTo("jdbc:postgresql://db1:5432,db2:5433/shop?ssl");
    }
}
