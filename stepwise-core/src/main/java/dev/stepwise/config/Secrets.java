package dev.stepwise.config;

import dev.stepwise.fault.Faults;
import dev.stepwise.fault.Guarantee;

/**
 * Keeps passwords out of everything Stepwise prints: URLs lose their user-info password and
 * {@code password=} parameters, an error about input does not repeat a setting or a word of the
 * command line that may be one, and any text can be scrubbed of a known secret as a last line of
 * defence before it reaches output. Every such use passes through here, where the reliability
 * suite's {@code SECRET_REDACTION} fault can turn it off.
 */
public final class Secrets {

    private Secrets() {
    }

    /**
     * The URL with any password replaced by {@code ***}: the user-info's, up to the last {@code @}
     * (a password written without percent-encoding may hold {@code / ? @} itself), and a
     * {@code password=} parameter's, up to the next {@code &name=} (it may hold {@code &}). A URL
     * with an {@code @} in its query is shown cut short after its host: the price of never showing
     * a password.
     */
    public static String redactUrl(String url) {
        if (url == null || !Faults.kept(Guarantee.SECRET_REDACTION)) {
            return url;
        }
        // the parameter first: the user-info's rule, reaching for the last @, could end inside it
        return url.replaceAll("(?i)([?&;]password=).*?(?=[&;][A-Za-z_][A-Za-z0-9_]*=|$)", "$1***")
                .replaceAll("(://[^/@?:]*):.*@", "$1:***@");
    }

    /**
     * A setting's text fit for an error message about it: a password's is never shown (it may be
     * the password itself, or a piece of it), any other's with the password of a URL in it
     * redacted ({@code url = postgresql://app:secret@db/shop} written without its quotes).
     */
    public static String settingText(String key, String text) {
        if (text == null || !Faults.kept(Guarantee.SECRET_REDACTION)) {
            return text;
        }
        return key.toLowerCase(java.util.Locale.ROOT).contains("password") ? "***" : redactUrl(text);
    }

    /**
     * A word of a command line fit for a message about a line that did not parse: an option's name
     * stays (a value written after its {@code =} is hidden); any other word is hidden, since it may
     * be the value of a misspelt {@code --password} or a URL given without {@code --url}.
     */
    public static String commandLineWord(String word) {
        if (word == null || !Faults.kept(Guarantee.SECRET_REDACTION)) {
            return word;
        }
        if (!word.startsWith("-")) {
            return "***";
        }
        int eq = word.indexOf('=');
        return eq < 0 ? word : word.substring(0, eq + 1) + "***";
    }

    /** The text with every occurrence of the secret replaced by {@code ***}. */
    public static String scrub(String text, String secret) {
        if (text == null || secret == null || secret.isEmpty() || !Faults.kept(Guarantee.SECRET_REDACTION)) {
            return text;
        }
        return text.replace(secret, "***");
    }
}
