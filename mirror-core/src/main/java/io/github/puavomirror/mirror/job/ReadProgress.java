/*
 * Copyright 2026 the puavo-mirror authors
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *     https://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */
package io.github.puavomirror.mirror.job;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.LongConsumer;

/**
 * How far this process has read a file, whoever reads it: librsync through its own {@code FILE*},
 * or the Java engine through its streams and channels. On Linux each open descriptor's offset is
 * in {@code /proc/self/fdinfo}; the bytes read are the offsets' advance since each descriptor was
 * first seen. Elsewhere nothing is reported. Polling costs a directory listing per interval and
 * leaves the engines untouched.
 */
final class ReadProgress implements AutoCloseable {
    private static final Path FD = Path.of("/proc/self/fd");
    private static final Path FDINFO = Path.of("/proc/self/fdinfo");
    private static final long INTERVAL_MILLIS = 1000;
    private static final ScheduledExecutorService POLLER = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "puavo-mirror-read-progress");
        t.setDaemon(true);
        return t;
    });

    private final Path file;
    /** First seen offset of each descriptor open on the file. */
    private final Map<String, Long> start = new HashMap<>();
    private final Map<String, Long> last = new HashMap<>();
    private ScheduledFuture<?> task;

    ReadProgress(Path file) throws IOException {
        this.file = file.toRealPath();
    }

    /** Polls every second while open, handing {@code onRead} the bytes of {@code file} read so far. */
    static ReadProgress watch(Path file, LongConsumer onRead) throws IOException {
        ReadProgress p = new ReadProgress(file);
        if (Files.isDirectory(FD)) {
            p.task = POLLER.scheduleAtFixedRate(() -> onRead.accept(p.bytesRead()), INTERVAL_MILLIS,
                    INTERVAL_MILLIS, TimeUnit.MILLISECONDS);
        }
        return p;
    }

    /** Bytes read from the file through descriptors open now or seen open before; 0 where /proc is missing. */
    synchronized long bytesRead() {
        try (DirectoryStream<Path> fds = Files.newDirectoryStream(FD)) {
            for (Path fd : fds) {
                String name = fd.getFileName().toString();
                Long pos = offset(fd, name);
                if (pos != null) {
                    start.putIfAbsent(name, pos);
                    last.put(name, pos);
                }
            }
        } catch (IOException e) {
            return total();
        }
        return total();
    }

    private long total() {
        long sum = 0;
        for (Map.Entry<String, Long> e : last.entrySet()) {
            sum += Math.max(0, e.getValue() - start.get(e.getKey()));
        }
        return sum;
    }

    /** The descriptor's offset when it is open on the file, else null (also when it closed meanwhile). */
    private Long offset(Path fd, String name) {
        try {
            if (!Files.readSymbolicLink(fd).equals(file)) {
                return null;
            }
            for (String line : Files.readAllLines(FDINFO.resolve(name))) {
                if (line.startsWith("pos:")) {
                    return Long.parseLong(line.substring(4).trim());
                }
            }
            return null;
        } catch (IOException | NumberFormatException e) {
            return null;
        }
    }

    @Override
    public void close() {
        if (task != null) {
            task.cancel(false);
        }
    }
}
