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
package io.github.puavomirror.mirror.upload;

import io.github.puavomirror.mirror.AtomicFiles;
import io.github.puavomirror.mirror.FileChecksums;
import io.github.puavomirror.mirror.job.IoErrors;
import io.github.puavomirror.mirror.job.MirrorException;
import io.github.puavomirror.mirror.job.MirrorJob;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * A folder a web server serves (or an NFS-mounted web root): each file is hard-linked (or, across
 * filesystems, copied) to a temporary name beside its published one and renamed over it.
 */
final class FolderDestination implements Destination {
    private final Path root;
    private final int jobs;

    FolderDestination(Path root, int jobs) {
        this.root = root.toAbsolutePath().normalize();
        this.jobs = jobs;
    }

    @Override
    public String name() {
        return root.toString();
    }

    @Override
    public String rootPath() {
        return root.toString();
    }

    @Override
    public Listing list() throws IOException {
        Map<String, RemoteFile> files = new TreeMap<>();
        Set<String> others = new TreeSet<>();
        Map<String, byte[]> metas = new TreeMap<>();
        byte[] cksums = null;
        if (Files.exists(root) && !Files.isDirectory(root)) {
            throw new MirrorException(root + ": is not a folder");
        }
        for (String dir : List.of("", MirrorJob.RDIFFS_DIR + "/", MirrorJob.META_DIR + "/")) {
            Path folder = root.resolve(dir);
            if (!Files.isDirectory(folder)) {
                continue;
            }
            try (DirectoryStream<Path> ds = Files.newDirectoryStream(folder)) {
                for (Path p : ds) {
                    String name = p.getFileName().toString();
                    if (Files.isRegularFile(p) && AtomicFiles.tempTarget(name).isEmpty()) {
                        files.put(dir + name, new RemoteFile(Files.size(p), null));
                    } else if (!Files.isRegularFile(p)) {
                        others.add(dir + name);
                    }
                }
            } catch (IOException e) {
                throw IoErrors.naming(folder, e);
            }
        }
        for (String path : files.keySet()) {
            if (path.startsWith(MirrorJob.META_DIR + "/") && path.endsWith(".json")) {
                metas.put(path, Files.readAllBytes(root.resolve(path)));
            } else if (path.equals(MirrorJob.CKSUMS_FILE)) {
                cksums = Files.readAllBytes(root.resolve(path));
            }
        }
        return new Listing(files, others, metas, cksums);
    }

    @Override
    public void send(List<Transfer> transfers, SendListener listener) throws IOException {
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(jobs, transfers.size())), r -> {
            Thread t = new Thread(r, "puavo-mirror-upload");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<Void>> futures = new ArrayList<>();
            for (Transfer t : transfers) {
                futures.add(pool.submit(() -> {
                    sendOne(t);
                    listener.done(t);
                    return null;
                }));
            }
            for (Future<Void> f : futures) {
                Upload.await(f);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private void sendOne(Transfer t) throws IOException {
        Path target = root.resolve(t.path());
        if (t.compareFirst() && Files.isRegularFile(target) && (Files.isSameFile(target, t.source())
                || FileChecksums.compute(target).sha256().equals(t.sha256()))) {
            return;
        }
        Path tmp = AtomicFiles.tempSibling(target);
        try {
            Files.createDirectories(target.getParent());
            try {
                Files.createLink(tmp, t.source());
            } catch (IOException | UnsupportedOperationException e) {
                copy(t.source(), tmp);
            }
            AtomicFiles.commit(tmp, target);
        } catch (IOException e) {
            throw failure(t.path(), e);
        } finally {
            // On a read-only disk even removing a file that is not there fails, which would hide why.
            if (Files.exists(tmp, LinkOption.NOFOLLOW_LINKS)) {
                AtomicFiles.delete(tmp);
            }
        }
    }

    private static void copy(Path source, Path tmp) throws IOException {
        try (FileChannel in = FileChannel.open(source, StandardOpenOption.READ);
             FileChannel out = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            long size = in.size();
            long at = 0;
            while (at < size) {
                at += in.transferTo(at, size - at, out);
            }
        }
    }

    @Override
    public void write(List<SmallFile> files) throws IOException {
        for (SmallFile f : files) {
            Path target = root.resolve(f.path());
            try {
                Files.createDirectories(target.getParent());
                AtomicFiles.write(target, f.content());
            } catch (IOException e) {
                throw failure(f.path(), e);
            }
        }
    }

    /**
     * One line naming the destination, the published file and the system's reason: the error
     * itself names our temporary file (or, for a full disk, no file at all).
     */
    private MirrorException failure(String path, IOException e) {
        String reason = e instanceof AccessDeniedException ? "permission denied"
                : e instanceof FileSystemException f && f.getReason() != null ? f.getReason() : IoErrors.describe(e);
        return new MirrorException(root + ": cannot write " + path + ": " + reason, e);
    }

    @Override
    public void delete(List<String> paths) throws IOException {
        for (String p : paths) {
            Path target = root.resolve(p);
            try {
                Files.deleteIfExists(target);
            } catch (IOException e) {
                throw IoErrors.naming(target, e);
            }
        }
    }
}
