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
package io.github.puavomirror.mirror.upload;

import io.github.puavomirror.mirror.job.MirrorJob;
import io.github.puavomirror.mirror.job.MirrorListener;
import io.github.puavomirror.mirror.job.MirrorRequest;
import io.github.puavomirror.mirror.job.SampleSeries;
import io.github.puavomirror.mirror.job.SampleSeries;
import io.github.puavomirror.rdiff.SignatureOptions;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** A local mirror made by the real mirror job from a seeded series, republished as tests change it. */
final class SampleMirror {
    static final int SIZE = 1 << 20;
    static final long SEED = 14;

    final Path images;
    final Path mirror;
    private final int size;

    private SampleMirror(Path root, int size) {
        this.images = root.resolve("images");
        this.mirror = images.resolve("mirror");
        this.size = size;
    }

    /** Days 1..{@code count} of 1 MiB, every image listed, rdiffs with 256-byte blocks. */
    static SampleMirror publish(Path root, int count) throws IOException {
        return publish(root, count, SIZE);
    }

    static SampleMirror publish(Path root, int count, int size) throws IOException {
        SampleMirror m = new SampleMirror(root, size);
        Files.createDirectories(m.images);
        m.republish(count, 0, 256);
        return m;
    }

    /**
     * Rebuilds day {@code day}'s image with other bytes of the same size (a new inode, as a build
     * writes it) and runs the job again: its name stays, its checksums and rdiffs change.
     */
    void rebuild(int day) throws IOException {
        Path image = images.resolve(SampleSeries.name(day));
        byte[] bytes = Files.readAllBytes(image);
        for (int i = 0; i < bytes.length; i += 4096) {
            bytes[i] ^= (byte) 0x5a;
        }
        Path tmp = images.resolve(".rebuilt");
        Files.write(tmp, bytes);
        Files.move(tmp, image, StandardCopyOption.REPLACE_EXISTING);
        run(0, 256);
    }

    /** Writes days 1..{@code count} (same bytes as before for the days already there) and runs the job. */
    void republish(int count, int keep, int blockLength) throws IOException {
        SampleSeries.write(images, count, size, SEED);
        run(keep, blockLength);
    }

    private void run(int keep, int blockLength) throws IOException {
        MirrorJob.run(MirrorRequest.builder(images).engine("java").jobs(2).keep(keep)
                .signature(SignatureOptions.PUAVO_BOOKWORM.withBlockLength(blockLength)).build(), MirrorListener.NONE);
    }
}
