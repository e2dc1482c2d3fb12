package dev.stepwise.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;

/** The global options of one command line, wherever on the line they were given. */
final class GlobalSettings {
    Path directory = Path.of(".");
    String url;
    String user;
    String password;
    String schema;
    Format format = Format.TEXT;
    boolean debug;
    Map<String, String> environment = Map.of();
    /** Settings given as flags ({@code --lock-timeout 200ms}), by their {@code stepwise.toml} key. */
    Map<String, String> configFlags = new java.util.HashMap<>();
    PrintWriter out;
    PrintWriter err;

    /** Output formats of commands that read state. */
    enum Format { TEXT, JSON, SARIF, GITHUB, MARKDOWN }

    /** The password from wherever it was given, to scrub it from anything printed. */
    String knownPassword() {
        return password != null ? password : environment.get("STEPWISE_PASSWORD");
    }
}
