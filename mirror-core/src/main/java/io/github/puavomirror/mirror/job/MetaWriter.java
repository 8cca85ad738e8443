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
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Writes {@code meta/<series>.json} for each series of the run, then {@code CKSUMS} for every
 * series in {@code meta/} (this run's first, in config order; then the others by name). A file
 * whose bytes would not change is not touched, so an unchanged mirror keeps its mtimes.
 */
public final class MetaWriter {
    private final Path mirrorDir;
    private final RepositoryUrl base;
    private final MirrorListener events;
    private final AtomicInteger written;
    private final PublishedChanges changes;

    MetaWriter(Path mirrorDir, RepositoryUrl base, MirrorListener events, AtomicInteger written,
               PublishedChanges changes) {
        this.mirrorDir = mirrorDir;
        this.base = base;
        this.events = events;
        this.written = written;
        this.changes = changes;
    }

    /**
     * What the published metas of these series list now: each file name with the size and
     * checksums its entry gives.
     */
    Map<String, Checksums> listedNow(List<RdiffPlan> plans) throws IOException {
        Map<String, Checksums> listed = new HashMap<>();
        for (RdiffPlan plan : plans) {
            Path meta = mirrorDir.resolve(MirrorJob.META_DIR).resolve(MetaJson.fileName(plan.series().name()));
            if (!Files.exists(meta, LinkOption.NOFOLLOW_LINKS)) {
                continue;
            }
            try {
                for (MetaJson.Image image : MetaJson.read(meta).images()) {
                    listed.put(image.filename(), sums(image.size(), image.cksum(), image.sha256(), image.sha512()));
                    for (MetaJson.Diff d : image.diffs()) {
                        listed.put(d.filename(), sums(d.size(), d.cksum(), d.sha256(), d.sha512()));
                    }
                }
            } catch (MirrorFormatException | IllegalArgumentException e) {
                // A meta no client can read lists nothing.
                continue;
            }
        }
        return listed;
    }

    private static Checksums sums(long size, String cksum, String sha256, String sha512) {
        return new Checksums(size, Long.parseLong(cksum), sha256, sha512);
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
        List<Meta> metas = new ArrayList<>();
        for (RdiffPlan plan : plans) {
            MetaJson.Series series = withheld.isEmpty()
                    ? MetaJson.build(plan, base, img -> images.get(img).puavoConf(), sums::get)
                    : without(plan, images, sums, withheld);
            metas.add(new Meta(series, MetaJson.toBytes(series)));
        }
        write(mirrorDir, metas, events, written, changes);
    }

    /** A meta to publish: the series, and the bytes of its file. */
    public record Meta(MetaJson.Series series, byte[] bytes) {
    }

    /**
     * Writes each meta, then CKSUMS, as {@link #write(Path, List, MirrorListener, AtomicInteger, PublishedChanges)}
     * does, keeping no previous versions to undo with.
     */
    public static void write(Path mirrorDir, List<Meta> metas, MirrorListener events, AtomicInteger written)
            throws IOException {
        PublishedChanges changes = new PublishedChanges(FileOperations.SYSTEM, events);
        write(mirrorDir, metas, events, written, changes);
        changes.finish();
    }

    /**
     * Writes each meta, then CKSUMS: these series' entries in this order, then those of the
     * other metas in {@code meta/} (series another job publishes here) by name. Unchanged files
     * are not touched; {@code written} counts the others.
     */
    static void write(Path mirrorDir, List<Meta> metas, MirrorListener events, AtomicInteger written,
                      PublishedChanges changes) throws IOException {
        Path metaDir = mirrorDir.resolve(MirrorJob.META_DIR);
        List<CksumsFile.Entry> entries = new ArrayList<>();
        Set<String> ours = new HashSet<>();
        for (Meta meta : metas) {
            String fileName = MetaJson.fileName(meta.series().name());
            ours.add(fileName);
            put(mirrorDir, metaDir.resolve(fileName), meta.bytes(), Step.META, events, written, changes);
            entries.addAll(CksumsFile.entriesOf(meta.series()));
        }
        entries.addAll(CksumsFile.otherSeries(metaDir, ours, w -> events.on(new MirrorEvent.Warning(w))));
        put(mirrorDir, mirrorDir.resolve(MirrorJob.CKSUMS_FILE), CksumsFile.toBytes(entries), Step.CKSUMS, events,
                written, changes);
    }

    private static void put(Path mirrorDir, Path file, byte[] content, Step step, MirrorListener events,
                            AtomicInteger written, PublishedChanges changes) throws IOException {
        long t0 = System.nanoTime();
        if (!sameBytes(file, content)) {
            changes.write(file, content);
            written.incrementAndGet();
            events.on(new MirrorEvent.StepFinished(step, mirrorDir.relativize(file).toString(), content.length,
                    System.nanoTime() - t0, true));
        }
    }

    private static boolean sameBytes(Path file, byte[] content) throws IOException {
        return Files.isRegularFile(file) && Files.size(file) == content.length
                && Arrays.equals(Files.readAllBytes(file), content);
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
}
