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
import io.github.puavomirror.mirror.ChecksumSink;
import io.github.puavomirror.mirror.Checksums;
import io.github.puavomirror.mirror.ImageName;
import io.github.puavomirror.mirror.RdiffPair;
import io.github.puavomirror.mirror.job.MirrorEvent.Step;
import io.github.puavomirror.mirror.job.MirrorState.Identity;
import io.github.puavomirror.mirror.job.MirrorState.ImageRecord;
import io.github.puavomirror.mirror.job.MirrorState.RdiffRecord;
import io.github.puavomirror.rdiff.RdiffEngine;
import io.github.puavomirror.rdiff.RdiffException;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Makes rdiffs in parallel, largest first. Each is written under a temporary name while its
 * checksums are computed from the bytes going out, then (unless turned off) applied to its source
 * with the output compared byte for byte with the target image, and staged: it goes into
 * {@code rdiffs/} with the run's other files once all are ready.
 */
final class RdiffBuilder {
    private static final int IO_BUFFER = 1 << 20;
    /** Heap of writing and checking one rdiff: the output and delta buffers and the patcher's. */
    private static final long CHECK_HEAP_BYTES = 8L << 20;

    private final RdiffEngine engine;
    private final MirrorRequest request;
    private final Path rdiffsDir;
    private final MirrorListener events;
    private final AtomicInteger written;
    private final Recorder onBuilt;

    /** Told about each rdiff once it is in place, to record it in the job's state. */
    interface Recorder {
        void built(String rdiffName, RdiffRecord record) throws IOException;
    }

    RdiffBuilder(RdiffEngine engine, MirrorRequest request, Path rdiffsDir, MirrorListener events,
                 AtomicInteger written, Recorder onBuilt) {
        this.engine = engine;
        this.request = request;
        this.rdiffsDir = rdiffsDir;
        this.events = events;
        this.written = written;
        this.onBuilt = onBuilt;
    }

    /**
     * The heap each source of {@code pairs} holds while its rdiffs are built (its index, one diff,
     * and this class's buffers for writing and checking it).
     *
     * @throws OutOfHeapException for a source whose index alone cannot fit in this JVM's heap
     */
    static Map<ImageName, Long> heapNeeds(RdiffEngine engine, MirrorRequest request, List<RdiffPair> pairs,
                                          Map<ImageName, ImageRecord> images) throws IOException {
        MemoryPlanner planner = new MemoryPlanner(Runtime.getRuntime().maxMemory(), request.jobs());
        Map<ImageName, Long> largestTarget = new LinkedHashMap<>();
        for (RdiffPair pair : pairs) {
            largestTarget.merge(pair.source(), images.get(pair.target()).sums().size(), Math::max);
        }
        Map<ImageName, Long> needs = new LinkedHashMap<>();
        for (Map.Entry<ImageName, Long> source : largestTarget.entrySet()) {
            long need = engine.preparedHeapBytes(images.get(source.getKey()).sums().size(), source.getValue(),
                    request.signature()) + CHECK_HEAP_BYTES;
            planner.check(source.getKey().fileName(), need);
            needs.put(source.getKey(), need);
        }
        return needs;
    }

    /**
     * Builds the rdiffs one source at a time per thread: the source is indexed once for all its
     * targets (up to three in a Puavo series, plus extras), the largest groups first, and only as
     * many at once as the {@link MemoryPlanner} lets fit in the heap.
     */
    void build(List<RdiffPair> pairs, Map<ImageName, Path> files, Map<ImageName, ImageRecord> images,
               Map<RdiffPair, String> settings, StagedFiles staged) throws IOException {
        Map<ImageName, List<RdiffPair>> bySource = new LinkedHashMap<>();
        List<RdiffPair> order = new ArrayList<>(pairs);
        order.sort(MirrorJob.largestFirst(images));
        for (RdiffPair pair : order) {
            bySource.computeIfAbsent(pair.source(), s -> new ArrayList<>()).add(pair);
        }
        List<List<RdiffPair>> groups = new ArrayList<>(bySource.values());
        groups.sort(Comparator.comparingLong((List<RdiffPair> g) -> g.stream()
                .mapToLong(p -> images.get(p.target()).sums().size()).sum()).reversed());
        Map<ImageName, Long> needs = heapNeeds(engine, request, pairs, images);
        MemoryPlanner planner = new MemoryPlanner(Runtime.getRuntime().maxMemory(), request.jobs());
        List<Callable<Void>> work = new ArrayList<>();
        for (List<RdiffPair> group : groups) {
            long need = needs.get(group.get(0).source());
            work.add(() -> {
                try {
                    planner.start(need);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new InterruptedIOException("interrupted while waiting for heap to index "
                            + group.get(0).source().fileName());
                }
                try {
                    buildGroup(group, files, images, settings, staged);
                } finally {
                    planner.finish(need);
                }
                return null;
            });
        }
        Parallel.run(work, planner.threads(needs.values().stream().mapToLong(Long::longValue).toArray()));
    }

    /** Indexes one source and builds its rdiffs; the index is garbage when this returns. */
    private void buildGroup(List<RdiffPair> group, Map<ImageName, Path> files, Map<ImageName, ImageRecord> images,
                            Map<RdiffPair, String> settings, StagedFiles staged) throws IOException {
        Path source = files.get(group.get(0).source());
        RdiffEngine.PreparedBasis prepared;
        try {
            prepared = engine.prepare(source, request.signature());
        } catch (RdiffException e) {
            throw new MirrorException(source + ": indexing it for rdiffs failed: " + e.getMessage(), e);
        }
        for (RdiffPair pair : group) {
            buildOne(prepared, pair, source, files.get(pair.target()), images.get(pair.source()).sums(),
                    images.get(pair.target()).sums(), settings.get(pair), staged);
        }
    }

    /** Makes, checks and stages one rdiff; once it is in place, it is recorded. */
    private void buildOne(RdiffEngine.PreparedBasis prepared, RdiffPair pair, Path source, Path target,
                          Checksums sourceSums, Checksums targetSums, String settings, StagedFiles staged)
            throws IOException {
        long t0 = System.nanoTime();
        String name = pair.rdiffName();
        Path dst = rdiffsDir.resolve(name);
        events.on(new MirrorEvent.StepStarted(Step.RDIFF, name, sourceSums.size() + targetSums.size()));
        Path tmp = AtomicFiles.tempSibling(dst);
        boolean done = false;
        try {
            ChecksumSink sink = new ChecksumSink();
            long total = sourceSums.size() + targetSums.size();
            // The source was indexed before this step; the engine now reads the target.
            try (OutputStream out = new BufferedOutputStream(
                    sink.wrap(Files.newOutputStream(tmp, StandardOpenOption.CREATE_NEW)), IO_BUFFER);
                 ReadProgress progress = ReadProgress.watch(target, read -> events.on(new MirrorEvent.StepProgress(
                         Step.RDIFF, name, Math.min(total, sourceSums.size() + read), total)))) {
                AtomicFiles.setMode(tmp, AtomicFiles.FILE_MODE);
                prepared.diff(target, out);
            } catch (RdiffException e) {
                throw new MirrorException(dst + ": making the rdiff from " + source.getFileName() + " failed: "
                        + e.getMessage(), e);
            } catch (IOException e) {
                throw IoErrors.naming(dst, e);
            }
            Checksums sums = sink.finish();
            if (request.verifyRdiffs()) {
                check(pair, source, target, tmp, dst);
            }
            staged.add(tmp, dst, sums, () -> {
                written.incrementAndGet();
                onBuilt.built(name, new RdiffRecord(sourceSums.sha512(), targetSums.sha512(), settings,
                        Identity.of(dst), sums));
            });
            done = true;
            events.on(new MirrorEvent.StepFinished(Step.RDIFF, name, sums.size(), System.nanoTime() - t0, true));
        } finally {
            if (!done) {
                Files.deleteIfExists(tmp);
            }
        }
    }

    /** Applies the new rdiff to its source and compares the output with the target, writing nothing. */
    private void check(RdiffPair pair, Path source, Path target, Path rdiff, Path dst) throws IOException {
        long difference;
        try (FileChannel basis = FileChannel.open(source, StandardOpenOption.READ);
             InputStream delta = new BufferedInputStream(Files.newInputStream(rdiff), IO_BUFFER);
             ComparingOutputStream out = new ComparingOutputStream(target)) {
            engine.patch(basis, delta, out);
            difference = out.firstDifference();
        } catch (RdiffException e) {
            throw new MirrorException(dst + ": check failed: applying it to " + source.getFileName()
                    + " fails: " + e.getMessage(), e);
        }
        if (difference >= 0) {
            throw new MirrorException(dst + ": check failed: applied to " + source.getFileName() + " it differs from "
                    + pair.target().fileName() + " at byte " + difference + "; nothing was published");
        }
    }
}
