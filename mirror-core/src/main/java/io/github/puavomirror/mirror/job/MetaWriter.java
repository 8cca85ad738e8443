package io.github.puavomirror.mirror.job;

import io.github.puavomirror.mirror.Checksums;
import io.github.puavomirror.mirror.CksumsFile;
import io.github.puavomirror.mirror.ImageName;
import io.github.puavomirror.mirror.MetaJson;
import io.github.puavomirror.mirror.MirrorFormatException;
import io.github.puavomirror.mirror.RdiffPlan;
import io.github.puavomirror.mirror.RepositoryUrl;
import io.github.puavomirror.mirror.job.MirrorEvent.Step;
import io.github.puavomirror.mirror.job.MirrorState.ImageRecord;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Writes {@code meta/<series>.json} for each series of the run, then {@code CKSUMS} for every
 * series in {@code meta/} (this run's first, in config order; then the others by name). A file
 * whose bytes would not change is not touched, so an unchanged mirror keeps its mtimes.
 */
final class MetaWriter {
    private final Path mirrorDir;
    private final RepositoryUrl base;
    private final MirrorListener events;
    private final AtomicInteger written;

    MetaWriter(Path mirrorDir, RepositoryUrl base, MirrorListener events, AtomicInteger written) {
        this.mirrorDir = mirrorDir;
        this.base = base;
        this.events = events;
        this.written = written;
    }

    /**
     * Refuses, before anything is written, a series whose meta would be over
     * {@link MetaJson#MAX_BYTES}: its images' puavo-conf make most of a meta.
     */
    static void checkSizes(List<RdiffPlan> plans, Map<ImageName, ImageRecord> images) throws MirrorException {
        for (RdiffPlan plan : plans) {
            long total = 0;
            for (ImageName image : plan.series().images()) {
                total += MetaJson.puavoConfLength(images.get(image).puavoConf());
            }
            if (total > MetaJson.MAX_BYTES) {
                throw new MirrorException(MirrorJob.META_DIR + "/" + MetaJson.fileName(plan.series().name())
                        + ": the puavo-conf of its " + plan.series().images().size() + " images takes " + total
                        + " bytes, more than the " + (MetaJson.MAX_BYTES >> 20) + " MiB a meta may have;"
                        + " publish fewer images of the series (--keep)");
            }
        }
    }

    /**
     * @param withheld published names to leave out (files about to be replaced or not yet in
     *                 place), so that no entry ever describes a file that is not there
     */
    void write(List<RdiffPlan> plans, Map<ImageName, ImageRecord> images, Map<String, Checksums> sums,
               Set<String> withheld) throws IOException {
        Path metaDir = mirrorDir.resolve(MirrorJob.META_DIR);
        List<CksumsFile.Entry> entries = new ArrayList<>();
        Set<String> ours = new HashSet<>();
        for (RdiffPlan plan : plans) {
            MetaJson.Series series = withheld.isEmpty()
                    ? MetaJson.build(plan, base, img -> images.get(img).puavoConf(), sums::get)
                    : without(plan, images, sums, withheld);
            String fileName = MetaJson.fileName(series.name());
            ours.add(fileName);
            put(metaDir.resolve(fileName), MetaJson.toBytes(series), Step.META);
            entries.addAll(entriesOf(series));
        }
        entries.addAll(otherSeries(metaDir, ours));
        put(mirrorDir.resolve(MirrorJob.CKSUMS_FILE), CksumsFile.toBytes(entries), Step.CKSUMS);
    }

    private void put(Path file, byte[] content, Step step) throws IOException {
        long t0 = System.nanoTime();
        int before = written.get();
        MirrorJob.writeIfChanged(file, content, written);
        boolean changed = written.get() != before;
        if (changed) {
            events.on(new MirrorEvent.StepFinished(step, mirrorDir.relativize(file).toString(), content.length,
                    System.nanoTime() - t0, true));
        }
    }

    /**
     * The meta without the withheld names. They are left out before their checksums are looked
     * up, because they may have none: an rdiff that a killed run put in place but did not record.
     */
    private MetaJson.Series without(RdiffPlan plan, Map<ImageName, ImageRecord> images, Map<String, Checksums> sums,
                                    Set<String> withheld) {
        List<MetaJson.Image> kept = new ArrayList<>();
        for (ImageName image : plan.series().images()) {
            if (withheld.contains(image.fileName())) {
                continue;
            }
            List<MetaJson.Diff> diffs = plan.diffsFor(image).stream()
                    .filter(pair -> !withheld.contains(pair.rdiffName()))
                    .map(pair -> MetaJson.Diff.of(pair, base, sums.get(pair.rdiffName())))
                    .toList();
            kept.add(MetaJson.Image.of(image, images.get(image).puavoConf(), sums.get(image.fileName()), base, diffs));
        }
        return new MetaJson.Series(plan.series().name(), kept);
    }

    /** CKSUMS lines for a meta: each image, then its rdiffs, in meta order. */
    private static List<CksumsFile.Entry> entriesOf(MetaJson.Series series) {
        List<CksumsFile.Entry> out = new ArrayList<>();
        for (MetaJson.Image image : series.images()) {
            out.add(new CksumsFile.Entry(Long.parseLong(image.cksum()), image.size(), image.filename()));
            for (MetaJson.Diff d : image.diffs()) {
                out.add(new CksumsFile.Entry(Long.parseLong(d.cksum()), d.size(), d.filename()));
            }
        }
        return out;
    }

    /** Entries of the series published by earlier runs (other dists); unreadable metas are skipped with a warning. */
    private List<CksumsFile.Entry> otherSeries(Path metaDir, Set<String> ours) throws IOException {
        Map<String, Path> others = new TreeMap<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(metaDir, "*.json")) {
            for (Path p : files) {
                String name = p.getFileName().toString();
                if (!ours.contains(name) && !name.startsWith(".") && Files.isRegularFile(p)) {
                    others.put(name, p);
                }
            }
        }
        List<CksumsFile.Entry> out = new ArrayList<>();
        for (Path p : others.values()) {
            try {
                out.addAll(entriesOf(MetaJson.read(p)));
            } catch (MirrorFormatException | IllegalArgumentException e) {
                events.on(new MirrorEvent.Warning(p + ": left out of CKSUMS: " + e.getMessage()));
            }
        }
        return out;
    }
}
