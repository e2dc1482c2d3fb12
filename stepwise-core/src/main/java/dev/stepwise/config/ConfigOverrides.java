package dev.stepwise.config;

import java.nio.file.Path;
import java.util.Map;

/**
 * Settings given on the command line; null means "not given", so the environment, the file or
 * the default decides.
 *
 * @param settings other keys given as flags, by their {@code stepwise.toml} name
 *                 ({@code lock_wait}, {@code lock_timeout}, ...), as written
 */
public record ConfigOverrides(String url, String user, String password, String schema, Path migrations,
                              Map<String, String> settings) {

    public static final ConfigOverrides NONE = new ConfigOverrides(null, null, null, null, null, Map.of());

    public ConfigOverrides {
        settings = settings == null ? Map.of() : Map.copyOf(settings);
    }

    @Override
    public String toString() {
        return "ConfigOverrides[url=" + Secrets.redactUrl(url) + ", user=" + user + ", schema=" + schema
                + ", settings=" + settings + "]";
    }
}
