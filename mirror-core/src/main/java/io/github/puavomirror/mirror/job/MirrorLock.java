package io.github.puavomirror.mirror.job;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

/**
 * One run per mirror: an OS file lock on the state folder's {@code lock} file. The kernel drops
 * the lock when its process dies, so a lock left by a killed run never blocks the next one; the
 * file's text only tells the refused run who holds it.
 */
final class MirrorLock implements AutoCloseable {
    private final FileChannel channel;
    private final FileLock lock;

    private MirrorLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    static MirrorLock acquire(Path lockFile) throws IOException {
        Files.createDirectories(lockFile.getParent());
        FileChannel ch = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        FileLock l;
        try {
            l = ch.tryLock();
        } catch (OverlappingFileLockException e) {
            l = null;
        }
        if (l == null) {
            String holder = holderOf(ch);
            ch.close();
            throw new MirrorException(lockFile.getParent().getParent() + ": another run is publishing this mirror ("
                    + (holder.isEmpty() ? "holder unknown" : holder) + "); try again when it has finished");
        }
        String me = "pid " + ProcessHandle.current().pid() + " on " + hostName() + " since " + Instant.now();
        ch.truncate(0);
        ch.write(ByteBuffer.wrap((me + "\n").getBytes(StandardCharsets.UTF_8)), 0);
        return new MirrorLock(ch, l);
    }

    private static String holderOf(FileChannel ch) {
        try {
            ByteBuffer b = ByteBuffer.allocate(512);
            ch.read(b, 0);
            return new String(b.array(), 0, b.position(), StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            return "";
        }
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            String name = ManagementFactory.getRuntimeMXBean().getName();
            int at = name.indexOf('@');
            return at >= 0 ? name.substring(at + 1) : "unknown host";
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
