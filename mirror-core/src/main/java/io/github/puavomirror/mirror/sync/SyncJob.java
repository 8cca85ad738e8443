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
package io.github.puavomirror.mirror.sync;

import io.github.puavomirror.mirror.AtomicFiles;
import io.github.puavomirror.mirror.ChecksumSink;
import io.github.puavomirror.mirror.Checksums;
import io.github.puavomirror.mirror.CksumsFile;
import io.github.puavomirror.mirror.ImageName;
import io.github.puavomirror.mirror.MetaJson;
import io.github.puavomirror.mirror.RepositoryUrl;
import io.github.puavomirror.mirror.http.MirrorHttp;
import io.github.puavomirror.mirror.http.ServedMirror;
import io.github.puavomirror.mirror.job.IoErrors;
import io.github.puavomirror.mirror.job.MetaWriter;
import io.github.puavomirror.mirror.job.MirrorBusyException;
import io.github.puavomirror.mirror.job.MirrorEvent;
import io.github.puavomirror.mirror.job.MirrorEvent.Step;
import io.github.puavomirror.mirror.job.MirrorException;
import io.github.puavomirror.mirror.job.MirrorJob;
import io.github.puavomirror.mirror.job.MirrorListener;
import io.github.puavomirror.mirror.job.MirrorLayout;
import io.github.puavomirror.mirror.job.MirrorLock;
import io.github.puavomirror.mirror.job.Parallel;
import io.github.puavomirror.rdiff.JavaRdiffEngine;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One run of {@code sync}: mirrors chosen series of a served Puavo image repository into a local
 * mirror, with the guarantees of {@link MirrorJob}: the mirror's lock; every file downloaded (or
 * rebuilt from an image held here and a downloaded rdiff) into the job's hidden folder and
 * checked against the meta before it is put in place; images and rdiffs before metas before
 * CKSUMS; a failed run leaves the published mirror as it was, and its partial downloads for the
 * next run to resume. Series that other jobs publish into the mirror stay in CKSUMS.
 */
public final class SyncJob {
    private static final int IO_BUFFER = 1 << 20;
    private static final long LOCK_POLL_MILLIS = 1000;
    /** Download progress is reported this often, not per buffer. */
    private static final long PROGRESS_STEP = 64L << 20;

    private final SyncRequest request;
    private final MirrorListener events;
    private final long started = System.nanoTime();
    private final AtomicInteger filesWritten = new AtomicInteger();
    private SyncRequest.Checked checked;
    private Path mirrorDir;
    private Path stateDir;
    private MirrorLayout layout;
    private Path partialDir;
    private MirrorHttp http;
    private HeldFiles held;

    /** A file a meta lists: its name, where it is published here, its upstream URL and what the meta says. */
    private record Wanted(String name, Path published, URI url, long size, String cksum, String sha256,
                          String sha512) {
    }

    /** A series to mirror: upstream's meta as bytes and parsed, and as published here ({@code keep} applied). */
    private record Selected(String name, byte[] upstreamBytes, MetaJson.Series upstream, MetaJson.Series kept) {
    }

    /** How to rebuild an image: the rdiff to apply and the image it applies to. */
    private record Rebuild(Wanted rdiff, MetaJson.Image source) {
    }

    private SyncJob(SyncRequest request, MirrorListener events) {
        this.request = request;
        this.events = events;
    }

    /**
     * @throws MirrorBusyException when another job holds the mirror (and the request does not wait)
     * @throws MirrorException     with a one-line message naming the URL or file; the published
     *                             mirror is then as it was before the run
     */
    public static SyncSummary run(SyncRequest request, MirrorListener listener) throws MirrorException {
        try {
            return new SyncJob(request, listener).execute();
        } catch (MirrorException e) {
            throw e;
        } catch (IOException e) {
            throw new MirrorException(IoErrors.describe(e), e);
        }
    }

    private SyncSummary execute() throws IOException {
        checked = request.check();
        mirrorDir = request.mirrorDirectory().toAbsolutePath().normalize();
        layout = new MirrorLayout(mirrorDir);
        stateDir = layout.stateDir();
        partialDir = stateDir.resolve("sync-partial");
        http = new MirrorHttp(MirrorHttp.Settings.of(request.caCertificate()), events);
        if (request.dryRun()) {
            return sync(false);
        }
        MirrorLayout.createFolder(mirrorDir);
        try (MirrorLock lock = lock()) {
            return sync(true);
        }
    }

    private MirrorLock lock() throws IOException {
        boolean told = false;
        while (true) {
            try {
                return layout.lock();
            } catch (MirrorBusyException e) {
                if (!request.waitForLock()) {
                    throw e;
                }
                if (!told) {
                    events.on(new MirrorEvent.Info(e.getMessage() + " (waiting)"));
                    told = true;
                }
                try {
                    Thread.sleep(LOCK_POLL_MILLIS);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw new MirrorException(mirrorDir + ": interrupted while waiting for the lock", ie);
                }
            }
        }
    }

    private SyncSummary sync(boolean publish) throws IOException {
        held = HeldFiles.load(stateDir.resolve("sync-files.json"));
        UpstreamCache cache = new UpstreamCache(stateDir.resolve("upstream"), http, publish);
        ServedMirror upstream = checked.upstream();
        List<CksumsFile.Entry> cksums = ServedMirror.parseCksums(upstream.cksums(), cache.get(upstream.cksums()));
        List<Selected> selected = new ArrayList<>();
        for (String series : select(ServedMirror.seriesIn(cksums))) {
            URI url = upstream.meta(series);
            byte[] bytes = cache.get(url);
            MetaJson.Series meta = ServedMirror.parseMeta(url, series, bytes);
            selected.add(new Selected(series, bytes, meta, keepNewest(meta)));
        }
        Map<String, Wanted> wanted = wanted(selected);
        List<Wanted> missingRdiffs = new ArrayList<>();
        List<Wanted> missingImages = new ArrayList<>();
        for (Wanted w : wanted.values()) {
            if (!isHeld(w)) {
                (w.name().endsWith(".rdiff") ? missingRdiffs : missingImages).add(w);
            }
        }
        missingImages.sort(Comparator.comparing(w -> ImageName.parse(w.name())));
        Map<String, MetaJson.Image> sources = knownImages(selected);
        checkSpace(missingRdiffs, missingImages);

        List<String> fetchedWhole = new ArrayList<>();
        List<String> rebuilt = new ArrayList<>();
        if (!publish) {
            Set<String> obtained = new HashSet<>();
            for (Wanted w : missingRdiffs) {
                events.on(new MirrorEvent.Info("would fetch " + w.url()));
            }
            for (Wanted w : missingImages) {
                Rebuild r = rebuildOf(w, wanted, sources, obtained);
                events.on(new MirrorEvent.Info(r == null ? "would fetch " + w.url()
                        : "would rebuild " + w.name() + " from " + r.source().filename() + " and " + r.rdiff().name()));
                (r == null ? fetchedWhole : rebuilt).add(w.name());
                obtained.add(w.name());
            }
            return summary(selected, fetchedWhole, rebuilt, missingRdiffs.size());
        }

        Map<String, Path> ready = new ConcurrentHashMap<>();
        Map<String, Checksums> readySums = new ConcurrentHashMap<>();
        List<Callable<Void>> work = new ArrayList<>();
        for (Wanted w : missingRdiffs) {
            work.add(() -> {
                Path file = partial(w);
                readySums.put(w.name(), fetch(w, file));
                ready.put(w.name(), file);
                return null;
            });
        }
        Parallel.run(work, request.jobs());
        for (Wanted w : missingImages) {
            Path file = partial(w);
            Rebuild r = rebuildOf(w, wanted, sources, ready.keySet());
            Checksums sums = r == null ? null : rebuild(w, r, ready, file);
            if (sums == null) {
                sums = fetch(w, file);
                fetchedWhole.add(w.name());
            } else {
                rebuilt.add(w.name());
            }
            readySums.put(w.name(), sums);
            ready.put(w.name(), file);
        }
        publish(selected, wanted, ready, readySums);
        return summary(selected, fetchedWhole, rebuilt, missingRdiffs.size());
    }

    /** The series to mirror: names as given, globs matched against CKSUMS' series, then the exclusions. */
    private List<String> select(Set<String> upstreamSeries) throws MirrorException {
        Set<String> out = new LinkedHashSet<>();
        if (checked.series().isEmpty()) {
            out.addAll(upstreamSeries);
        }
        for (SyncRequest.Selector s : checked.series()) {
            if (!s.isGlob()) {
                out.add(s.pattern());
                continue;
            }
            boolean any = false;
            for (String name : upstreamSeries) {
                if (s.glob().matches(Path.of(name))) {
                    out.add(name);
                    any = true;
                }
            }
            if (!any) {
                events.on(new MirrorEvent.Warning(checked.upstream().cksums() + ": no series matches " + s.pattern()
                        + " (CKSUMS may list only upstream's last run)"));
            }
        }
        out.removeIf(name -> checked.excludes().stream().anyMatch(m -> m.matches(Path.of(name))));
        if (out.isEmpty()) {
            throw new MirrorException(checked.upstream().base() + ": no series to mirror (upstream's CKSUMS lists "
                    + (upstreamSeries.isEmpty() ? "none" : String.join(", ", upstreamSeries)) + ")");
        }
        return new ArrayList<>(out);
    }

    /** The meta with only the newest {@code keep} images (each with all its rdiffs), in upstream's order. */
    private MetaJson.Series keepNewest(MetaJson.Series meta) {
        if (request.keep() == 0 || meta.images().size() <= request.keep()) {
            return meta;
        }
        List<MetaJson.Image> byAge = new ArrayList<>(meta.images());
        byAge.sort(Comparator.comparing((MetaJson.Image i) -> ImageName.parse(i.filename())).reversed());
        Set<MetaJson.Image> kept = Collections.newSetFromMap(new IdentityHashMap<>());
        kept.addAll(byAge.subList(0, request.keep()));
        return new MetaJson.Series(meta.name(), meta.images().stream().filter(kept::contains).toList());
    }

    private Map<String, Wanted> wanted(List<Selected> selected) throws MirrorException {
        Map<String, Wanted> out = new LinkedHashMap<>();
        ServedMirror upstream = checked.upstream();
        for (Selected s : selected) {
            for (MetaJson.Image i : s.kept().images()) {
                want(out, new Wanted(i.filename(), mirrorDir.resolve(i.filename()), upstream.image(i.filename()),
                        i.size(), i.cksum(), i.sha256(), i.sha512()));
                for (MetaJson.Diff d : i.diffs()) {
                    want(out, new Wanted(d.filename(), mirrorDir.resolve(MirrorJob.RDIFFS_DIR).resolve(d.filename()),
                            upstream.rdiff(d.filename()), d.size(), d.cksum(), d.sha256(), d.sha512()));
                }
            }
        }
        return out;
    }

    private static void want(Map<String, Wanted> out, Wanted w) throws MirrorException {
        Wanted earlier = out.putIfAbsent(w.name(), w);
        if (earlier != null && (earlier.size() != w.size() || !earlier.sha512().equals(w.sha512()))) {
            throw new MirrorException(w.url() + ": two metas describe it differently");
        }
    }

    private boolean isHeld(Wanted w) throws IOException {
        Checksums c = held.checksums(w.published(), w.size());
        return c != null && c.sha256().equals(w.sha256()) && c.sha512().equals(w.sha512());
    }

    /**
     * The images an rdiff may come from, by series and version: upstream's whole meta (before
     * {@code keep}) and the meta published here, which still lists images upstream dropped.
     */
    private Map<String, MetaJson.Image> knownImages(List<Selected> selected) {
        Map<String, MetaJson.Image> out = new HashMap<>();
        for (Selected s : selected) {
            Path local = mirrorDir.resolve(MirrorJob.META_DIR).resolve(MetaJson.fileName(s.name()));
            List<MetaJson.Image> images = new ArrayList<>(s.upstream().images());
            if (Files.isRegularFile(local)) {
                try {
                    images.addAll(MetaJson.read(local).images());
                } catch (IOException e) {
                    events.on(new MirrorEvent.Warning(local + ": unreadable, so its images are not used as rdiff"
                            + " sources: " + e.getMessage()));
                }
            }
            for (MetaJson.Image i : images) {
                out.putIfAbsent(s.name() + " " + i.version(), i);
            }
        }
        return out;
    }

    /** The smallest rdiff into {@code image} from an image held here (checked by SHA-256) or obtained in this run. */
    private Rebuild rebuildOf(Wanted image, Map<String, Wanted> wanted, Map<String, MetaJson.Image> sources,
                              Set<String> obtained) throws IOException {
        String series = ImageName.parse(image.name()).seriesName();
        MetaJson.Image target = null;
        Rebuild best = null;
        for (MetaJson.Image candidate : sources.values()) {
            if (candidate.filename().equals(image.name()) && candidate.sha512().equals(image.sha512())) {
                target = candidate;
            }
        }
        if (target == null) {
            return null;
        }
        for (MetaJson.Diff d : target.diffs()) {
            MetaJson.Image source = sources.get(series + " " + d.version());
            Wanted rdiff = wanted.get(d.filename());
            if (source == null || rdiff == null || (best != null && best.rdiff().size() <= d.size())) {
                continue;
            }
            boolean usable = obtained.contains(source.filename());
            if (!usable) {
                Checksums c = held.checksums(mirrorDir.resolve(source.filename()), source.size());
                usable = c != null && c.sha256().equals(source.sha256());
            }
            if (usable) {
                best = new Rebuild(rdiff, source);
            }
        }
        return best;
    }

    private void checkSpace(List<Wanted> rdiffs, List<Wanted> images) throws IOException {
        long need = 0;
        for (Wanted w : rdiffs) {
            need += w.size() - sizeOf(partial(w));
        }
        for (Wanted w : images) {
            need += w.size() - sizeOf(partial(w));
        }
        if (need <= 0) {
            return;
        }
        Path existing = mirrorDir;
        while (!Files.exists(existing)) {
            existing = existing.getParent();
        }
        long free = Files.getFileStore(existing).getUsableSpace();
        if (free < need) {
            throw new MirrorException(mirrorDir + ": the downloads need " + need + " bytes, but its file system has "
                    + free + " bytes free");
        }
    }

    private static long sizeOf(Path file) throws IOException {
        return Files.isRegularFile(file) ? Files.size(file) : 0;
    }

    private Path partial(Wanted w) {
        return partialDir.resolve(w.name());
    }

    /** Downloads a file whole (resuming a partial one) and checks it against its meta entry. */
    private Checksums fetch(Wanted w, Path file) throws IOException {
        long t0 = System.nanoTime();
        events.on(new MirrorEvent.StepStarted(Step.DOWNLOAD, w.name(), w.size()));
        long before = http.bytesDownloaded();
        long[] reported = {0};
        Checksums sums = http.download(w.url(), file, w.size(), w.sha256(), done -> {
            if (done - reported[0] >= PROGRESS_STEP || done == w.size()) {
                reported[0] = done;
                events.on(new MirrorEvent.StepProgress(Step.DOWNLOAD, w.name(), done, w.size()));
            }
        });
        if (!sums.sha512().equals(w.sha512()) || !sums.cksumString().equals(w.cksum())) {
            Files.deleteIfExists(file);
            throw new MirrorException(w.url() + ": " + (sums.sha512().equals(w.sha512()) ? "cksum" : "sha512")
                    + " differs from the meta");
        }
        events.on(new MirrorEvent.StepFinished(Step.DOWNLOAD, w.name(), http.bytesDownloaded() - before,
                System.nanoTime() - t0, true));
        return sums;
    }

    /**
     * Applies the rdiff to its source with the pure-Java patcher and checks the result against
     * the meta; null (with a warning) when it does not match, so the image is fetched whole.
     */
    private Checksums rebuild(Wanted image, Rebuild r, Map<String, Path> ready, Path file) throws IOException {
        long t0 = System.nanoTime();
        events.on(new MirrorEvent.StepStarted(Step.RDIFF, image.name(), image.size()));
        Path basis = ready.getOrDefault(r.source().filename(), mirrorDir.resolve(r.source().filename()));
        Path delta = ready.getOrDefault(r.rdiff().name(), r.rdiff().published());
        Path out = partialDir.resolve(image.name() + ".rebuild");
        ChecksumSink sink = new ChecksumSink();
        try (FileChannel in = FileChannel.open(basis, StandardOpenOption.READ);
             InputStream d = new BufferedInputStream(Files.newInputStream(delta), IO_BUFFER);
             OutputStream o = sink.wrap(new BufferedOutputStream(Files.newOutputStream(out), IO_BUFFER))) {
            new JavaRdiffEngine().patch(in, d, o);
        } catch (IOException e) {
            Files.deleteIfExists(out);
            events.on(new MirrorEvent.Warning(r.rdiff().url() + ": applying it to " + r.source().filename()
                    + " fails (" + IoErrors.describe(e) + "); fetching " + image.name() + " whole"));
            return null;
        }
        Checksums got = sink.finish();
        if (got.size() != image.size() || !got.sha256().equals(image.sha256()) || !got.sha512().equals(image.sha512())) {
            Files.deleteIfExists(out);
            events.on(new MirrorEvent.Warning(r.rdiff().url() + ": applied to " + r.source().filename()
                    + " it does not give the " + image.name() + " the meta describes; fetching it whole"));
            return null;
        }
        Files.move(out, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        events.on(new MirrorEvent.StepFinished(Step.RDIFF, image.name(), got.size(), System.nanoTime() - t0, true));
        return got;
    }

    /** Puts the checked files in place, then writes the metas, then CKSUMS. */
    private void publish(List<Selected> selected, Map<String, Wanted> wanted, Map<String, Path> ready,
                         Map<String, Checksums> sums) throws IOException {
        MirrorLayout.createFolder(layout.rdiffsDir());
        MirrorLayout.createFolder(layout.metaDir());
        boolean replacing = false;
        for (String name : ready.keySet()) {
            replacing |= Files.exists(wanted.get(name).published(), LinkOption.NOFOLLOW_LINKS);
        }
        if (replacing) {
            // Files that the metas may still describe are about to change: withdraw them first.
            writeMetas(selected, ready.keySet());
        }
        for (Wanted w : wanted.values()) {
            Path file = ready.get(w.name());
            if (file != null) {
                AtomicFiles.setMode(file, AtomicFiles.FILE_MODE);
                AtomicFiles.commit(file, w.published());
                filesWritten.incrementAndGet();
                held.record(w.published(), sums.get(w.name()));
            }
        }
        held.save();
        writeMetas(selected, Set.of());
    }

    private void writeMetas(List<Selected> selected, Set<String> withheld) throws IOException {
        List<MetaWriter.Meta> metas = new ArrayList<>();
        for (Selected s : selected) {
            MetaJson.Series meta = without(s.kept(), withheld);
            metas.add(new MetaWriter.Meta(meta, metaBytes(s, meta)));
        }
        MetaWriter.write(mirrorDir, metas, events, filesWritten);
    }

    private static MetaJson.Series without(MetaJson.Series meta, Set<String> withheld) {
        if (withheld.isEmpty()) {
            return meta;
        }
        List<MetaJson.Image> images = new ArrayList<>();
        for (MetaJson.Image i : meta.images()) {
            if (!withheld.contains(i.filename())) {
                images.add(new MetaJson.Image(i.diffs().stream().filter(d -> !withheld.contains(d.filename())).toList(),
                        i.filename(), i.id(), i.puavoConf(), i.size(), i.urls(), i.version(), i.cksum(), i.sha256(),
                        i.sha512()));
            }
        }
        return new MetaJson.Series(meta.name(), images);
    }

    /**
     * Upstream's bytes when nothing changes; otherwise the meta as update-repository writes it,
     * with the urls pointing here (Ruby's {@code to_json} form, which upstream's metas have).
     */
    private byte[] metaBytes(Selected s, MetaJson.Series meta) {
        RepositoryUrl base = checked.base();
        if (base == null && meta.equals(s.upstream())) {
            return s.upstreamBytes();
        }
        if (!Arrays.equals(MetaJson.toBytes(s.upstream()), s.upstreamBytes())) {
            events.on(new MirrorEvent.Warning(checked.upstream().meta(s.name()) + ": not in Ruby's to_json form;"
                    + " published here in that form"));
        }
        if (base == null) {
            return MetaJson.toBytes(meta);
        }
        List<MetaJson.Image> images = new ArrayList<>();
        for (MetaJson.Image i : meta.images()) {
            List<MetaJson.Diff> diffs = i.diffs().stream().map(d -> new MetaJson.Diff(d.filename(),
                    List.of(base.rdiffUrl(d.filename())), d.version(), d.size(), d.cksum(), d.sha256(), d.sha512()))
                    .toList();
            images.add(new MetaJson.Image(diffs, i.filename(), i.id(), i.puavoConf(), i.size(),
                    List.of(base.imageUrl(i.filename())), i.version(), i.cksum(), i.sha256(), i.sha512()));
        }
        return MetaJson.toBytes(new MetaJson.Series(meta.name(), images));
    }

    private SyncSummary summary(List<Selected> selected, List<String> fetchedWhole, List<String> rebuilt,
                                int rdiffsFetched) {
        Map<String, Long> images = new LinkedHashMap<>();
        for (Selected s : selected) {
            s.kept().images().forEach(i -> images.put(i.filename(), i.size()));
        }
        return new SyncSummary(selected.size(), images.size(), fetchedWhole, rebuilt, rdiffsFetched,
                http.bytesDownloaded(), images.values().stream().mapToLong(Long::longValue).sum(), filesWritten.get(),
                System.nanoTime() - started);
    }
}
