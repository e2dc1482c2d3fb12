package dev.stepwise.postgres.embedded;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The exclusive lock that serialises starting, joining, leaving and stopping the shared server
 * across processes ({@link FileChannel#lock()} on a file under the state directory) and across
 * threads of this process, which a file lock alone does not exclude.
 */
final class StateLock implements AutoCloseable {

    private static final ReentrantLock IN_THIS_PROCESS = new ReentrantLock();

    private final FileChannel channel;
    private final FileLock lock;

    private StateLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** Waits for the lock on {@code file}, creating it if needed. */
    static StateLock acquire(Path file) {
        IN_THIS_PROCESS.lock();
        FileChannel channel = null;
        try {
            Files.createDirectories(file.getParent());
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            return new StateLock(channel, channel.lock());
        } catch (IOException | RuntimeException e) {
            closeQuietly(channel);
            IN_THIS_PROCESS.unlock();
            if (e instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new EmbeddedServerFailed("could not lock " + file, e);
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
        } catch (IOException e) {
            // closing the channel below releases the lock as well
        } finally {
            closeQuietly(channel);
            IN_THIS_PROCESS.unlock();
        }
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel == null) {
            return;
        }
        try {
            channel.close();
        } catch (IOException e) {
            // the operating system drops the lock with the descriptor anyway
        }
    }
}
