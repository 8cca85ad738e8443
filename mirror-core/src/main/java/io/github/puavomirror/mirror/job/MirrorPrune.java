package io.github.puavomirror.mirror.job;

import io.github.puavomirror.mirror.AtomicFiles;
import io.github.puavomirror.mirror.MetaJson;
import io.github.puavomirror.mirror.MirrorFormatException;
import io.github.puavomirror.mirror.job.PruneReport.Removal;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Frees what the mirror no longer publishes: images and rdiffs that no meta lists (left by
 * retention or by images dropped from a series), and temporary files of killed runs. It holds
 * the mirror's lock, so it never takes a file from a run in progress, and it refuses to work
 * from a meta it cannot read, since it could not tell what that meta still lists.
 */
public final class MirrorPrune {
    private MirrorPrune() {
    }

    public static PruneReport run(PruneRequest request, MirrorListener events) throws MirrorException {
        request.check();
        Path mirrorDir = request.mirrorDirectory().toAbsolutePath().normalize();
        RequestChecks.requireFolder(JobParameter.MIRROR_DIRECTORY, mirrorDir);
        try (MirrorLock lock = MirrorLock.acquire(mirrorDir.resolve(MirrorJob.STATE_DIR).resolve("lock"))) {
            Set<String> listed = listedNames(mirrorDir.resolve(MirrorJob.META_DIR));
            List<Removal> removals = new ArrayList<>();
            Path rdiffs = mirrorDir.resolve(MirrorJob.RDIFFS_DIR);
            for (Path p : entries(mirrorDir)) {
                String name = p.getFileName().toString();
                if (AtomicFiles.isTempName(name)) {
                    removals.add(removal(p, "temporary file of an interrupted run"));
                } else if (name.endsWith(".img") && !listed.contains(name) && isFile(p)) {
                    removals.add(removal(p, "image listed in no meta"));
                }
            }
            for (Path p : entries(rdiffs)) {
                String name = p.getFileName().toString();
                if (AtomicFiles.isTempName(name)) {
                    removals.add(removal(p, "temporary file of an interrupted run"));
                } else if (!listed.contains(name) && isFile(p)) {
                    removals.add(removal(p, "rdiff listed in no meta"));
                }
            }
            for (Path dir : List.of(mirrorDir.resolve(MirrorJob.META_DIR), mirrorDir.resolve(MirrorJob.STATE_DIR))) {
                for (Path p : entries(dir)) {
                    if (AtomicFiles.isTempName(p.getFileName().toString())) {
                        removals.add(removal(p, "temporary file of an interrupted run"));
                    }
                }
            }
            long total = 0;
            for (Removal r : removals) {
                if (!request.dryRun()) {
                    Files.deleteIfExists(r.file());
                }
                total += r.size();
                events.on(new MirrorEvent.Info((request.dryRun() ? "would remove " : "removed ")
                        + mirrorDir.relativize(r.file()) + " (" + r.size() + " bytes, " + r.reason() + ")"));
            }
            return new PruneReport(removals, total, request.dryRun());
        } catch (MirrorException e) {
            throw e;
        } catch (IOException e) {
            throw new MirrorException(IoErrors.describe(e), e);
        }
    }

    private static Set<String> listedNames(Path metaDir) throws IOException {
        Set<String> names = new HashSet<>();
        int metas = 0;
        for (Path meta : entries(metaDir)) {
            String name = meta.getFileName().toString();
            if (!name.endsWith(".json") || name.startsWith(".")) {
                continue;
            }
            metas++;
            MetaJson.Series series;
            try {
                series = MetaJson.read(meta);
            } catch (MirrorFormatException e) {
                throw new MirrorException(meta + ": cannot tell what it lists (" + e.getMessage()
                        + "); fix or remove it, then prune again", e);
            }
            for (MetaJson.Image image : series.images()) {
                names.add(image.filename());
                image.diffs().forEach(d -> names.add(d.filename()));
            }
        }
        if (metas == 0) {
            // Without a single meta every image would count as unlisted: this is more likely an
            // image folder than a mirror, and removing its images would be a disaster.
            throw MirrorException.usage(metaDir.getParent() + ": no meta/*.json, so this does not look like a published "
                    + "mirror; nothing was removed");
        }
        return names;
    }

    private static List<Path> entries(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        Map<String, Path> sorted = new TreeMap<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
            for (Path p : ds) {
                sorted.put(p.getFileName().toString(), p);
            }
        }
        return new ArrayList<>(sorted.values());
    }

    private static boolean isFile(Path p) {
        return Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS) || Files.isSymbolicLink(p);
    }

    private static Removal removal(Path p, String reason) throws IOException {
        long size = Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS) ? Files.size(p) : 0;
        return new Removal(p, size, reason);
    }
}
