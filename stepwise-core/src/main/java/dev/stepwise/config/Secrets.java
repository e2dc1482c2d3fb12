package dev.stepwise.config;

import dev.stepwise.fault.Faults;
import dev.stepwise.fault.Guarantee;

/**
 * Keeps passwords out of everything Stepwise prints: URLs lose their user-info password and
 * {@code password=} parameters, and any text can be scrubbed of a known secret as a last line of
 * defence before it reaches output.
 */
public final class Secrets {

    private Secrets() {
    }

    /** The URL with any password replaced by {@code ***}. */
    public static String redactUrl(String url) {
        if (url == null || !Faults.kept(Guarantee.SECRET_REDACTION)) {
            return url;
        }
        return url.replaceAll("(://[^/@?:]*):[^/@?]*@", "$1:***@")
                .replaceAll("(?i)([?&;]password=)[^&;]*", "$1***");
    }

    /** The text with every occurrence of the secret replaced by {@code ***}. */
    public static String scrub(String text, String secret) {
        if (text == null || secret == null || secret.isEmpty() || !Faults.kept(Guarantee.SECRET_REDACTION)) {
            return text;
        }
        return text.replace(secret, "***");
    }
}
