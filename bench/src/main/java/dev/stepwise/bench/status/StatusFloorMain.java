package dev.stepwise.bench.status;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The floor of {@code status}, run as a whole process: read and SHA-256-hash every migration file,
 * read Stepwise's history table, and print one line per file. No parsing, no graph, no checks.
 *
 * <p>Arguments: the JDBC URL, the migrations directory.
 */
public final class StatusFloorMain {

    private StatusFloorMain() {
    }

    public static void main(String[] args) throws IOException, SQLException, NoSuchAlgorithmException {
        String url = args[0];
        Path migrations = Path.of(args[1]);
        Map<String, String> hashes = new HashMap<>();
        List<Path> files;
        try (Stream<Path> listing = Files.list(migrations)) {
            files = listing.filter(p -> p.toString().endsWith(".sql")).sorted().toList();
        }
        for (Path file : files) {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file));
            hashes.put(file.getFileName().toString(), HexFormat.of().formatHex(digest));
        }
        int rows = 0;
        try (Connection c = DriverManager.getConnection(url, "postgres", "");
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT revision, checksum, finished_at FROM stepwise_history ORDER BY id")) {
            while (rs.next()) {
                rows++;
            }
        }
        StringBuilder out = new StringBuilder();
        files.forEach(f -> out.append("applied ").append(f.getFileName()).append(' ')
                .append(hashes.get(f.getFileName().toString()), 0, 12).append('\n'));
        out.append(files.size()).append(" files, ").append(rows).append(" history rows\n");
        System.out.print(out);
    }
}
