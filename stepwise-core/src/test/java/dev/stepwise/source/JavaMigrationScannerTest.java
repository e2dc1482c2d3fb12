package dev.stepwise.source;

import dev.stepwise.JavaMigration;
import dev.stepwise.StepwiseMigration;
import dev.stepwise.source.fixtures.good.CreateAccounts;
import dev.stepwise.source.fixtures.good.more.AddAccountsEmail;
import dev.stepwise.source.fixtures.listed.ListedMigration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Finding Java-coded migrations on the class path. */
class JavaMigrationScannerTest {

    private static final ClassLoader TEST_LOADER = JavaMigrationScannerTest.class.getClassLoader();

    @TempDir
    Path dir;

    @Test
    void annotatedClasses_inAPackageDirectoryAndItsSubPackages_areFound_helpersSkipped() {
        List<JavaCodedMigration> found = new JavaMigrationScanner(TEST_LOADER)
                .scan(List.of("dev.stepwise.source.fixtures.good"));

        assertThat(found).extracting(JavaCodedMigration::origin)
                .containsExactly(CreateAccounts.class.getName(), AddAccountsEmail.class.getName());
    }

    @Test
    void annotation_becomesTheHeader() {
        MigrationHeader header = JavaCodedMigration.of(AddAccountsEmail.class).header();

        assertThat(header).isEqualTo(new MigrationHeader("java_email", List.of("java_accounts"), "", Phase.EXPAND,
                java.util.Set.of(), List.of(), TransactionMode.AUTO, Reversibility.LOSSY, null));
        assertThat(JavaCodedMigration.of(CreateAccounts.class).header().downRevisions()).isEmpty();
    }

    @Test
    void annotatedClassesInAJar_areFound() throws Exception {
        Path jar = compileIntoJar("FromJar", """
                package jarred.migrations;

                @dev.stepwise.StepwiseMigration(revision = "from_jar", downRevision = "java_accounts")
                public class FromJar implements dev.stepwise.JavaMigration {
                    public void up(java.sql.Connection c) {}
                    public void down(java.sql.Connection c) {}
                }
                """);

        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, TEST_LOADER)) {
            List<JavaCodedMigration> found = new JavaMigrationScanner(loader).scan(List.of("jarred"));

            assertThat(found).extracting(Migration::revision).containsExactly("from_jar");
            assertThat(found.get(0).origin()).isEqualTo("jarred.migrations.FromJar");
        }
    }

    @Test
    void classesListedAsServices_areFound_withoutScanningTheirPackage() throws IOException {
        Path services = dir.resolve("META-INF/services/" + JavaMigration.class.getName());
        Files.createDirectories(services.getParent());
        Files.writeString(services, "# Java migrations\n" + ListedMigration.class.getName() + "\n");

        try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()}, TEST_LOADER)) {
            List<JavaCodedMigration> found = new JavaMigrationScanner(loader).scan(List.of());

            assertThat(found).extracting(Migration::revision).containsExactly("java_listed");
        }
    }

    @Test
    void migrationClassWithoutAnnotation_isAnError_namingTheClass() {
        assertThatThrownBy(() -> new JavaMigrationScanner(TEST_LOADER).scan(List.of("dev.stepwise.source.fixtures.unannotated")))
                .isInstanceOf(JavaMigrationException.class)
                .hasMessageContaining("dev.stepwise.source.fixtures.unannotated.ForgotAnnotation")
                .hasMessageContaining("has no @StepwiseMigration annotation");
    }

    @Test
    void classWithoutPublicNoArgumentConstructor_isAnError_namingTheClass() {
        assertThatThrownBy(() -> new JavaMigrationScanner(TEST_LOADER).scan(List.of("dev.stepwise.source.fixtures.noconstructor")))
                .isInstanceOf(JavaMigrationException.class)
                .hasMessageContaining("dev.stepwise.source.fixtures.noconstructor.NeedsArguments")
                .hasMessageContaining("has no public no-argument constructor");
    }

    @StepwiseMigration(revision = "Not An Id")
    public static class BadRevision extends NoOp {
    }

    @StepwiseMigration(revision = "early_contract", downRevision = "a1", expands = "a1")
    public static class ExpandsWithoutContract extends NoOp {
    }

    @StepwiseMigration(revision = "merge", downRevision = "a1, none")
    public static class NoneInAMerge extends NoOp {
    }

    @StepwiseMigration(revision = "not_a_migration")
    public static class NotAMigration {
    }

    @Test
    void invalidAnnotationValues_areAnError_namingTheClass() {
        assertThatThrownBy(() -> JavaCodedMigration.of(BadRevision.class))
                .isInstanceOf(JavaMigrationException.class)
                .hasMessageContaining(BadRevision.class.getName())
                .hasMessageContaining("`Not An Id` is not a revision id");
        assertThatThrownBy(() -> JavaCodedMigration.of(ExpandsWithoutContract.class))
                .hasMessageContaining("needs `phase: contract`");
        assertThatThrownBy(() -> JavaCodedMigration.of(NoneInAMerge.class))
                .hasMessageContaining("`none` cannot be combined with parents");
    }

    @Test
    void annotatedClassThatIsNoJavaMigration_isAnError() {
        assertThatThrownBy(() -> JavaCodedMigration.of(NotAMigration.class))
                .isInstanceOf(JavaMigrationException.class)
                .hasMessageContaining("does not implement dev.stepwise.JavaMigration");
    }

    @Test
    void checksum_coversTheBehaviourChangingHeaderAndTheClassName() {
        String accounts = JavaCodedMigration.of(CreateAccounts.class).checksum();

        assertThat(accounts).matches("v1:[0-9a-f]{64}").isEqualTo(JavaCodedMigration.of(CreateAccounts.class).checksum());
        assertThat(accounts).isNotEqualTo(JavaCodedMigration.of(AddAccountsEmail.class).checksum());
    }

    /**
     * Compiles one class against the test class path and packs it into a jar of its own, with
     * directory entries as the {@code jar} tool and Maven write them.
     */
    private Path compileIntoJar(String className, String source) throws IOException {
        Path sources = Files.createDirectories(dir.resolve("src"));
        Path classes = Files.createDirectories(dir.resolve("classes"));
        Path file = sources.resolve(className + ".java");
        Files.writeString(file, source);
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        int status = compiler.run(null, null, null, "-d", classes.toString(),
                "-cp", System.getProperty("java.class.path"), file.toString());
        assertThat(status).as("compiling " + className).isZero();

        Path jar = dir.resolve("migrations.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar));
             Stream<Path> compiled = Files.walk(classes)) {
            for (Path path : compiled.filter(p -> !p.equals(classes)).sorted().toList()) {
                String entry = classes.relativize(path).toString().replace('\\', '/');
                boolean directory = Files.isDirectory(path);
                out.putNextEntry(new JarEntry(directory ? entry + "/" : entry));
                if (!directory) {
                    Files.copy(path, (OutputStream) out);
                }
                out.closeEntry();
            }
        }
        return jar;
    }

    /** A migration that does nothing, for annotation checks. */
    public static class NoOp implements JavaMigration {
        @Override
        public void up(Connection connection) {
        }

        @Override
        public void down(Connection connection) {
        }
    }
}
