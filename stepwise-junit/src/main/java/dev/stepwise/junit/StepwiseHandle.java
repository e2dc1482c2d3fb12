package dev.stepwise.junit;

import dev.stepwise.Stepwise;
import dev.stepwise.command.RunResult;
import dev.stepwise.command.TestCommand;
import dev.stepwise.command.UpgradeCommand;
import dev.stepwise.schema.SchemaModel;
import dev.stepwise.stairway.StairwayReport;

import javax.sql.DataSource;

/**
 * The project's migrations on a test class's own database: what a test runs ({@code upgrade},
 * {@code downgrade}, {@code stairway}) and what it looks at afterwards ({@link #schema()}). Injected by
 * {@link StepwiseTest}; the extension closes it after the class.
 */
public final class StepwiseHandle {

    private final Stepwise stepwise;
    private final DataSource dataSource;
    private final String databaseName;
    private final SchemaReader schemaReader;

    StepwiseHandle(Stepwise stepwise, DataSource dataSource, String databaseName) {
        this.stepwise = stepwise;
        this.dataSource = dataSource;
        this.databaseName = databaseName;
        this.schemaReader = new SchemaReader(stepwise.config().tables());
    }

    /** Applies pending migrations up to the target ({@code head}, a revision, {@code +1}, ...), as {@code stepwise upgrade} does. */
    public RunResult upgrade(String target) {
        return stepwise.upgrade(target);
    }

    /** Applies pending migrations up to the target with {@code upgrade}'s options (expand phase only, past the contract gate, ...). */
    public RunResult upgrade(String target, UpgradeCommand.Options options) {
        return stepwise.upgrade(target, options);
    }

    /** Reverts applied migrations down to the target ({@code -1}, a revision, {@code base}, ...). */
    public RunResult downgrade(String target) {
        return stepwise.downgrade(target);
    }

    /**
     * The stairway test ({@code stepwise test}) on this database, which must be at base and hold
     * no table of its own: every migration in graph order up, down and up again, the schema read
     * back and compared each time. The database is left at base.
     */
    public StairwayReport stairway() {
        return stepwise.test(TestCommand.Request.SCHEMA_ONLY);
    }

    /**
     * The database's schema as the catalog reports it now, without Stepwise's version and history
     * tables: what to hand to {@link dev.stepwise.junit.assertions.StepwiseAssertions#assertThat(SchemaModel)}.
     */
    public SchemaModel schema() {
        return schemaReader.read(dataSource);
    }

    /** The whole library API on this database (history, status, lint, plan, ...). */
    public Stepwise stepwise() {
        return stepwise;
    }

    /** The test database, the same one injected as a {@link DataSource} parameter. */
    public DataSource dataSource() {
        return dataSource;
    }

    /** The test database's name on its server ({@code stepwise_<class>_<random>}). */
    public String databaseName() {
        return databaseName;
    }
}
