package dev.stepwise.cli;

import picocli.CommandLine;

/** {@code --version}: the build's version, read from the jar's manifest or the Maven properties. */
final class VersionInfo implements CommandLine.IVersionProvider {

    @Override
    public String[] getVersion() {
        String version = Main.class.getPackage().getImplementationVersion();
        return new String[]{"stepwise " + (version == null ? readPomVersion() : version),
                "Java " + System.getProperty("java.version")};
    }

    private static String readPomVersion() {
        try (var in = VersionInfo.class.getResourceAsStream("/stepwise-version.properties")) {
            if (in == null) {
                return "(development build)";
            }
            java.util.Properties p = new java.util.Properties();
            p.load(in);
            return p.getProperty("version", "(development build)");
        } catch (java.io.IOException e) {
            return "(development build)";
        }
    }
}
