package org.dsrcnn.engine.train;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * An exclusive lock on {@code RUN/.lock} for as long as a trainer uses the run directory, so that two
 * trainers never interleave their metrics and checkpoints. The operating system releases it when the
 * process dies, however it dies, so a killed run never leaves a stale lock. The file holds the
 * owner's pid, for the message the second trainer gets.
 */
final class RunLock implements AutoCloseable {

    static final String FILE = ".lock";

    private final FileChannel channel;
    private final FileLock lock;

    private RunLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Takes the lock without waiting.
     *
     * @throws IllegalStateException (one line, naming the owner's pid) when another trainer holds it
     */
    static RunLock acquire(Path runDir) throws IOException {
        Path file = runDir.resolve(FILE);
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null; // held by this very process (another TrainingRun in the same JVM)
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
        if (lock == null) {
            String owner = owner(file);
            channel.close();
            throw new IllegalStateException("run directory " + runDir + " is in use by another trainer"
                    + (owner.isEmpty() ? "" : " (pid " + owner + ")") + "; wait for it to end, or stop it with "
                    + runDir.resolve(StopRequest.FILE));
        }
        channel.truncate(0);
        channel.write(ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.UTF_8)), 0);
        return new RunLock(channel, lock);
    }

    private static String owner(Path file) {
        try {
            return Files.readString(file).strip();
        } catch (IOException e) {
            return "";
        }
    }

    @Override
    public void close() throws IOException {
        try {
            lock.release();
        } finally {
            channel.close();
        }
    }
}
