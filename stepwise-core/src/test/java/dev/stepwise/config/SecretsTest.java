package dev.stepwise.config;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SecretsTest {

    @Test
    void redactUrl_hidesUserInfoPasswordAndPasswordParameters() {
        assertThat(Secrets.redactUrl("postgresql://app:s3cret@db:5432/shop")).isEqualTo("postgresql://app:***@db:5432/shop");
        assertThat(Secrets.redactUrl("jdbc:postgresql://db/shop?user=app&password=s3cret&ssl=true"))
                .isEqualTo("jdbc:postgresql://db/shop?user=app&password=***&ssl=true");
        assertThat(Secrets.redactUrl("postgresql://app@db/shop")).isEqualTo("postgresql://app@db/shop");
    }

    @Test
    void scrub_replacesEveryOccurrence() {
        assertThat(Secrets.scrub("a s3cret and s3cret", "s3cret")).isEqualTo("a *** and ***");
        assertThat(Secrets.scrub("nothing", null)).isEqualTo("nothing");
    }

    @Test
    void settingText_neverShowsAPassword_andRedactsAUrl() {
        assertThat(Secrets.settingText("password", "s3cret")).isEqualTo("***");
        assertThat(Secrets.settingText("url", "postgresql://app:s3cret@db/shop")).isEqualTo("postgresql://app:***@db/shop");
        assertThat(Secrets.settingText("lock_wait", "soon")).isEqualTo("soon");
    }

    @Test
    void redactUrl_hidesAPasswordWrittenWithoutPercentEncoding() {
        assertThat(Secrets.redactUrl("postgresql://app:s3/cr?e@t@db:5432/shop"))
                .isEqualTo("postgresql://app:***@db:5432/shop");
        assertThat(Secrets.redactUrl("jdbc:postgresql://db/shop?user=app&password=s3&cr%et&ssl=true"))
                .isEqualTo("jdbc:postgresql://db/shop?user=app&password=***&ssl=true");
        assertThat(Secrets.redactUrl("postgresql://db/shop?password=s3&cr?et")).isEqualTo("postgresql://db/shop?password=***");
    }
}
