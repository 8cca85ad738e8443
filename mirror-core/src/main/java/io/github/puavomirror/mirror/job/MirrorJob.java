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

import io.github.puavomirror.mirror.AtomicFiles;
import io.github.puavomirror.mirror.Checksums;
import io.github.puavomirror.mirror.ImageName;
import io.github.puavomirror.mirror.ImageSeries;
import io.github.puavomirror.mirror.RdiffPair;
import io.github.puavomirror.mirror.RdiffPlan;
import io.github.puavomirror.mirror.RepositoryUrl;
import io.github.puavomirror.mirror.job.MirrorState.Identity;
import io.github.puavomirror.mirror.job.MirrorState.ImageRecord;
import io.github.puavomirror.mirror.job.MirrorState.RdiffRecord;
import io.github.puavomirror.rdiff.RdiffEngine;
import io.github.puavomirror.rdiff.RdiffException;
import io.github.puavomirror.rdiff.SignatureParams;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One run of {@code update-repository}: what puavo-os {@code make rdiffs} and amxa's
 * {@code puavo-update-repository} do, as one incremental, atomic job.
 *
 * <p>Order of work, chosen so that a run killed at any moment leaves a mirror whose metas and
 * CKSUMS describe only files that are there and whole, and a run that fails leaves it as it was:
 * everything is read and checked first (plan); images and rdiffs are then made and checked under
 * temporary names (stage); only when all are ready, entries about to describe other bytes are
 * withdrawn from the metas and CKSUMS, everything is renamed into place, and the metas and then
 * CKSUMS are written (publish). A step of publishing that fails undoes the ones before it.
 */
public final class MirrorJob {
    /** The job's private folder inside the mirror; see {@link MirrorLayout}, which knows the mirror's folders. */
    public static final String STATE_DIR = MirrorLayout.STATE_DIR;
    public static final String RDIFFS_DIR = MirrorLayout.RDIFFS_DIR;
    public static final String META_DIR = MirrorLayout.META_DIR;
    public static final String CKSUMS_FILE = MirrorLayout.CKSUMS_FILE;

    /** What the request names, resolved and checked before the mirror is locked. */
    private record Inputs(Path imageDir, Path mirrorDir, RepositoryUrl base, List<RdiffPlan> plans,
                          Map<ImageName, Path> files, RdiffEngine engine) {
    }

    /**
     * What the run publishes: every image's checksums and puavo-conf, the images to put into the
     * mirror and the rdiffs to make (all others are published and up to date).
     */
    private record Plan(Map<ImageName, ImageRecord> images, List<RdiffPair> toBuild, List<ImageName> toLink) {
    }

    private final MirrorRequest request;
    private final MirrorListener events;
    private final FileOperations files;
    private final long started;
    private final AtomicInteger filesWritten = new AtomicInteger();
    private final Path mirrorDir;
    private final RepositoryUrl base;
    private final List<RdiffPlan> plans;
    private final Map<ImageName, Path> imageFiles;
    private final RdiffEngine engine;
    private final MirrorState state;
    private final Path stateFile;

    private MirrorJob(MirrorRequest request, MirrorListener events, FileOperations files, long started,
                      Inputs inputs, Path stateFile) {
        this.request = request;
        this.events = events;
        this.files = files;
        this.started = started;
        this.mirrorDir = inputs.mirrorDir();
        this.base = inputs.base();
        this.plans = inputs.plans();
        this.imageFiles = inputs.files();
        this.engine = inputs.engine();
        this.stateFile = stateFile;
        this.state = MirrorState.load(stateFile);
    }

    /**
     * Runs the job.
     *
     * @throws MirrorException with a one-line message naming the file and the problem; the
     *                         published mirror is then as it was before the run
     */
    public static MirrorSummary run(MirrorRequest request, MirrorListener listener) throws MirrorException {
        return run(request, listener, null, FileOperations.SYSTEM);
    }

    /** Runs with {@code engine} instead of the one the request names; tests use it to make an engine fail. */
    static MirrorSummary run(MirrorRequest request, MirrorListener listener, RdiffEngine engine) throws MirrorException {
        return run(request, listener, engine, FileOperations.SYSTEM);
    }

    /** Runs with its file changes made through {@code files}; tests use it to make one of them fail. */
    static MirrorSummary run(MirrorRequest request, MirrorListener listener, RdiffEngine engine, FileOperations files)
            throws MirrorException {
        long started = System.nanoTime();
        try {
            Inputs inputs = resolve(request, listener, engine);
            MirrorLayout layout = new MirrorLayout(inputs.mirrorDir());
            Path stateFile = layout.stateFile();
            if (request.dryRun()) {
                return new MirrorJob(request, listener, files, started, inputs, stateFile).dryRun();
            }
            MirrorLayout.createFolder(inputs.mirrorDir());
            try (MirrorLock lock = layout.lock()) {
                removeLeftovers(layout);
                return new MirrorJob(request, listener, files, started, inputs, stateFile).publishRun();
            }
        } catch (MirrorException e) {
            throw e;
        } catch (IOException e) {
            throw new MirrorException(IoErrors.describe(e), e);
        } catch (UncheckedIOException e) {
            throw new MirrorException(IoErrors.describe(e.getCause()), e.getCause());
        } catch (OutOfMemoryError e) {
            // The job's clean-up ran on the way out (staged files discarded, lock released).
            throw OutOfHeapException.of(e);
        }
    }

    /**
     * Temporary files that a killed run left: anything with a temporary name in the state folder
     * (librsync's spool, a half-written state), and next to published files only those named
     * after a published file (a kept previous version, a half-written meta), never others.
     */
    private static void removeLeftovers(MirrorLayout layout) throws IOException {
        for (MirrorLayout.Unlisted u : layout.unlisted(Set.of())) {
            if (u.temporary()) {
                AtomicFiles.delete(u.file());
            }
        }
    }

    private static Inputs resolve(MirrorRequest request, MirrorListener events, RdiffEngine given) throws IOException {
        request.check();
        Path imageDir = request.imageDirectory().toAbsolutePath().normalize();
        Path mirrorDir = request.mirrorDirectory().toAbsolutePath().normalize();
        checkFolders(imageDir, mirrorDir);
        RepositoryUrl base = RepositoryUrl.parse(request.repositoryUrl());
        List<ImageSeries> series = new ArrayList<>();
        for (ImageSeries s : SeriesSource.resolve(request, imageDir, events)) {
            series.add(request.keep() > 0 ? s.keepNewest(request.keep()) : s);
        }
        if (series.isEmpty()) {
            events.on(new MirrorEvent.Warning(imageDir + ": no images to publish"));
        }
        List<RdiffPlan> plans = new ArrayList<>();
        for (ImageSeries s : series) {
            plans.add(RdiffPlan.of(s, request.rdiffTargets()));
        }
        Map<ImageName, Path> files = ImageFiles.locate(imageDir, plans);
        RdiffEngine engine = given;
        if (engine == null) {
            // librsync's temporary files stay in the mirror's state folder, where the next run and prune find them.
            engine = RequestChecks.engine(request.engine(), events, mirrorDir.resolve(STATE_DIR));
        }
        return new Inputs(imageDir, mirrorDir, base, plans, files, engine);
    }

    private static void checkFolders(Path imageDir, Path mirrorDir) throws IOException {
        RequestChecks.requireFolder(JobParameter.IMAGE_DIRECTORY, imageDir);
        // Compared with symlinks resolved: an alias of the image folder is the image folder.
        Path realImages = imageDir.toRealPath();
        Path realMirror = resolved(mirrorDir);
        if (realMirror.equals(realImages)) {
            throw mirrorFolder(mirrorDir + ": the mirror folder must not be the image folder");
        }
        if (realImages.startsWith(realMirror)) {
            throw mirrorFolder(mirrorDir + ": the mirror folder must not contain the image folder "
                    + imageDir + " (it would publish it)");
        }
        if (Files.exists(mirrorDir) && !Files.isDirectory(mirrorDir)) {
            throw mirrorFolder(mirrorDir + ": is not a folder");
        }
    }

    private static MirrorException mirrorFolder(String message) {
        return MirrorException.usage(new InvalidParameterException(JobParameter.MIRROR_DIRECTORY, n -> message));
    }

    /** {@code path} with symlinks resolved in the part that exists; the rest is appended as given. */
    private static Path resolved(Path path) throws IOException {
        Path existing = path;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        return existing == null ? path : existing.toRealPath().resolve(existing.relativize(path));
    }

    private MirrorSummary dryRun() throws IOException {
        Plan plan = plan(false);
        for (RdiffPair p : plan.toBuild()) {
            events.on(new MirrorEvent.Info("would build " + RDIFFS_DIR + "/" + p.rdiffName()));
        }
        return summary(plan.images(), 0);
    }

    private MirrorSummary publishRun() throws IOException {
        Plan plan = plan(true);
        StagedFiles staged = stage(plan);
        publish(plan, staged);
        return summary(plan.images(), plan.toBuild().size());
    }

    /** Reads the images (and records what it read when {@code saveState}) and decides what to make. */
    private Plan plan(boolean saveState) throws IOException {
        Map<ImageName, ImageRecord> images = new ImageScan(state, events, request.jobs()).read(imageFiles);
        if (saveState) {
            state.save(stateFile, files);
        }
        Map<String, RdiffPair> rdiffs = new LinkedHashMap<>();
        for (RdiffPlan plan : plans) {
            for (RdiffPair pair : plan.pairs()) {
                RdiffPair earlier = rdiffs.putIfAbsent(pair.rdiffName(), pair);
                if (earlier != null && !earlier.equals(pair)) {
                    throw new MirrorException(pair.rdiffName() + ": the same rdiff name stands for "
                            + earlier.source() + " -> " + earlier.target() + " and " + pair.source() + " -> "
                            + pair.target());
                }
            }
        }
        List<RdiffPair> toBuild = new ArrayList<>();
        for (RdiffPair pair : rdiffs.values()) {
            if (!upToDate(pair, images)) {
                toBuild.add(pair);
            }
        }
        // Before anything is written: a meta too large or a source whose index cannot fit fails the run now.
        MetaWriter.checkSizes(plans, images);
        RdiffBuilder.heapNeeds(engine, request, toBuild, images);
        long bytesToRead = toBuild.stream().mapToLong(p -> images.get(p.source()).sums().size()
                + images.get(p.target()).sums().size()).sum();
        events.on(new MirrorEvent.Planned(plans.size(), countImages(), toBuild.size(),
                rdiffs.size() - toBuild.size(), bytesToRead));
        List<ImageName> toLink = new ArrayList<>();
        for (RdiffPlan plan : plans) {
            for (ImageName image : plan.series().images()) {
                if (!toLink.contains(image)
                        && !ImagePublisher.isPublished(mirrorDir, image, imageFiles.get(image), images.get(image))) {
                    toLink.add(image);
                }
            }
        }
        return new Plan(images, toBuild, toLink);
    }

    /**
     * Makes the plan's images and rdiffs under temporary names next to their published ones; a
     * failure removes them, so no published name has changed yet.
     */
    private StagedFiles stage(Plan plan) throws IOException {
        Path rdiffsDir = mirrorDir.resolve(RDIFFS_DIR);
        MirrorLayout.createFolder(rdiffsDir);
        MirrorLayout.createFolder(mirrorDir.resolve(META_DIR));
        ImagePublisher imagePublisher = new ImagePublisher(mirrorDir, state, events, filesWritten);
        // Recorded as each goes in place and saved once after all renames: a record lost to a kill
        // only costs rebuilding that rdiff with the same bytes.
        RdiffBuilder builder = new RdiffBuilder(engine, request, rdiffsDir, events, filesWritten, (name, record) -> {
            synchronized (state) {
                state.rdiffs.put(name, record);
            }
        });
        StagedFiles staged = new StagedFiles();
        boolean ready = false;
        try {
            for (ImageName image : plan.toLink()) {
                imagePublisher.stage(image, imageFiles.get(image), plan.images().get(image), staged);
            }
            builder.build(plan.toBuild(), imageFiles, plan.images(), settingsOf(plan.toBuild(), plan.images()), staged);
            ready = true;
            return staged;
        } finally {
            if (!ready) {
                staged.discard();
            }
        }
    }

    /**
     * Puts the staged files in place and writes the metas and CKSUMS. Entries that are about to
     * describe other bytes first leave the metas (the others stay listed throughout); if any step
     * fails, every published name changed so far is put back as it was.
     */
    private void publish(Plan plan, StagedFiles staged) throws IOException {
        PublishedChanges changes = new PublishedChanges(files, events);
        MetaWriter metaWriter = new MetaWriter(mirrorDir, base, events, filesWritten, changes);
        boolean published = false;
        try {
            Map<String, Checksums> upcoming = checksumsByName(plan.images());
            Map<String, Checksums> stagedSums = staged.sumsByName();
            upcoming.putAll(stagedSums);
            Map<String, Checksums> listed = metaWriter.listedNow(plans);
            Set<String> withheld = new HashSet<>();
            boolean withdraw = false;
            for (Map.Entry<String, Checksums> e : stagedSums.entrySet()) {
                Checksums now = listed.get(e.getKey());
                if (!e.getValue().equals(now)) {
                    withheld.add(e.getKey());
                    withdraw |= now != null;
                }
            }
            if (withdraw) {
                metaWriter.write(plans, plan.images(), upcoming, withheld);
            }
            staged.commitAll(changes);
            state.save(stateFile, files);
            metaWriter.write(plans, plan.images(), checksumsByName(plan.images()), Set.of());
            published = true;
        } finally {
            if (published) {
                changes.finish();
            } else {
                changes.undo();
            }
            staged.discard();
        }
    }

    private Map<RdiffPair, String> settingsOf(List<RdiffPair> pairs, Map<ImageName, ImageRecord> images)
            throws RdiffException {
        Map<RdiffPair, String> out = new LinkedHashMap<>();
        for (RdiffPair p : pairs) {
            out.put(p, settings(images.get(p.source()).sums().size()));
        }
        return out;
    }

    /** The signature header an rdiff from a source of this size gets: what decides its bytes besides the inputs. */
    private String settings(long sourceSize) throws RdiffException {
        SignatureParams sp = request.signature().resolve(sourceSize);
        return String.format("magic=%08x block=%d strong=%d", sp.type().magic(), sp.blockLength(), sp.strongLength());
    }

    private boolean upToDate(RdiffPair pair, Map<ImageName, ImageRecord> images) throws IOException {
        RdiffRecord r = state.rdiffs.get(pair.rdiffName());
        if (r == null) {
            return false;
        }
        ImageRecord src = images.get(pair.source());
        ImageRecord dst = images.get(pair.target());
        if (!r.sourceSha512().equals(src.sums().sha512()) || !r.targetSha512().equals(dst.sums().sha512())
                || !r.settings().equals(settings(src.sums().size()))) {
            return false;
        }
        Path published = mirrorDir.resolve(RDIFFS_DIR).resolve(pair.rdiffName());
        return Files.isRegularFile(published) && Identity.of(published).equals(r.published());
    }

    private Map<String, Checksums> checksumsByName(Map<ImageName, ImageRecord> images) {
        Map<String, Checksums> sums = new LinkedHashMap<>();
        images.forEach((name, rec) -> sums.put(name.fileName(), rec.sums()));
        state.rdiffs.forEach((name, rec) -> sums.put(name, rec.sums()));
        return sums;
    }

    private int countImages() {
        return plans.stream().mapToInt(p -> p.series().images().size()).sum();
    }

    private MirrorSummary summary(Map<ImageName, ImageRecord> images, int built) {
        Set<ImageName> listed = new HashSet<>();
        Set<String> diffNames = new HashSet<>();
        long imageBytes = 0;
        long rdiffBytes = 0;
        long saved = 0;
        for (RdiffPlan plan : plans) {
            for (ImageName image : plan.series().images()) {
                if (listed.add(image)) {
                    imageBytes += images.get(image).sums().size();
                }
            }
            for (RdiffPair p : plan.pairs()) {
                RdiffRecord r = state.rdiffs.get(p.rdiffName());
                if (r != null && diffNames.add(p.rdiffName())) {
                    rdiffBytes += r.sums().size();
                    saved += Math.max(0, images.get(p.target()).sums().size() - r.sums().size());
                }
            }
        }
        MirrorSummary s = new MirrorSummary(plans.size(), listed.size(), diffNames.size(), built, filesWritten.get(),
                imageBytes, rdiffBytes, saved, System.nanoTime() - started);
        events.on(new MirrorEvent.Finished(s));
        return s;
    }

    /** Largest first, so the longest rdiff does not start last and hold up the end of the run. */
    static Comparator<RdiffPair> largestFirst(Map<ImageName, ImageRecord> images) {
        return Comparator.comparingLong((RdiffPair p) -> images.get(p.target()).sums().size()
                + images.get(p.source()).sums().size()).reversed();
    }
}
