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

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.github.puavomirror.mirror.Checksums;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * The job's memory between runs, kept in the mirror's hidden state folder: checksums and
 * puavo-conf of each image by file identity (so an unchanged image is never read again), and
 * for each published rdiff what it was made from and with which settings (so an unchanged pair
 * is never diffed again, and a changed one always is). Losing it costs time, never correctness.
 */
final class MirrorState {
    static final int FORMAT = 1;
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .setSerializationInclusion(JsonInclude.Include.NON_NULL);

    /** What identifies a file's content without reading it: size, mtime and inode. */
    record Identity(long size, long mtimeNanos, String fileKey) {
        static Identity of(Path file) throws IOException {
            BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
            Object key = a.fileKey();
            return new Identity(a.size(), a.lastModifiedTime().to(TimeUnit.NANOSECONDS),
                    key == null ? "" : key.toString());
        }
    }

    /**
     * An image's checksums and puavo-conf, valid while its identity holds; {@code published} is
     * the identity of the mirror's copy when it had to be copied rather than hard-linked.
     */
    record ImageRecord(Identity identity, Checksums sums, JsonNode puavoConf, Identity published) {
        ImageRecord withPublished(Identity p) {
            return new ImageRecord(identity, sums, puavoConf, p);
        }
    }

    /** A published rdiff: its inputs, settings and checksums, valid while the published file's identity holds. */
    record RdiffRecord(String sourceSha512, String targetSha512, String settings, Identity published,
                       Checksums sums) {
    }

    /** The serialised form. */
    record Document(int format, Map<String, ImageRecord> images, Map<String, RdiffRecord> rdiffs) {
    }

    final Map<String, ImageRecord> images;
    final Map<String, RdiffRecord> rdiffs;

    private MirrorState(Map<String, ImageRecord> images, Map<String, RdiffRecord> rdiffs) {
        this.images = images;
        this.rdiffs = rdiffs;
    }

    static MirrorState empty() {
        return new MirrorState(new TreeMap<>(), new TreeMap<>());
    }

    /** Loads the state; a missing, old or unreadable file gives an empty state (a full rebuild). */
    static MirrorState load(Path file) {
        if (!Files.isRegularFile(file)) {
            return empty();
        }
        try {
            Document d = JSON.readValue(file.toFile(), Document.class);
            if (d.format() != FORMAT || d.images() == null || d.rdiffs() == null) {
                return empty();
            }
            return new MirrorState(new TreeMap<>(d.images()), new TreeMap<>(d.rdiffs()));
        } catch (IOException e) {
            return empty();
        }
    }

    synchronized void save(Path file, FileOperations files) throws IOException {
        MirrorLayout.createFolder(file.getParent());
        try {
            files.write(file, JSON.writeValueAsBytes(new Document(FORMAT, images, rdiffs)));
        } catch (IOException e) {
            throw IoErrors.naming(file, e);
        }
    }
}
