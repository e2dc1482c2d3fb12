package dev.stepwise.bench.current;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code ./stepwise} launcher at the repository root: its path, the jar it runs, and the JVM
 * options it gives that jar (read from the script, so the benchmark's plain {@code java} runs use
 * exactly what the launcher uses).
 */
public record LauncherScript(Path repositoryRoot) {

    private static final Pattern DEFAULT_OPTIONS = Pattern.compile("(?m)^java_options=\"([^\"]*)\"");

    public Path script() {
        return repositoryRoot.resolve("stepwise");
    }

    /** The jar the launcher builds on first use and then runs. */
    public Path jar() {
        return repositoryRoot.resolve("stepwise-cli").resolve("target").resolve("stepwise.jar");
    }

    public List<String> javaOptions() throws IOException {
        Matcher m = DEFAULT_OPTIONS.matcher(Files.readString(script()));
        if (!m.find()) {
            throw new IllegalStateException(script() + " no longer sets java_options=\"...\"; update " + getClass().getName());
        }
        return Arrays.stream(m.group(1).trim().split("\\s+")).toList();
    }
}
