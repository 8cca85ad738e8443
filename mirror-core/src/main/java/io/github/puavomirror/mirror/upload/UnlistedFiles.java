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

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.github.puavomirror.mirror.AtomicFiles;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * When each file on a destination was first seen listed by no meta, kept in the job's state
 * folder per destination: the grace period of {@code delete} counts from then, across runs,
 * since laptops may still be resuming an rdiff and CDNs may still serve the old metas.
 */
final class UnlistedFiles {
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /** The serialised form. */
    record Document(String destination, Map<String, String> unlistedSince) {
    }

    private final Path file;
    private final String destination;
    private final Map<String, Instant> since;

    private UnlistedFiles(Path file, String destination, Map<String, Instant> since) {
        this.file = file;
        this.destination = destination;
        this.since = since;
    }

    /** The record for {@code destination}; a missing or unreadable one starts the grace period now. */
    static UnlistedFiles load(Path stateDir, String destination) {
        Path file = stateDir.resolve("upload-" + digest(destination) + ".json");
        Map<String, Instant> since = new TreeMap<>();
        if (Files.isRegularFile(file)) {
            try {
                Document d = JSON.readValue(file.toFile(), Document.class);
                if (d.unlistedSince() != null) {
                    d.unlistedSince().forEach((k, v) -> since.put(k, Instant.parse(v)));
                }
            } catch (IOException | RuntimeException e) {
                since.clear();
            }
        }
        return new UnlistedFiles(file, destination, since);
    }

    private static String digest(String destination) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(destination.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Records that exactly {@code unlisted} are unlisted now; returns since when each has been. */
    Map<String, Instant> update(Set<String> unlisted, Instant now) {
        since.keySet().retainAll(unlisted);
        unlisted.forEach(p -> since.putIfAbsent(p, now));
        return Map.copyOf(since);
    }

    void forget(String path) {
        since.remove(path);
    }

    void save() throws IOException {
        Files.createDirectories(file.getParent());
        Map<String, String> out = new TreeMap<>();
        since.forEach((k, v) -> out.put(k, v.toString()));
        AtomicFiles.write(file, JSON.writeValueAsBytes(new Document(destination, out)));
    }
}
