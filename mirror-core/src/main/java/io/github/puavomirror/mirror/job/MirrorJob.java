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
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
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
 * everything is read and checked first; images and rdiffs are then made and checked under
 * temporary names; only when all are ready, published files about to be replaced are withdrawn
 * from the metas and CKSUMS, everything is renamed into place, and the metas and then CKSUMS
 * are written.
 */
public final class MirrorJob {
    /** The job's private folder inside the mirror; see {@link MirrorLayout}, which knows the mirror's folders. */
    public static final String STATE_DIR = MirrorLayout.STATE_DIR;
    public static final String RDIFFS_DIR = MirrorLayout.RDIFFS_DIR;
    public static final String META_DIR = MirrorLayout.META_DIR;
    public static final String CKSUMS_FILE = MirrorLayout.CKSUMS_FILE;

    private final MirrorRequest request;
    private final MirrorListener events;
    private final long started = System.nanoTime();
    private final AtomicInteger filesWritten = new AtomicInteger();

    private Path imageDir;
    private Path mirrorDir;
    private RepositoryUrl base;
    private RdiffEngine engine;
    private MirrorState state;
    private Path stateFile;

    private MirrorJob(MirrorRequest request, MirrorListener events, RdiffEngine engine) {
        this.request = request;
        this.events = events;
        this.engine = engine;
    }

    /**
     * Runs the job.
     *
     * @throws MirrorException with a one-line message naming the file and the problem; the
     *                         published mirror is then as it was before the run
     */
    public static MirrorSummary run(MirrorRequest request, MirrorListener listener) throws MirrorException {
        return run(request, listener, null);
    }

    /** Runs with {@code engine} instead of the one the request names; tests use it to make an engine fail. */
    static MirrorSummary run(MirrorRequest request, MirrorListener listener, RdiffEngine engine) throws MirrorException {
        MirrorJob job = new MirrorJob(request, listener, engine);
        try {
            return job.execute();
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

    private MirrorSummary execute() throws IOException {
        request.check();
        imageDir = request.imageDirectory().toAbsolutePath().normalize();
        mirrorDir = request.mirrorDirectory().toAbsolutePath().normalize();
        checkFolders();
        base = RepositoryUrl.parse(request.repositoryUrl());
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
        if (engine == null) {
            engine = RequestChecks.engine(request.engine(), events);
        }
        MirrorLayout layout = new MirrorLayout(mirrorDir);
        stateFile = layout.stateFile();
        if (request.dryRun()) {
            state = MirrorState.load(stateFile);
            return run(plans, files, false);
        }
        MirrorLayout.createFolder(mirrorDir);
        try (MirrorLock lock = layout.lock()) {
            state = MirrorState.load(stateFile);
            return run(plans, files, true);
        }
    }

    private void checkFolders() throws IOException {
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

    private MirrorSummary run(List<RdiffPlan> plans, Map<ImageName, Path> files, boolean publish)
            throws IOException {
        Map<ImageName, ImageRecord> images = new ImageScan(state, events, request.jobs()).read(files);
        if (publish) {
            state.save(stateFile);
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
            if (!upToDate(pair, images, files)) {
                toBuild.add(pair);
            }
        }
        // Before anything is written: a meta too large or a source whose index cannot fit fails the run now.
        MetaWriter.checkSizes(plans, images);
        RdiffBuilder.heapNeeds(engine, request, toBuild, images);
        long bytesToRead = toBuild.stream().mapToLong(p -> images.get(p.source()).sums().size()
                + images.get(p.target()).sums().size()).sum();
        events.on(new MirrorEvent.Planned(plans.size(), countImages(plans), toBuild.size(),
                rdiffs.size() - toBuild.size(), bytesToRead));
        if (!publish) {
            for (RdiffPair p : toBuild) {
                events.on(new MirrorEvent.Info("would build " + RDIFFS_DIR + "/" + p.rdiffName()));
            }
            return summary(plans, images, 0);
        }

        Path rdiffsDir = mirrorDir.resolve(RDIFFS_DIR);
        Path metaDir = mirrorDir.resolve(META_DIR);
        MirrorLayout.createFolder(rdiffsDir);
        MirrorLayout.createFolder(metaDir);
        ImagePublisher imagePublisher = new ImagePublisher(mirrorDir, state, events, filesWritten);
        List<ImageName> toLink = new ArrayList<>();
        for (RdiffPlan plan : plans) {
            for (ImageName image : plan.series().images()) {
                if (!toLink.contains(image) && !imagePublisher.isPublished(image, files.get(image), images.get(image))) {
                    toLink.add(image);
                }
            }
        }

        Set<String> pending = new HashSet<>();
        boolean replacing = false;
        for (ImageName image : toLink) {
            pending.add(image.fileName());
            replacing |= Files.exists(mirrorDir.resolve(image.fileName()), LinkOption.NOFOLLOW_LINKS);
        }
        for (RdiffPair p : toBuild) {
            pending.add(p.rdiffName());
            replacing |= Files.exists(rdiffsDir.resolve(p.rdiffName()), LinkOption.NOFOLLOW_LINKS);
        }
        MetaWriter metaWriter = new MetaWriter(mirrorDir, base, events, filesWritten);
        // Recorded as each goes in place and saved once after all renames: a record lost to a kill
        // only costs rebuilding that rdiff with the same bytes.
        RdiffBuilder builder = new RdiffBuilder(engine, request, rdiffsDir, events, filesWritten, (name, record) -> {
            synchronized (state) {
                state.rdiffs.put(name, record);
            }
        });
        StagedFiles staged = new StagedFiles();
        try {
            for (ImageName image : toLink) {
                imagePublisher.stage(image, files.get(image), images.get(image), staged);
            }
            builder.build(toBuild, files, images, settingsOf(toBuild, images), staged);
            if (replacing) {
                // Files that metas may still describe are about to change: withdraw them first.
                metaWriter.write(plans, images, checksumsByName(images), pending);
            }
            staged.commitAll();
        } finally {
            staged.discard();
        }
        state.save(stateFile);
        metaWriter.write(plans, images, checksumsByName(images), Set.of());
        state.save(stateFile);
        return summary(plans, images, toBuild.size());
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

    private boolean upToDate(RdiffPair pair, Map<ImageName, ImageRecord> images, Map<ImageName, Path> files)
            throws IOException {
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

    private static int countImages(List<RdiffPlan> plans) {
        return plans.stream().mapToInt(p -> p.series().images().size()).sum();
    }

    private MirrorSummary summary(List<RdiffPlan> plans, Map<ImageName, ImageRecord> images, int built) {
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

    static boolean sameBytes(Path file, byte[] content) throws IOException {
        return Files.isRegularFile(file) && Files.size(file) == content.length
                && Arrays.equals(Files.readAllBytes(file), content);
    }

    static void writeIfChanged(Path file, byte[] content, AtomicInteger written) throws IOException {
        if (!sameBytes(file, content)) {
            try {
                AtomicFiles.write(file, content);
            } catch (IOException e) {
                throw IoErrors.naming(file, e);
            }
            written.incrementAndGet();
        }
    }

}
