package dev.stepwise.bench.migrate;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** A library's version as its Maven build recorded it in the jar, for naming the tools in the tables. */
final class ArtifactVersion {

    private ArtifactVersion() {
    }

    static String of(String groupId, String artifactId) {
        String resource = "/META-INF/maven/" + groupId + "/" + artifactId + "/pom.properties";
        try (InputStream in = ArtifactVersion.class.getResourceAsStream(resource)) {
            if (in == null) {
                return "(version unknown)";
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "(version unknown)");
        } catch (IOException e) {
            return "(version unknown)";
        }
    }
}
