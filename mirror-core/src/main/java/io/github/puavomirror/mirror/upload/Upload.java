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

import io.github.puavomirror.mirror.CksumsFile;
import io.github.puavomirror.mirror.MetaJson;
import io.github.puavomirror.mirror.MirrorFormatException;
import io.github.puavomirror.mirror.job.IoErrors;
import io.github.puavomirror.mirror.job.MirrorEvent;
import io.github.puavomirror.mirror.job.MirrorEvent.Step;
import io.github.puavomirror.mirror.job.MirrorException;
import io.github.puavomirror.mirror.job.MirrorJob;
import io.github.puavomirror.mirror.job.MirrorListener;
import io.github.puavomirror.mirror.job.MirrorLayout;
import io.github.puavomirror.mirror.job.MirrorLock;
import io.github.puavomirror.mirror.job.MirrorVerify;
import io.github.puavomirror.mirror.job.VerifyReport;
import io.github.puavomirror.mirror.job.VerifyRequest;
import io.github.puavomirror.mirror.upload.Destination.Listing;
import io.github.puavomirror.mirror.upload.Destination.RemoteFile;
import io.github.puavomirror.mirror.upload.Destination.SmallFile;
import io.github.puavomirror.mirror.upload.Destination.Transfer;
import io.github.puavomirror.mirror.upload.UploadReport.Action;
import io.github.puavomirror.mirror.upload.UploadReport.Kind;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/**
 * Puts a local mirror on the server its clients fetch from, in the one order that never shows
 * them a lie: (1) every image and rdiff the metas name that the server lacks, each made visible
 * only when whole; (2) the metas; (3) CKSUMS; (4) with {@code delete}, the images and rdiffs no
 * meta on the server lists any more and that have been unlisted longer than the grace period. A
 * file the server has under its name with other bytes is first withdrawn from the server's metas
 * and CKSUMS, then replaced, then listed again. Metas the server has and the local mirror lacks
 * are left alone, and the files they list are kept. A run killed at any point leaves the server
 * as clients may see it, and the next run completes it.
 */
public final class Upload {
    private static final Set<String> WEB_ROOTS = Set.of("www", "html", "htdocs", "public_html", "public", "web");

    private final UploadRequest request;
    private final MirrorListener events;
    private final long started = System.nanoTime();
    private final List<Action> actions = new ArrayList<>();
    private Path mirrorDir;
    private Path stateDir;
    private Destination destination;
    private boolean apply;
    private int filesSent;
    private long bytesSent;
    private int filesSkipped;
    private long bytesSkipped;
    private int filesDeleted;
    private long bytesDeleted;

    private Upload(UploadRequest request, MirrorListener events) {
        this.request = request;
        this.events = events;
    }

    /** A file the local metas name: where it is here and what they say it is. */
    private record Published(String path, Path file, long size, String sha256, long cksum) {
    }

    /** What a meta or CKSUMS on the server says a file is; {@code sha256} or {@code cksum} may be null. */
    private record Claim(long size, String sha256, Long cksum) {
    }

    /**
     * Uploads the mirror, or in a dry run lists what it would do.
     *
     * @throws MirrorException with one line naming the parameter, file or destination at fault;
     *                         what clients of the destination see is then as it was, or already
     *                         the local mirror's
     */
    public static UploadReport run(UploadRequest request, MirrorListener listener) throws MirrorException {
        try {
            return new Upload(request, listener).execute();
        } catch (MirrorException e) {
            throw e;
        } catch (IOException e) {
            throw new MirrorException(IoErrors.describe(e), e);
        }
    }

    private UploadReport execute() throws IOException {
        request.validate();
        mirrorDir = request.mirrorDirectory().toAbsolutePath().normalize();
        MirrorLayout layout = new MirrorLayout(mirrorDir);
        stateDir = layout.stateDir();
        try (Destination d = Destination.of(request, mirrorDir, stateDir)) {
            destination = d;
            warnAboutPrefix();
            apply = !request.dryRun();
            if (!apply) {
                checkLocalMirror();
                return upload();
            }
            // The mirror job must not replace a file while it is checked and sent.
            try (MirrorLock lock = layout.lock()) {
                checkLocalMirror();
                return upload();
            }
        }
    }

    private void warnAboutPrefix() {
        String root = destination.rootPath();
        if (destination instanceof S3Destination && !root.isEmpty()) {
            events.on(new MirrorEvent.Warning(destination.name() + ": the mirror goes under the prefix " + root
                    + "; laptops fetch https://<server>/<image>, so they need the mirror at the root of a host"));
            return;
        }
        List<String> parts = Arrays.stream(root.split("/")).filter(s -> !s.isEmpty() && !s.equals(".")).toList();
        for (int i = 0; i < parts.size() - 1; i++) {
            if (WEB_ROOTS.contains(parts.get(i))) {
                events.on(new MirrorEvent.Warning(destination.name() + ": the mirror goes under "
                        + String.join("/", parts.subList(i + 1, parts.size())) + "/ of what looks like a web root;"
                        + " laptops fetch https://<server>/<image>, so they need the mirror at the root of a host"));
                return;
            }
        }
    }

    private void checkLocalMirror() throws MirrorException {
        VerifyReport check = MirrorVerify.runFromJobState(new VerifyRequest(mirrorDir, false, null, request.jobs()),
                events);
        if (!check.ok()) {
            int more = check.problems().size() - 1;
            throw new MirrorException(check.problems().get(0).line() + (more > 0 ? " (and " + more
                    + " more problems)" : "") + "; the local mirror is inconsistent, nothing uploaded (see verify)");
        }
    }

    private UploadReport upload() throws IOException {
        Map<String, byte[]> localMetas = new TreeMap<>();
        Map<String, Published> published = new LinkedHashMap<>();
        readLocal(localMetas, published);
        Path cksumsFile = mirrorDir.resolve(MirrorJob.CKSUMS_FILE);
        byte[] localCksums = Files.isRegularFile(cksumsFile) ? Files.readAllBytes(cksumsFile) : null;

        Listing server = destination.list();
        checkNothingInTheWay(server, published.keySet(), localMetas.keySet());
        Map<String, MetaJson.Series> serverSeries = new TreeMap<>();
        Set<String> unreadableMetas = new TreeSet<>();
        server.metas().forEach((path, bytes) -> {
            try {
                serverSeries.put(path, MetaJson.parse(bytes, destination.name() + "/" + path));
            } catch (MirrorFormatException e) {
                unreadableMetas.add(path);
            }
        });
        Map<String, List<Claim>> claims = claims(serverSeries, server.cksums());

        List<Transfer> sends = new ArrayList<>();
        Set<String> withdraw = new TreeSet<>();
        for (Published p : published.values()) {
            RemoteFile there = server.files().get(p.path());
            Boolean same = there == null ? Boolean.FALSE : same(p, there, claims.get(p.path()));
            if (Boolean.TRUE.equals(same)) {
                filesSkipped++;
                bytesSkipped += p.size();
                continue;
            }
            sends.add(new Transfer(p.path(), p.file(), p.size(), p.sha256(), same == null));
            if (there != null && claims.containsKey(p.path())) {
                withdraw.add(p.path());
                events.on(new MirrorEvent.Warning(destination.name() + ": " + p.path()
                        + " is there with other bytes: withdrawn from its metas and CKSUMS, replaced, listed again"));
            }
        }

        Map<String, byte[]> serverMetas = new TreeMap<>(server.metas());
        byte[] serverCksums = server.cksums();
        if (!withdraw.isEmpty()) {
            serverCksums = withdraw(withdraw, serverSeries, serverMetas, serverCksums);
        }
        send(sends);
        List<SmallFile> metas = new ArrayList<>();
        localMetas.forEach((path, bytes) -> {
            if (!Arrays.equals(serverMetas.get(path), bytes)) {
                metas.add(new SmallFile(path, bytes));
            }
        });
        write(Kind.META, metas);
        if (localCksums != null && !Arrays.equals(serverCksums, localCksums)) {
            write(Kind.CKSUMS, List.of(new SmallFile(MirrorJob.CKSUMS_FILE, localCksums)));
        }
        deleteUnlisted(server, published.keySet(), localMetas.keySet(), serverSeries, unreadableMetas);
        return new UploadReport(destination.name(), actions, filesSent, bytesSent, filesSkipped, bytesSkipped,
                filesDeleted, bytesDeleted, System.nanoTime() - started, !apply);
    }

    /** The local metas by path, and every file they name in meta order, images before their rdiffs. */
    private void readLocal(Map<String, byte[]> metas, Map<String, Published> published) throws IOException {
        Path metaDir = mirrorDir.resolve(MirrorJob.META_DIR);
        if (!Files.isDirectory(metaDir)) {
            return;
        }
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(metaDir, "*.json")) {
            for (Path p : ds) {
                if (!p.getFileName().toString().startsWith(".")) {
                    metas.put(MirrorJob.META_DIR + "/" + p.getFileName(), Files.readAllBytes(p));
                }
            }
        }
        for (Map.Entry<String, byte[]> m : metas.entrySet()) {
            for (MetaJson.Image image : MetaJson.parse(m.getValue(), m.getKey()).images()) {
                published.putIfAbsent(image.filename(), new Published(image.filename(),
                        mirrorDir.resolve(image.filename()), image.size(), image.sha256(), Long.parseLong(image.cksum())));
                for (MetaJson.Diff d : image.diffs()) {
                    String path = rdiffPath(d.filename());
                    published.putIfAbsent(path, new Published(path, mirrorDir.resolve(path), d.size(), d.sha256(),
                            Long.parseLong(d.cksum())));
                }
            }
        }
    }

    private static String rdiffPath(String name) {
        return MirrorJob.RDIFFS_DIR + "/" + name;
    }

    /** Refuses, before changing anything, when a folder or link sits where a file must go (or the reverse). */
    private void checkNothingInTheWay(Listing server, Set<String> files, Set<String> metas) throws MirrorException {
        Set<String> needFiles = new TreeSet<>(files);
        needFiles.addAll(metas);
        needFiles.add(MirrorJob.CKSUMS_FILE);
        for (String p : needFiles) {
            if (server.others().contains(p)) {
                throw new MirrorException(destination.name() + ": " + p + " there is not a regular file; nothing uploaded");
            }
        }
        for (String dir : List.of(MirrorJob.RDIFFS_DIR, MirrorJob.META_DIR)) {
            if (server.files().containsKey(dir)) {
                throw new MirrorException(destination.name() + ": " + dir + " there is a file, not a folder; nothing uploaded");
            }
        }
    }

    /** What the server's metas and CKSUMS say each file is, by path. */
    private Map<String, List<Claim>> claims(Map<String, MetaJson.Series> serverSeries, byte[] cksums) {
        Map<String, List<Claim>> claims = new TreeMap<>();
        for (MetaJson.Series s : serverSeries.values()) {
            for (MetaJson.Image image : s.images()) {
                claims.computeIfAbsent(image.filename(), k -> new ArrayList<>())
                        .add(new Claim(image.size(), image.sha256(), null));
                for (MetaJson.Diff d : image.diffs()) {
                    claims.computeIfAbsent(rdiffPath(d.filename()), k -> new ArrayList<>())
                            .add(new Claim(d.size(), d.sha256(), null));
                }
            }
        }
        if (cksums != null) {
            try {
                for (CksumsFile.Entry e : CksumsFile.parse(new String(cksums, StandardCharsets.UTF_8),
                        destination.name() + "/" + MirrorJob.CKSUMS_FILE)) {
                    claims.computeIfAbsent(e.name().endsWith(".rdiff") ? rdiffPath(e.name()) : e.name(),
                            k -> new ArrayList<>()).add(new Claim(e.size(), null, e.cksum()));
                }
            } catch (MirrorFormatException e) {
                events.on(new MirrorEvent.Warning(e.getMessage() + " (it is replaced)"));
            }
        }
        return claims;
    }

    /**
     * Whether the server's file is the local one: by the checksum the store keeps, else by what
     * the server's metas or CKSUMS say of it (the upload order makes those true); null when
     * nothing vouches for its bytes.
     */
    private static Boolean same(Published p, RemoteFile there, List<Claim> claims) {
        if (there.size() != p.size()) {
            return Boolean.FALSE;
        }
        if (there.sha256() != null) {
            return there.sha256().equals(p.sha256());
        }
        if (claims == null) {
            return null;
        }
        if (claims.stream().anyMatch(c -> c.size() != p.size())) {
            return Boolean.FALSE;
        }
        for (Claim c : claims) {
            if (c.sha256() != null) {
                return c.sha256().equals(p.sha256());
            }
        }
        return claims.stream().allMatch(c -> c.cksum() == p.cksum());
    }

    /** Rewrites the server's metas, then its CKSUMS, without {@code paths}; returns the new CKSUMS. */
    private byte[] withdraw(Set<String> paths, Map<String, MetaJson.Series> serverSeries, Map<String, byte[]> serverMetas,
                            byte[] serverCksums) throws IOException {
        List<SmallFile> metas = new ArrayList<>();
        for (Map.Entry<String, MetaJson.Series> e : serverSeries.entrySet()) {
            List<MetaJson.Image> kept = new ArrayList<>();
            boolean changed = false;
            for (MetaJson.Image image : e.getValue().images()) {
                if (paths.contains(image.filename())) {
                    changed = true;
                    continue;
                }
                List<MetaJson.Diff> diffs = image.diffs().stream()
                        .filter(d -> !paths.contains(rdiffPath(d.filename()))).toList();
                changed |= diffs.size() != image.diffs().size();
                kept.add(new MetaJson.Image(diffs, image.filename(), image.id(), image.puavoConf(), image.size(),
                        image.urls(), image.version(), image.cksum(), image.sha256(), image.sha512()));
            }
            if (changed) {
                byte[] bytes = MetaJson.toBytes(new MetaJson.Series(e.getValue().name(), kept));
                metas.add(new SmallFile(e.getKey(), bytes));
                serverMetas.put(e.getKey(), bytes);
            }
        }
        write(Kind.WITHDRAW, metas);
        if (serverCksums == null) {
            return null;
        }
        List<CksumsFile.Entry> entries;
        try {
            entries = CksumsFile.parse(new String(serverCksums, StandardCharsets.UTF_8), MirrorJob.CKSUMS_FILE);
        } catch (MirrorFormatException e) {
            return serverCksums;
        }
        List<CksumsFile.Entry> kept = entries.stream()
                .filter(x -> !paths.contains(x.name().endsWith(".rdiff") ? rdiffPath(x.name()) : x.name())).toList();
        if (kept.size() == entries.size()) {
            return serverCksums;
        }
        byte[] bytes = CksumsFile.toBytes(kept);
        write(Kind.WITHDRAW, List.of(new SmallFile(MirrorJob.CKSUMS_FILE, bytes)));
        return bytes;
    }

    private void send(List<Transfer> sends) throws IOException {
        long total = 0;
        for (Transfer t : sends) {
            actions.add(new Action(Kind.SEND, t.path(), t.size()));
            total += t.size();
        }
        if (sends.isEmpty() || !apply) {
            filesSent += sends.size();
            bytesSent += total;
            return;
        }
        events.on(new MirrorEvent.Info("sending " + sends.size() + " files (" + total + " bytes) to "
                + destination.name()));
        long t0 = System.nanoTime();
        for (Transfer t : sends) {
            events.on(new MirrorEvent.StepStarted(Step.UPLOAD, t.path(), t.size()));
        }
        Set<String> reported = new HashSet<>();
        destination.send(sends, new Destination.SendListener() {
            @Override
            public void progress(Transfer t, long bytes) {
                events.on(new MirrorEvent.StepProgress(Step.UPLOAD, t.path(), bytes, t.size()));
            }

            @Override
            public void done(Transfer t) {
                synchronized (reported) {
                    if (!reported.add(t.path())) {
                        return;
                    }
                    filesSent++;
                    bytesSent += t.size();
                }
                events.on(new MirrorEvent.StepFinished(Step.UPLOAD, t.path(), t.size(), System.nanoTime() - t0, true));
            }
        });
        synchronized (reported) {
            // rsync names only the files it sent; the others were already whole.
            for (Transfer t : sends) {
                if (reported.add(t.path())) {
                    filesSent++;
                    bytesSent += t.size();
                    events.on(new MirrorEvent.StepFinished(Step.UPLOAD, t.path(), t.size(), System.nanoTime() - t0,
                            false));
                }
            }
        }
    }

    private void write(Kind kind, List<SmallFile> files) throws IOException {
        if (files.isEmpty()) {
            return;
        }
        for (SmallFile f : files) {
            actions.add(new Action(kind, f.path(), f.content().length));
        }
        if (!apply) {
            return;
        }
        long t0 = System.nanoTime();
        destination.write(files);
        for (SmallFile f : files) {
            Step step = f.path().equals(MirrorJob.CKSUMS_FILE) ? Step.CKSUMS : Step.META;
            events.on(new MirrorEvent.StepFinished(step, f.path(), f.content().length, System.nanoTime() - t0, true));
        }
    }

    /**
     * Step 4: reports the server's own metas, records since when each server file has been
     * unlisted, and with {@code delete} removes those unlisted for longer than the grace period.
     */
    private void deleteUnlisted(Listing server, Set<String> published, Set<String> localMetas,
                                Map<String, MetaJson.Series> serverSeries, Set<String> unreadableMetas)
            throws IOException {
        Set<String> listed = new HashSet<>(published);
        for (String path : server.metas().keySet()) {
            if (localMetas.contains(path)) {
                continue;
            }
            events.on(new MirrorEvent.Warning(destination.name() + ": " + path + " is not in the local mirror: left"
                    + " alone, and the files it lists are kept"));
            MetaJson.Series s = serverSeries.get(path);
            if (s != null) {
                claims(Map.of(path, s), null).keySet().forEach(listed::add);
            }
        }
        Set<String> unlisted = new TreeSet<>();
        for (Map.Entry<String, RemoteFile> f : server.files().entrySet()) {
            String p = f.getKey();
            // Hidden names (rsync's and our temporary files) and names with wildcards are never ours to delete.
            String name = p.substring(p.lastIndexOf('/') + 1);
            boolean ours = !name.startsWith(".") && !name.matches(".*[*?\\[\\\\].*")
                    && ((p.endsWith(".img") && !p.contains("/")) || (p.startsWith(MirrorJob.RDIFFS_DIR + "/")
                    && p.indexOf('/', MirrorJob.RDIFFS_DIR.length() + 1) < 0));
            if (ours && !listed.contains(p)) {
                unlisted.add(p);
            }
        }
        UnlistedFiles record = UnlistedFiles.load(stateDir, request.destination());
        Instant now = Instant.now();
        Map<String, Instant> since = record.update(unlisted, now);
        List<String> delete = new ArrayList<>();
        Duration grace = request.graceDuration();
        // A meta of the server's own that cannot be read may list any file: then nothing goes.
        boolean unknownListing = unreadableMetas.stream().anyMatch(m -> !localMetas.contains(m));
        if (unknownListing && request.delete()) {
            events.on(new MirrorEvent.Warning(destination.name() + ": a meta there cannot be read, so nothing is deleted"));
        }
        for (String p : unlisted) {
            if (request.delete() && !unknownListing && !since.get(p).plus(grace).isAfter(now)) {
                delete.add(p);
            }
        }
        int kept = unlisted.size() - delete.size();
        if (kept > 0) {
            events.on(new MirrorEvent.Info(kept + " files on " + destination.name() + " no meta lists are kept"
                    + (request.delete() ? " (unlisted for less than " + request.grace() + ")" : " (no delete asked)")));
        }
        for (String p : delete) {
            actions.add(new Action(Kind.DELETE, p, server.files().get(p).size()));
            filesDeleted++;
            bytesDeleted += server.files().get(p).size();
        }
        if (!apply) {
            return;
        }
        if (!delete.isEmpty()) {
            long t0 = System.nanoTime();
            destination.delete(delete);
            for (String p : delete) {
                record.forget(p);
                events.on(new MirrorEvent.StepFinished(Step.DELETE, p, server.files().get(p).size(),
                        System.nanoTime() - t0, true));
            }
        }
        record.save();
    }

    /** Waits for one piece of parallel work and rethrows its failure as it was. */
    static void await(Future<?> f) throws IOException {
        try {
            f.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IOException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }
}
