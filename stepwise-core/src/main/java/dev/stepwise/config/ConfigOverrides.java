package dev.stepwise.config;

import java.nio.file.Path;

/**
 * Settings given on the command line; null means "not given", so the environment, the file or
 * the default decides.
 */
public record ConfigOverrides(String url, String user, String password, String schema, Path migrations,
                              String lockWait) {

    public static final ConfigOverrides NONE = new ConfigOverrides(null, null, null, null, null, null);

    @Override
    public String toString() {
        return "ConfigOverrides[url=" + Secrets.redactUrl(url) + ", user=" + user + ", schema=" + schema + "]";
    }
}
