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

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** The job tests' sample series and snapshots, for tests of other packages that need a published mirror. */
public final class PublishedMirrors {
    public static final String SERIES = SampleSeries.series(SampleSeries.PREFIX);

    private PublishedMirrors() {
    }

    /** Writes images of days 1..count into {@code dir} (the same seed gives the same contents). */
    public static List<Path> writeImages(Path dir, int count, int size, long seed) throws IOException {
        return SampleSeries.write(dir, count, size, seed);
    }

    /** Writes images of another series, {@code <prefix>-amd64}. */
    public static List<Path> writeImages(Path dir, String prefix, int count, int size, long seed) throws IOException {
        return SampleSeries.write(dir, prefix, count, size, seed);
    }

    public static String image(int day) {
        return SampleSeries.name(day);
    }

    public static String rdiff(int from, int to) {
        return SampleSeries.rdiff(from, to);
    }

    /** Runs update-repository on {@code images} into {@code mirror}. */
    public static MirrorSummary publish(Path images, Path mirror, String repositoryUrl) throws MirrorException {
        return MirrorJob.run(MirrorRequest.builder(images).mirrorDirectory(mirror).repositoryUrl(repositoryUrl)
                .engine("java").jobs(2).build(), MirrorListener.NONE);
    }

    /** Every published file with its bytes' hash, size, mtime and inode: equal snapshots mean nothing changed. */
    public static Object snapshot(Path mirror) throws IOException {
        return MirrorSnapshot.of(mirror);
    }
}
