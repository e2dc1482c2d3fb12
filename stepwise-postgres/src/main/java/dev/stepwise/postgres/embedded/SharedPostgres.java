package dev.stepwise.postgres.embedded;

import dev.stepwise.config.StateDirectory;
import dev.stepwise.dialect.EmbeddedServer;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The embedded PostgreSQL server of one project, shared by every Stepwise process working on
 * it: the first one in starts it, later ones join it, the last one out stops it.
 *
 * <p>Under the state directory ({@code .stepwise/}) live the data directory {@code pg17}, the
 * lock {@code pg17.lock} that every start, join, leave and stop happens under, the holders
 * {@code pg17.holders/} (one file per open reference, so holders killed with {@code kill -9}
 * are noticed and dropped) and the server log {@code pg17.log}. Joiners learn the port from
 * the server's own {@code postmaster.pid}. A JVM shutdown hook lets go of every reference still
 * open, so a normal exit (or Ctrl-C) never leaves the count too high.
 */
public final class SharedPostgres implements EmbeddedServer {

    private static final Set<SharedPostgres> OPEN = ConcurrentHashMap.newKeySet();
    private static final AtomicBoolean HOOK_INSTALLED = new AtomicBoolean();

    private final ServerFiles files;
    private final Postmaster postmaster;
    private final Holders holders;
    private final Path holder;
    private final String version;
    private final int port;
    private final AtomicBoolean closed = new AtomicBoolean();

    private SharedPostgres(ServerFiles files, Postmaster postmaster, Holders holders, Path holder, String version, int port) {
        this.files = files;
        this.postmaster = postmaster;
        this.holders = holders;
        this.holder = holder;
        this.version = version;
        this.port = port;
    }

    /** Starts or joins the server kept under {@code stateDirectory} and holds a reference to it. */
    public static SharedPostgres open(Path stateDirectory) {
        return open(stateDirectory, PostgresBinaries.unpacked());
    }

    /**
     * Starts or joins the server of major version {@code wantedMajor} (or the nearest newer at
     * hand) under {@code stateDirectory}; each major has a data directory of its own there.
     */
    public static SharedPostgres open(Path stateDirectory, int wantedMajor) {
        return open(stateDirectory, PostgresBinaries.forMajor(wantedMajor));
    }

    private static SharedPostgres open(Path stateDirectory, PostgresBinaries binaries) {
        PostgresTools tools = new PostgresTools(binaries);
        ServerFiles files = ServerFiles.in(stateDirectory, tools.binaries().majorVersion());
        files.createStateDirectory();
        Postmaster postmaster = new Postmaster(tools, files.data().path().toAbsolutePath(), files.log().toAbsolutePath());
        Holders holders = new Holders(files.holders());
        try (StateLock lock = StateLock.acquire(files.lock())) {
            holders.pruneDead();
            files.data().prepare(tools);
            PostmasterPidFile running = joinOrStart(postmaster);
            SharedPostgres server = new SharedPostgres(files, postmaster, holders, holders.add(),
                    tools.binaries().version(), running.port());
            OPEN.add(server);
            installShutdownHook();
            return server;
        }
    }

    private static PostmasterPidFile joinOrStart(Postmaster postmaster) {
        while (true) {
            Optional<PostmasterPidFile> now = postmaster.current();
            if (now.isEmpty() || !now.get().processAlive()) {
                return postmaster.start();
            }
            PostmasterPidFile running = now.get();
            if (running.ready()) {
                if (accepts(running.port())) {
                    return running;
                }
                // the pid was reused by an unrelated process: the server itself is gone
                return postmaster.start();
            }
            // stopping after the last holder left, or starting (its starter died before it was
            // ready): wait until it settles one way or the other
            postmaster.awaitSettled(running);
        }
    }

    private static boolean accepts(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(Postmaster.HOST, port), 1000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public String jdbcUrl() {
        return "jdbc:postgresql://" + Postmaster.HOST + ":" + port + "/" + DataDirectory.DATABASE;
    }

    @Override
    public String user() {
        return DataDirectory.SUPERUSER;
    }

    @Override
    public String description() {
        return "embedded PostgreSQL " + version + " in " + files.data().path() + " (port " + port + ")";
    }

    public int port() {
        return port;
    }

    /** The data directory, e.g. {@code .stepwise/pg17}. */
    public Path dataDirectory() {
        return files.data().path();
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        OPEN.remove(this);
        try (StateLock lock = StateLock.acquire(files.lock())) {
            holders.remove(holder);
            if (holders.pruneDead().isEmpty()) {
                postmaster.current()
                        .filter(PostmasterPidFile::processAlive)
                        .filter(running -> !running.stopping())
                        .ifPresent(postmaster::requestStop);
            }
        }
    }

    private static void installShutdownHook() {
        if (HOOK_INSTALLED.compareAndSet(false, true)) {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> List.copyOf(OPEN).forEach(SharedPostgres::closeOnExit),
                    "stepwise-embedded-postgres-release"));
        }
    }

    private static void closeOnExit(SharedPostgres server) {
        try {
            server.close();
        } catch (RuntimeException e) {
            System.err.println("stepwise: could not release the embedded PostgreSQL server: " + e.getMessage());
        }
    }

    /** The files of one server under the state directory, all named after its data directory. */
    private record ServerFiles(Path stateDirectory, DataDirectory data) {

        static ServerFiles in(Path stateDirectory, String majorVersion) {
            return new ServerFiles(stateDirectory, new DataDirectory(stateDirectory, majorVersion));
        }

        Path lock() {
            return sibling(".lock");
        }

        Path holders() {
            return sibling(".holders");
        }

        Path log() {
            return sibling(".log");
        }

        private Path sibling(String suffix) {
            return data.path().resolveSibling(data.path().getFileName() + suffix);
        }

        /** Creates the state directory, keeping the server's files out of version control. */
        void createStateDirectory() {
            try {
                StateDirectory.ensure(stateDirectory);
            } catch (IOException e) {
                throw new EmbeddedServerFailed("could not create " + stateDirectory, e);
            }
        }
    }
}
