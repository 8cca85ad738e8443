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
import io.github.puavomirror.mirror.FileChecksums;
import io.github.puavomirror.mirror.ImageName;
import io.github.puavomirror.mirror.ImageReadException;
import io.github.puavomirror.mirror.PuavoConfReader;
import io.github.puavomirror.mirror.PuavoConfResult;
import io.github.puavomirror.mirror.job.MirrorEvent.Step;
import io.github.puavomirror.mirror.job.MirrorState.Identity;
import io.github.puavomirror.mirror.job.MirrorState.ImageRecord;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * Reads what the metas need from each image: size, cksum, sha256 and sha512 in one pass, and the
 * puavo-conf definitions from inside the squashfs. Images whose identity (size, mtime, inode) is
 * unchanged since the last run are not read at all.
 */
final class ImageScan {
    /** Progress is reported at most this often, so logs stay readable. */
    private static final long PROGRESS_STEP = 256L << 20;

    private final MirrorState state;
    private final MirrorListener events;
    private final int jobs;

    ImageScan(MirrorState state, MirrorListener events, int jobs) {
        this.state = state;
        this.events = events;
        this.jobs = jobs;
    }

    Map<ImageName, ImageRecord> read(Map<ImageName, Path> files) throws IOException {
        Map<ImageName, ImageRecord> out = new LinkedHashMap<>();
        List<Callable<Void>> work = new ArrayList<>();
        for (Map.Entry<ImageName, Path> e : files.entrySet()) {
            Path file = e.getValue();
            Identity id = Identity.of(file);
            ImageRecord known;
            synchronized (state) {
                known = state.images.get(file.toString());
            }
            if (known != null && known.identity().equals(id)) {
                out.put(e.getKey(), known);
                continue;
            }
            out.put(e.getKey(), null);
            work.add(() -> {
                ImageRecord rec = readImage(file, id);
                synchronized (out) {
                    out.put(e.getKey(), rec);
                }
                synchronized (state) {
                    state.images.put(file.toString(), rec);
                }
                return null;
            });
        }
        Parallel.run(work, jobs);
        return out;
    }

    private ImageRecord readImage(Path file, Identity before) throws IOException {
        long t0 = System.nanoTime();
        long size = before.size();
        events.on(new MirrorEvent.StepStarted(Step.CHECKSUM, file.getFileName().toString(), size));
        long[] next = {PROGRESS_STEP};
        Checksums sums = FileChecksums.compute(file, done -> {
            if (done >= next[0]) {
                next[0] = done + PROGRESS_STEP;
                events.on(new MirrorEvent.StepProgress(Step.CHECKSUM, file.getFileName().toString(), done, size));
            }
        });
        if (sums.size() == 0) {
            // Clients would install it and no longer boot; an empty file is a copy or build that has not begun.
            throw new MirrorException(file + ": image is empty; refusing to publish it");
        }
        PuavoConfResult conf;
        try {
            conf = PuavoConfReader.read(file);
        } catch (ImageReadException e) {
            throw new MirrorException(e.getMessage(), e);
        }
        conf.warning().ifPresent(w -> events.on(new MirrorEvent.Warning(w)));
        Identity after = Identity.of(file);
        if (!after.equals(before) || sums.size() != before.size()) {
            throw new MirrorException(file + ": changed while it was being read; run again when it is complete");
        }
        events.on(new MirrorEvent.StepFinished(Step.CHECKSUM, file.getFileName().toString(), size,
                System.nanoTime() - t0, false));
        return new ImageRecord(before, sums, conf.conf(), null);
    }
}
