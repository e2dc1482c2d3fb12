package dev.stepwise.postgres;

import dev.stepwise.StepwiseException;
import dev.stepwise.config.Secrets;
import dev.stepwise.dialect.ConnectionSpec;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A password written into a URL without percent-encoding, holding any of the characters that
 * give a URL its shape, is either read whole or refused as bad input; no piece of it is ever
 * taken for a host, a port, a database or a parameter, where an error message would show it.
 * Seeded: 500 passwords of seed 2026.
 */
class UnencodedPasswordTest {

    /** Not {@code =}: after an {@code &}, {@code name=value} is a parameter to any reader of URLs. */
    private static final String SHAPING = "%@:/?&#\" \\";
    private static final String LETTERS = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

    @Test
    void aPasswordNotPercentEncoded_isReadWholeOrRefused_neverShownInPart() {
        Random random = new Random(2026);
        for (int i = 0; i < 500; i++) {
            String head = run(random);
            String tail = run(random);
            String password = head + shuffled(random) + tail;
            for (String url : List.of("postgresql://app:" + password + "@db:5432/shop",
                    "postgresql://db:5432/shop?user=app&password=" + password,
                    "jdbc:postgresql://db:5432/shop?user=app&password=" + password)) {
                String shown;
                try {
                    ConnectionSpec spec = PostgresUrl.parse(url);
                    if (password.equals(spec.password())) {
                        continue;
                    }
                    shown = Secrets.redactUrl(spec.jdbcUrl()) + " " + spec.user();
                } catch (StepwiseException e) {
                    assertThat(e.category()).as(url).isEqualTo(StepwiseException.Category.BAD_INPUT);
                    shown = e.getMessage();
                }
                assertThat(shown).as(url).doesNotContain(head).doesNotContain(tail);
            }
        }
    }

    private static String run(Random random) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            s.append(LETTERS.charAt(random.nextInt(LETTERS.length())));
        }
        return s.toString();
    }

    private static String shuffled(Random random) {
        List<Character> chars = new ArrayList<>();
        for (char c : SHAPING.toCharArray()) {
            chars.add(c);
        }
        for (int i = 0; i < 3; i++) {
            chars.add(LETTERS.charAt(random.nextInt(LETTERS.length())));
        }
        Collections.shuffle(chars, random);
        StringBuilder s = new StringBuilder();
        chars.subList(0, 3 + random.nextInt(chars.size() - 3)).forEach(s::append);
        return s.toString();
    }
}
