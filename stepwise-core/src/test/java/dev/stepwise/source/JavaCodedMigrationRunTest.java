package dev.stepwise.source;

import dev.stepwise.source.fixtures.good.CreateAccounts;
import dev.stepwise.testing.TestDatabase;
import dev.stepwise.testing.TestPostgres;
import org.junit.jupiter.api.Test;

import java.sql.Connection;

import static org.assertj.core.api.Assertions.assertThat;

/** A Java-coded migration runs its up and down on the connection it is given. */
class JavaCodedMigrationRunTest {

    @Test
    void upCreatesTheTable_andDownDropsIt() throws Exception {
        TestDatabase db = TestPostgres.server().newDatabase();
        JavaCodedMigration migration = JavaCodedMigration.of(CreateAccounts.class);
        String tableExists = "SELECT count(*) FROM pg_class WHERE relname = 'accounts'";

        try (Connection connection = db.connect()) {
            migration.run(Direction.UP, connection);
            assertThat(db.value(tableExists)).isEqualTo("1");

            migration.run(Direction.DOWN, connection);
            assertThat(db.value(tableExists)).isEqualTo("0");
        }
    }
}
