package dev.stepwise.cli.lint;

import java.nio.file.Path;

/**
 * File names as reports print them: relative to the working directory where the file lies under
 * it (what an editor, a CI log and GitHub code scanning resolve against the checkout), with
 * forward slashes; absolute otherwise.
 */
public final class FindingPaths {

    private final Path base;

    public FindingPaths(Path base) {
        this.base = base.toAbsolutePath().normalize();
    }

    public static FindingPaths workingDirectory() {
        return new FindingPaths(Path.of(""));
    }

    /** The base as a {@code file:} URI ending in a slash, for SARIF's {@code originalUriBaseIds}. */
    public String baseUri() {
        String uri = base.toUri().toString();
        return uri.endsWith("/") ? uri : uri + "/";
    }

    public String of(String file) {
        Path path = Path.of(file).toAbsolutePath().normalize();
        Path shown = path.startsWith(base) ? base.relativize(path) : path;
        return shown.toString().replace('\\', '/');
    }
}
