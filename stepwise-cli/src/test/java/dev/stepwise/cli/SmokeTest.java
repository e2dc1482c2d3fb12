package dev.stepwise.cli;

import dev.stepwise.testing.TestDatabase;
import dev.stepwise.testing.TestPostgres;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class SmokeTest {

    @Test
    void shopUpgradesAndDowngrades() {
        TestDatabase db = TestPostgres.server().newDatabase();
        String shop = Path.of("../examples/shop").toAbsolutePath().normalize().toString();
        Map<String, String> env = Map.of("STEPWISE_URL", db.url(), "STEPWISE_USER", "postgres");
        CliRun up = CliRun.of(env, "-C", shop, "upgrade", "head");
        System.out.println(up);
        assertThat(up.exitCode()).isZero();
        CliRun drift = CliRun.of(env, "-C", shop, "drift");
        assertThat(drift.exitCode()).as("%s", drift).isZero();
        CliRun current = CliRun.of(env, "-C", shop, "current");
        System.out.println(current);
        CliRun down = CliRun.of(env, "-C", shop, "downgrade", "base");
        System.out.println(down);
        assertThat(down.exitCode()).isZero();
        CliRun sql = CliRun.of(Map.of(), "-C", shop, "upgrade", "head", "--sql");
        System.out.println(sql);
        assertThat(sql.exitCode()).isZero();
    }

    @Test
    void shopSchemaAgreesWithItsMigrations() {
        TestDatabase db = TestPostgres.server().newDatabase();
        String shop = Path.of("../examples/shop").toAbsolutePath().normalize().toString();
        CliRun check = CliRun.of(Map.of("STEPWISE_URL", db.url(), "STEPWISE_USER", "postgres"), "-C", shop, "check");
        assertThat(check.exitCode()).as("%s", check).isZero();
        assertThat(check.out()).contains("no changes");
    }
}
