package dev.stepwise.bench.migrate;

import dev.stepwise.bench.server.BenchDatabase;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The floor: the least any tool must do. It reads the same statements (Flyway's files: one
 * statement per line), then on one connection runs each migration in its own transaction with
 * one version-row insert: begin, its statements one by one, the insert, commit. No lock, no
 * history, no checksum.
 */
public final class JdbcFloor implements Migrator {

    private static final String VERSION_TABLE = "bench_floor_version";

    private final Path migrations;

    public JdbcFloor(Path flywayMigrations) {
        this.migrations = flywayMigrations;
    }

    @Override
    public String name() {
        return "raw JDBC floor";
    }

    @Override
    public void migrate(BenchDatabase database) throws IOException, SQLException {
        List<Path> files = filesInVersionOrder(migrations);
        try (Connection c = database.connect()) {
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TABLE " + VERSION_TABLE + " (version integer PRIMARY KEY,"
                        + " applied_at timestamptz NOT NULL DEFAULT now())");
            }
            c.setAutoCommit(false);
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO " + VERSION_TABLE + " (version) VALUES (?)")) {
                for (int i = 0; i < files.size(); i++) {
                    try (Statement s = c.createStatement()) {
                        for (String statement : statements(files.get(i))) {
                            s.execute(statement);
                        }
                    }
                    insert.setInt(1, i + 1);
                    insert.executeUpdate();
                    c.commit();
                }
            }
        }
    }

    static List<Path> filesInVersionOrder(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(p -> p.getFileName().toString().matches("V\\d+__.*\\.sql"))
                    .sorted(Comparator.comparingInt(JdbcFloor::version))
                    .toList();
        }
    }

    private static int version(Path file) {
        String name = file.getFileName().toString();
        return Integer.parseInt(name.substring(1, name.indexOf("__")));
    }

    static List<String> statements(Path file) throws IOException {
        List<String> statements = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            if (!line.isBlank()) {
                statements.add(line.endsWith(";") ? line.substring(0, line.length() - 1) : line);
            }
        }
        return statements;
    }
}
