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

import io.github.puavomirror.mirror.MetaJson;
import io.github.puavomirror.mirror.MirrorFormatException;
import io.github.puavomirror.mirror.job.PruneReport.Removal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Frees what the mirror no longer publishes: images and rdiffs that no meta lists (left by
 * retention or by images dropped from a series), and temporary files of killed runs; only files
 * with the mirror's own names, which {@link MirrorLayout} knows, wherever a symlink leads. It holds
 * the mirror's lock, so it never takes a file from a run in progress, and it refuses to work
 * from a meta it cannot read, since it could not tell what that meta still lists.
 */
public final class MirrorPrune {
    private MirrorPrune() {
    }

    public static PruneReport run(PruneRequest request, MirrorListener events) throws MirrorException {
        request.check();
        MirrorLayout layout = new MirrorLayout(request.mirrorDirectory());
        Path mirrorDir = layout.root();
        RequestChecks.requireFolder(JobParameter.MIRROR_DIRECTORY, mirrorDir);
        try (MirrorLock lock = layout.lock()) {
            List<Removal> removals = new ArrayList<>();
            for (MirrorLayout.Unlisted u : layout.unlisted(listedFiles(layout))) {
                removals.add(removal(u.file(), u.reason()));
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

    /** Where the files the metas list are; a name that is no file of the mirror protects nothing, so it is skipped. */
    private static Set<Path> listedFiles(MirrorLayout layout) throws IOException {
        Set<Path> files = new HashSet<>();
        int metas = 0;
        for (Path meta : layout.metaFiles()) {
            metas++;
            MetaJson.Series series;
            try {
                series = MetaJson.read(meta);
            } catch (MirrorFormatException e) {
                throw new MirrorException(meta + ": cannot tell what it lists (" + e.getMessage()
                        + "); fix or remove it, then prune again", e);
            }
            for (MetaJson.Image image : series.images()) {
                if (MirrorLayout.listedNameProblem(image.filename()).isEmpty()) {
                    files.add(layout.image(image.filename()));
                }
                for (MetaJson.Diff d : image.diffs()) {
                    if (MirrorLayout.listedNameProblem(d.filename()).isEmpty()) {
                        files.add(layout.rdiff(d.filename()));
                    }
                }
            }
        }
        if (metas == 0) {
            // Without a single meta every image would count as unlisted: this is more likely an
            // image folder than a mirror, and removing its images would be a disaster.
            throw MirrorException.usage(layout.root() + ": no meta/*.json, so this does not look like a published "
                    + "mirror; nothing was removed");
        }
        return files;
    }

    private static Removal removal(Path p, String reason) throws IOException {
        long size = Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS) ? Files.size(p) : 0;
        return new Removal(p, size, reason);
    }
}
