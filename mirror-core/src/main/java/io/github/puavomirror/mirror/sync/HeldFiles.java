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
package io.github.puavomirror.mirror.sync;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.github.puavomirror.mirror.AtomicFiles;
import io.github.puavomirror.mirror.Checksums;
import io.github.puavomirror.mirror.FileChecksums;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * The checksums of the mirror's files by file identity (size, mtime, inode), kept in the job's
 * state folder, so that a sync reads an unchanged image of many GiB only once. Losing it costs
 * reading the files again, never correctness.
 */
final class HeldFiles {
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /** A file's identity and the checksums read from it while it had that identity. */
    record Held(long size, long mtimeNanos, String fileKey, Checksums sums) {
        static Held of(Path file, Checksums sums) throws IOException {
            BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            return new Held(a.size(), a.lastModifiedTime().to(TimeUnit.NANOSECONDS), String.valueOf(a.fileKey()), sums);
        }

        boolean sameIdentity(Held other) {
            return size == other.size && mtimeNanos == other.mtimeNanos && fileKey.equals(other.fileKey);
        }
    }

    /** The serialised form. */
    record Document(int format, Map<String, Held> files) {
    }

    private static final int FORMAT = 1;

    private final Path stateFile;
    private final Map<String, Held> files;
    private boolean changed;

    private HeldFiles(Path stateFile, Map<String, Held> files) {
        this.stateFile = stateFile;
        this.files = files;
    }

    static HeldFiles load(Path stateFile) {
        try {
            if (Files.isRegularFile(stateFile)) {
                Document d = JSON.readValue(stateFile.toFile(), Document.class);
                if (d.format() == FORMAT && d.files() != null) {
                    return new HeldFiles(stateFile, new TreeMap<>(d.files()));
                }
            }
        } catch (IOException e) {
            // An unreadable state only means reading the files again.
        }
        return new HeldFiles(stateFile, new TreeMap<>());
    }

    /**
     * The checksums of {@code file} if it is a regular file of {@code size} bytes (read again only
     * when its identity changed), else null: a file of another size cannot be the one wanted.
     */
    synchronized Checksums checksums(Path file, long size) throws IOException {
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) || Files.size(file) != size) {
            return null;
        }
        String key = file.toString();
        Held now = Held.of(file, null);
        Held known = files.get(key);
        if (known != null && known.sameIdentity(now)) {
            return known.sums();
        }
        Checksums sums = FileChecksums.compute(file);
        record(file, sums);
        return sums;
    }

    /** Records the checksums of a file just put in place. */
    synchronized void record(Path file, Checksums sums) throws IOException {
        Held h = Held.of(file, sums);
        if (!Objects.equals(files.put(file.toString(), h), h)) {
            changed = true;
        }
    }

    /** Saves the state if anything was recorded since it was loaded. */
    synchronized void save() throws IOException {
        if (changed) {
            Files.createDirectories(stateFile.getParent());
            AtomicFiles.write(stateFile, JSON.writeValueAsBytes(new Document(FORMAT, files)));
            changed = false;
        }
    }
}
