package dev.stepwise.junit;

import dev.stepwise.Stepwise;
import dev.stepwise.config.ConfigLoader;
import dev.stepwise.config.ConfigOverrides;
import dev.stepwise.config.StepwiseConfig;
import dev.stepwise.junit.server.TestDatabase;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * What one test class holds: its server lease, its database and the Stepwise on it, released in
 * the reverse order by {@link #close()}.
 */
final class ClassDatabase implements AutoCloseable {

    private final ServerChoice.Lease lease;
    private final TestDatabase database;
    private final StepwiseHandle handle;
    private final AtomicBoolean closed = new AtomicBoolean();

    private ClassDatabase(ServerChoice.Lease lease, TestDatabase database, StepwiseHandle handle) {
        this.lease = lease;
        this.database = database;
        this.handle = handle;
    }

    static ClassDatabase open(Class<?> testClass, StepwiseTest settings, ServerChoice server) {
        // read before anything starts, so a bad stepwise.toml fails without a server to stop
        StepwiseConfig config = configOf(settings);
        ServerChoice.Lease lease = server.lease();
        TestDatabase database = null;
        try {
            database = TestDatabase.create(lease.endpoint(), testClass.getSimpleName());
            DataSource dataSource = database.dataSource();
            Stepwise stepwise = Stepwise.configure().config(config).dataSource(dataSource)
                    .classLoader(testClass.getClassLoader()).build();
            return new ClassDatabase(lease, database, new StepwiseHandle(stepwise, dataSource, database.name()));
        } catch (RuntimeException e) {
            if (database != null) {
                closeQuietly(database, e);
            }
            closeQuietly(lease.release(), e);
            throw e;
        }
    }

    /** {@code stepwise.toml} of the project directory, without the environment; the annotation's migrations win. */
    private static StepwiseConfig configOf(StepwiseTest settings) {
        Path project = Path.of(settings.project()).toAbsolutePath().normalize();
        Path migrations = settings.migrations().isBlank() ? null : project.resolve(settings.migrations()).normalize();
        return new ConfigLoader(Map.of()).load(project,
                new ConfigOverrides(null, null, null, null, migrations, Map.of()));
    }

    StepwiseHandle handle() {
        return handle;
    }

    DataSource dataSource() {
        return handle.dataSource();
    }

    @Override
    public void close() {
        // JUnit 5.13+ also closes what is left in a store; the extension closes it first
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        RuntimeException first = null;
        for (AutoCloseable step : new AutoCloseable[] {handle.stepwise(), database, lease.release()}) {
            try {
                step.close();
            } catch (Exception e) {
                if (first == null) {
                    first = e instanceof RuntimeException r ? r : new IllegalStateException(e.getMessage(), e);
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }

    private static void closeQuietly(AutoCloseable resource, RuntimeException failure) {
        try {
            resource.close();
        } catch (Exception e) {
            failure.addSuppressed(e);
        }
    }
}
