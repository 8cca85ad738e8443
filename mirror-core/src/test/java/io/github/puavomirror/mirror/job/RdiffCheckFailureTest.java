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

import io.github.puavomirror.rdiff.JavaRdiffEngine;
import io.github.puavomirror.rdiff.RdiffEngine;
import io.github.puavomirror.rdiff.RdiffStats;
import io.github.puavomirror.rdiff.SignatureOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An rdiff that fails its check is never published: the engine here writes valid deltas that
 * give one byte too many, the run fails naming the rdiff, and nothing in the mirror changes.
 */
class RdiffCheckFailureTest {
    @TempDir
    Path tmp;

    @Test
    void aWrongRdiffFailsTheRunAndIsNotPublished() throws Exception {
        GoodRun good = GoodRun.publish(tmp);
        MirrorSnapshot before = MirrorSnapshot.of(good.mirror);
        Path scratch = Files.createDirectories(tmp.resolve("scratch"));
        SampleSeries.write(scratch, GoodRun.IMAGES + 1, GoodRun.SIZE, 11);
        String fifth = SampleSeries.name(GoodRun.IMAGES + 1);
        Files.copy(scratch.resolve(fifth), good.images.resolve(fifth));

        MirrorException e = null;
        try {
            MirrorJob.run(good.request().build(), MirrorListener.NONE, new OneByteTooMany());
        } catch (MirrorException thrown) {
            e = thrown;
        }

        assertThat(e).isNotNull();
        assertThat(e.getMessage()).contains("check failed").contains(".rdiff").doesNotContain("\n");
        assertThat(MirrorSnapshot.of(good.mirror).changesSince(before)).isEmpty();
        assertThat(MirrorSnapshot.tempFiles(good.mirror)).isEmpty();
        assertThat(good.verify(true).problems()).isEmpty();

        MirrorJob.run(good.request().build(), MirrorListener.NONE);
        assertThat(good.verify(true).problems()).isEmpty();
        assertThat(PublishedCheck.entries(good.mirror)).isEmpty();
    }

    @Test
    void aReplacingRunWhoseRdiffFailsItsCheckWithdrawsNothing() throws Exception {
        GoodRun good = GoodRun.publish(tmp);
        MirrorSnapshot before = MirrorSnapshot.of(good.mirror);

        MirrorException e = null;
        try {
            MirrorJob.run(good.request().signature(SignatureOptions.PUAVO_BOOKWORM.withBlockLength(256)).build(),
                    MirrorListener.NONE, new OneByteTooMany());
        } catch (MirrorException thrown) {
            e = thrown;
        }

        assertThat(e).isNotNull();
        assertThat(e.getMessage()).contains("check failed");
        assertThat(MirrorSnapshot.of(good.mirror).changesSince(before)).isEmpty();
        assertThat(MirrorSnapshot.tempFiles(good.mirror)).isEmpty();
    }

    /** The Java engine, but every delta gets a one-byte literal before its END: valid, and wrong. */
    private static final class OneByteTooMany implements RdiffEngine {
        private final RdiffEngine java = new JavaRdiffEngine();

        @Override
        public String name() {
            return "one-byte-too-many";
        }

        @Override
        public String description() {
            return name();
        }

        @Override
        public RdiffStats signature(InputStream basis, long basisLength, OutputStream signature,
                                    SignatureOptions options) throws IOException {
            return java.signature(basis, basisLength, signature, options);
        }

        @Override
        public RdiffStats delta(InputStream signature, InputStream newFile, OutputStream delta) throws IOException {
            return java.delta(signature, newFile, delta);
        }

        @Override
        public RdiffStats patch(SeekableByteChannel basis, InputStream delta, OutputStream newFile) throws IOException {
            return java.patch(basis, delta, newFile);
        }

        @Override
        public RdiffStats diff(Path basis, Path newFile, OutputStream delta, SignatureOptions options)
                throws IOException {
            ByteArrayOutputStream right = new ByteArrayOutputStream();
            RdiffStats stats = java.diff(basis, newFile, right, options);
            byte[] d = right.toByteArray();
            delta.write(d, 0, d.length - 1);
            delta.write(new byte[] {0x01, 'X', 0x00});
            return stats;
        }
    }
}
