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
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** Looks at a mirror folder from outside: what is published, and whether anything changed. */
final class MirrorTree {
    private MirrorTree() {
    }

    /** One file as a client or rsync would notice a change: content, size, mtime and inode. */
    record FileState(String sha256, long size, long mtimeNanos, Object fileKey) {
    }

    /** Every path below {@code root} (files and folders), relative, sorted, including hidden ones. */
    static List<String> allPaths(Path root) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(p -> !p.equals(root)).map(p -> root.relativize(p).toString()).sorted().toList();
        }
    }

    /** Regular files below {@code root} outside the job's hidden state folder, relative, sorted. */
    static List<String> publishedFiles(Path root) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS))
                    .map(p -> root.relativize(p).toString())
                    .filter(rel -> !rel.startsWith(MirrorJob.STATE_DIR + "/"))
                    .sorted().toList();
        }
    }

    /** The state of every published file. */
    static Map<String, FileState> snapshot(Path root) throws IOException {
        Map<String, FileState> out = new TreeMap<>();
        for (String rel : publishedFiles(root)) {
            Path p = root.resolve(rel);
            BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            out.put(rel, new FileState(sha256(Files.readAllBytes(p)), a.size(),
                    a.lastModifiedTime().to(TimeUnit.NANOSECONDS), a.fileKey()));
        }
        return out;
    }

    /** Every file below {@code root} (hidden folders included) whose name looks like a temporary file. */
    static List<String> tempFiles(Path root) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            return s.map(p -> root.relativize(p).toString())
                    .filter(rel -> rel.endsWith(".tmp") || rel.contains(".tmp."))
                    .sorted().toList();
        }
    }

    static String sha256(byte[] data) {
        return hex("SHA-256", data);
    }

    static String sha512(byte[] data) {
        return hex("SHA-512", data);
    }

    private static String hex(String algorithm, byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static void deleteRecursively(Path root) throws IOException {
        if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
