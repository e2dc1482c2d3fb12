package dev.stepwise.junit;

import org.junit.jupiter.api.extension.ExtendWith;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Gives the annotated test class a PostgreSQL database of its own, created before its first test
 * and dropped after its last, and injects it into constructors, lifecycle methods and test
 * methods as a {@link javax.sql.DataSource} and as a {@link StepwiseHandle} that runs the
 * project's migrations on it.
 *
 * <pre>{@code
 * @StepwiseTest
 * class MigrationsTest {
 *     @Test
 *     void upgradeAddsEmail(StepwiseHandle stepwise) {
 *         stepwise.upgrade("head");
 *         assertThat(stepwise.schema()).table("users").hasColumn("email");
 *     }
 * }
 * }</pre>
 *
 * <p>The database lives on one embedded PostgreSQL server shared by every test class of the JVM,
 * unless the class asks for a {@linkplain #freshServer() server of its own} or names a
 * {@linkplain #url() server to use}. The tests of one class share its database and see what the
 * earlier ones left; a {@code @Nested} class gets a database of its own.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(StepwiseExtension.class)
public @interface StepwiseTest {

    /**
     * The project directory, where {@code stepwise.toml} is read. {@code STEPWISE_URL} and the
     * other {@code STEPWISE_*} variables are not: a test must not depend on the shell it runs in.
     * Relative to the working directory, which under Maven is the module's base directory.
     */
    String project() default ".";

    /**
     * The migrations directory, relative to the project directory; empty (the default) means what
     * {@code stepwise.toml} says, else {@code migrations}.
     */
    String migrations() default "";

    /**
     * Whether the class gets an embedded server of its own, started before it and stopped after
     * it: for tests that change server-wide state (roles, settings, tablespaces) or need to stop
     * the server. Slower by a server start (about a second).
     */
    boolean freshServer() default false;

    /**
     * A server to create the database on instead of the embedded one, as a JDBC URL
     * ({@code jdbc:postgresql://host/db?user=u&password=p}) or a libpq URI
     * ({@code postgresql://u:p@host/db}); the database named there is where the test database is
     * created from, and its user needs {@code CREATEDB}. Empty (the default): the system property
     * {@value StepwiseExtension#URL_PROPERTY}, then the environment variable
     * {@value StepwiseExtension#URL_VARIABLE}, then the embedded server.
     */
    String url() default "";
}
