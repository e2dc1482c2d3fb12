package dev.stepwise.bench.status;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationInfoService;

/**
 * Flyway's {@code info} through its Java API in a fresh JVM, printing one line per migration as
 * its command line does.
 *
 * <p>Arguments: the JDBC URL, the migrations directory.
 */
public final class FlywayInfoMain {

    private FlywayInfoMain() {
    }

    public static void main(String[] args) {
        MigrationInfoService info = Flyway.configure()
                .dataSource(args[0], "postgres", "")
                .locations("filesystem:" + args[1])
                .load()
                .info();
        StringBuilder out = new StringBuilder();
        int applied = 0;
        for (MigrationInfo m : info.all()) {
            out.append(m.getVersion()).append(" | ").append(m.getDescription()).append(" | ")
                    .append(m.getInstalledOn()).append(" | ").append(m.getState().getDisplayName()).append('\n');
            applied += m.getState().isApplied() ? 1 : 0;
        }
        out.append(applied).append(" applied, ").append(info.pending().length).append(" pending\n");
        System.out.print(out);
    }
}
