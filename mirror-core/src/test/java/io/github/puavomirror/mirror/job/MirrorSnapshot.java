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
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Every file of a mirror's published tree (all but the job's private state folder) with its
 * bytes' sha512, size, mtime and inode, to prove that a run changed nothing at all.
 */
record MirrorSnapshot(Path root, Map<String, Entry> files) {
    /** Temporary names as AtomicFiles makes them; written out here so the check does not use the code it checks. */
    private static final Pattern TEMP = Pattern.compile("\\..+\\.[0-9a-f]+\\.tmp");

    /** One file or folder: what a change to it would alter. */
    record Entry(String kind, long size, long mtimeNanos, Object inode, String sha512) {
    }

    static MirrorSnapshot of(Path mirror) throws IOException {
        Map<String, Entry> files = new TreeMap<>();
        if (Files.exists(mirror)) {
            try (Stream<Path> all = Files.walk(mirror)) {
                for (Path p : (Iterable<Path>) all::iterator) {
                    String rel = mirror.relativize(p).toString();
                    if (rel.isEmpty() || rel.equals(MirrorJob.STATE_DIR) || rel.startsWith(MirrorJob.STATE_DIR + "/")) {
                        continue;
                    }
                    BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                    String kind = a.isRegularFile() ? "file" : a.isDirectory() ? "dir" : a.isSymbolicLink() ? "link" : "other";
                    long mtime = a.isDirectory() ? 0 : a.lastModifiedTime().to(TimeUnit.NANOSECONDS);
                    files.put(rel, new Entry(kind, a.isDirectory() ? 0 : a.size(), mtime, a.fileKey(),
                            a.isRegularFile() ? sha512(p) : ""));
                }
            }
        }
        return new MirrorSnapshot(mirror, files);
    }

    /** What differs from {@code before}, one line per file; empty when nothing does. */
    List<String> changesSince(MirrorSnapshot before) {
        List<String> out = new ArrayList<>();
        TreeSet<String> names = new TreeSet<>(before.files.keySet());
        names.addAll(files.keySet());
        for (String n : names) {
            Entry was = before.files.get(n);
            Entry now = files.get(n);
            if (was == null) {
                out.add("added " + n);
            } else if (now == null) {
                out.add("removed " + n);
            } else if (!was.equals(now)) {
                out.add("changed " + n + ": " + was + " -> " + now);
            }
        }
        return out;
    }

    /** Files added since {@code before}. */
    List<String> addedSince(MirrorSnapshot before) {
        return files.keySet().stream().filter(n -> !before.files.containsKey(n)).toList();
    }

    /** Temporary files anywhere in the mirror, the state folder included. */
    static List<Path> tempFiles(Path mirror) throws IOException {
        if (!Files.exists(mirror)) {
            return List.of();
        }
        try (Stream<Path> all = Files.walk(mirror)) {
            return all.filter(p -> TEMP.matcher(p.getFileName().toString()).matches()).sorted().toList();
        }
    }

    static String sha512(Path file) {
        try {
            return sha512(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String sha512(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-512").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
