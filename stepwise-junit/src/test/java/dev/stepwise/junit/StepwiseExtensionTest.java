package dev.stepwise.junit;

import dev.stepwise.junit.server.EmbeddedTestServer;
import dev.stepwise.junit.server.ServerEndpoint;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import static dev.stepwise.junit.assertions.StepwiseAssertions.assertThat;
import static dev.stepwise.junit.assertions.StepwiseAssertions.assertThatThrownBy;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

/**
 * The extension's lifecycle, seen from outside: sample test classes (static nested, so only these
 * tests run them) are executed with JUnit's test kit, and what they saw and left behind is checked
 * on the server.
 */
class StepwiseExtensionTest {

    static final String ACCOUNTS = "src/test/projects/accounts";

    /** Database name (and server port) each sample saw, by sample. */
    static final Map<String, List<String>> SEEN = new ConcurrentHashMap<>();

    private final ServerEndpoint shared = EmbeddedTestServer.shared().endpoint();

    @BeforeEach
    @AfterEach
    void forgetWhatSamplesSaw() {
        SEEN.clear();
        System.clearProperty(StepwiseExtension.URL_PROPERTY);
    }

    @StepwiseTest(project = ACCOUNTS)
    static class UpgradeAndDowngrade {

        @Test
        void upgradeAddsEmail(StepwiseHandle stepwise, DataSource dataSource) throws SQLException {
            stepwise.upgrade("head");

            assertThat(stepwise.schema()).table("users").hasColumn("email");
            assertThat(databaseOf(dataSource)).isEqualTo(stepwise.databaseName());
            see("UpgradeAndDowngrade", stepwise.databaseName());
        }

        @Test
        void downgradeRemovesEmail(StepwiseHandle stepwise) {
            stepwise.upgrade("head");
            stepwise.downgrade("-1");

            assertThat(stepwise.schema()).table("users").doesNotHaveColumn("email");
            see("UpgradeAndDowngrade", stepwise.databaseName());
        }
    }

    @Test
    void aClassGetsOneDatabaseForAllItsTests_droppedAfterIt() throws SQLException {
        assertSucceeded(run(UpgradeAndDowngrade.class), 2);

        List<String> seen = SEEN.get("UpgradeAndDowngrade");
        assertThat(seen).hasSize(2);
        assertThat(seen.get(0)).isEqualTo(seen.get(1)).startsWith("stepwise_upgradeanddowngrade_");
        assertThat(databaseExists(seen.get(0))).isFalse();
    }

    @StepwiseTest(project = ACCOUNTS)
    static class First {
        @Test
        void sees(StepwiseHandle stepwise) {
            see("classes", stepwise.databaseName());
        }
    }

    @StepwiseTest(project = ACCOUNTS)
    static class Second {
        @Test
        void sees(StepwiseHandle stepwise) {
            see("classes", stepwise.databaseName());
        }
    }

    @Test
    void twoClasses_getTwoDatabasesOnOneServer() {
        EngineExecutionResults results = EngineTestKit.engine("junit-jupiter")
                .selectors(selectClass(First.class), selectClass(Second.class)).execute();

        assertSucceeded(results, 2);
        assertThat(SEEN.get("classes")).hasSize(2).doesNotHaveDuplicates();
    }

    @StepwiseTest(project = ACCOUNTS)
    static class Outer {
        @Test
        void sees(StepwiseHandle stepwise) {
            see("outer", stepwise.databaseName());
        }

        @Nested
        class Inner {
            @Test
            void sees(StepwiseHandle stepwise) {
                see("inner", stepwise.databaseName());
            }
        }
    }

    @Test
    void aNestedClass_getsADatabaseOfItsOwn() throws SQLException {
        assertSucceeded(run(Outer.class), 2);

        assertThat(SEEN.get("inner")).doesNotContainAnyElementsOf(SEEN.get("outer"));
        assertThat(databaseExists(SEEN.get("inner").get(0))).isFalse();
    }

    @StepwiseTest(project = ACCOUNTS)
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    static class ConstructorInjected {
        private final StepwiseHandle stepwise;

        ConstructorInjected(StepwiseHandle stepwise) {
            this.stepwise = stepwise;
        }

        @Test
        void sees() {
            stepwise.upgrade("head");
            assertThat(stepwise.schema()).hasTable("users");
        }
    }

    @Test
    void aPerClassInstance_getsTheDatabaseInItsConstructor() {
        assertSucceeded(run(ConstructorInjected.class), 1);
    }

    @StepwiseTest(project = ACCOUNTS, freshServer = true)
    static class OwnServer {
        @Test
        void sees(DataSource dataSource) throws SQLException {
            see("own", portOf(dataSource));
        }
    }

    @Test
    void freshServer_isAServerOfTheClassesOwn_stoppedAfterIt() {
        assertSucceeded(run(OwnServer.class), 1);

        int port = Integer.parseInt(SEEN.get("own").get(0));
        assertThat(port).isNotEqualTo(EmbeddedTestServer.shared().port());
        assertThatThrownBy(
                        () -> DriverManager.getConnection("jdbc:postgresql://localhost:" + port + "/postgres", "postgres", "").close())
                .isInstanceOf(SQLException.class);
    }

    @StepwiseTest(project = ACCOUNTS)
    static class OnAGivenServer {
        @Test
        void sees(StepwiseHandle stepwise) throws SQLException {
            see("given", stepwise.databaseName());
            see("given", portOf(stepwise.dataSource()));
        }
    }

    @Test
    void aUrlFromTheSystemProperty_isWhereTheDatabaseIsCreated() throws SQLException {
        // a second embedded server stands in for a team's own server, reached through a libpq URI
        EmbeddedTestServer given = EmbeddedTestServer.start();
        try {
            System.setProperty(StepwiseExtension.URL_PROPERTY, "postgresql://postgres@localhost:" + given.port() + "/postgres");

            assertSucceeded(run(OnAGivenServer.class), 1);

            assertThat(SEEN.get("given").get(1)).isEqualTo(Integer.toString(given.port()));
            assertThat(databaseExists(given.endpoint(), SEEN.get("given").get(0))).isFalse();
        } finally {
            given.close();
        }
    }

    @ExtendWith(StepwiseExtension.class)
    static class WithoutTheAnnotation {
        @Test
        void sees(StepwiseHandle stepwise) {
            see("unannotated", stepwise.databaseName());
        }
    }

    @Test
    void theExtensionWithoutTheAnnotation_failsTheClassSayingWhatToDo() {
        run(WithoutTheAnnotation.class).containerEvents().assertThatEvents().haveExactly(1,
                event(finishedWithFailure(message(m -> m.contains("annotate the class with @StepwiseTest")))));
    }

    @StepwiseTest(project = ACCOUNTS, migrations = "no-such-directory")
    static class MissingMigrations {
        @Test
        void upgrades(StepwiseHandle stepwise) {
            stepwise.upgrade("head");
        }
    }

    @Test
    void aMissingMigrationsDirectory_failsTheTestNamingIt() {
        run(MissingMigrations.class).testEvents().assertThatEvents().haveExactly(1,
                event(finishedWithFailure(message(m -> m.contains("no-such-directory")))));
    }

    private static EngineExecutionResults run(Class<?> sample) {
        return EngineTestKit.engine("junit-jupiter").selectors(selectClass(sample)).execute();
    }

    private static void assertSucceeded(EngineExecutionResults results, int tests) {
        results.allEvents().assertThatEvents().doNotHave(event(finishedWithFailure()));
        results.testEvents().assertStatistics(s -> s.succeeded(tests).failed(0));
    }

    static void see(String sample, String what) {
        SEEN.computeIfAbsent(sample, k -> new CopyOnWriteArrayList<>()).add(what);
    }

    static String databaseOf(DataSource dataSource) throws SQLException {
        return single(dataSource, "SELECT current_database()");
    }

    static String portOf(DataSource dataSource) throws SQLException {
        return single(dataSource, "SELECT current_setting('port')");
    }

    private static String single(DataSource dataSource, String query) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(query)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private boolean databaseExists(String name) throws SQLException {
        return databaseExists(shared, name);
    }

    private static boolean databaseExists(ServerEndpoint server, String name) throws SQLException {
        try (Connection c = DriverManager.getConnection(server.jdbcUrl(), server.user(), null);
             PreparedStatement s = c.prepareStatement("SELECT count(*) FROM pg_database WHERE datname = ?")) {
            s.setString(1, name);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getInt(1) == 1;
            }
        }
    }
}
