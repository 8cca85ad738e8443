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

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a client could see, checked with code of its own (plain JSON parsing, the JDK's SHA-512
 * and a CRC written here) rather than with MirrorVerify: every meta entry names a file that is
 * there with that size and sha512, every CKSUMS line one with that size and POSIX cksum, and
 * every file under a published name is one whole version the test knows.
 */
final class PublishedCheck {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int[] CRC_TABLE = crcTable();

    private final Path mirror;
    private final Map<Path, byte[]> read = new HashMap<>();
    private final List<String> problems = new ArrayList<>();

    private PublishedCheck(Path mirror) {
        this.mirror = mirror;
    }

    /** Problems with the entries of metas and CKSUMS; empty when every entry is true. */
    static List<String> entries(Path mirror) throws IOException {
        PublishedCheck c = new PublishedCheck(mirror);
        c.checkMetas();
        c.checkCksums();
        return c.problems;
    }

    /**
     * Entry problems plus published files that are not a known whole version: each image must
     * have one of {@code imageVersions}' sha512s, each rdiff one of the versions known for its name.
     */
    static List<String> all(Path mirror, Set<String> imageVersions, Map<String, Set<String>> rdiffVersions)
            throws IOException {
        PublishedCheck c = new PublishedCheck(mirror);
        c.checkMetas();
        c.checkCksums();
        for (Path p : list(mirror)) {
            String name = p.getFileName().toString();
            if (name.endsWith(".img") && !imageVersions.contains(MirrorSnapshot.sha512(c.bytes(p)))) {
                c.problems.add(name + ": not a whole image version");
            }
        }
        for (Path p : list(mirror.resolve(MirrorJob.RDIFFS_DIR))) {
            String name = p.getFileName().toString();
            if (name.endsWith(".rdiff") && !rdiffVersions.getOrDefault(name, Set.of())
                    .contains(MirrorSnapshot.sha512(c.bytes(p)))) {
                c.problems.add("rdiffs/" + name + ": not a whole rdiff of this scenario");
            }
        }
        return c.problems;
    }

    private void checkMetas() throws IOException {
        for (Path meta : list(mirror.resolve(MirrorJob.META_DIR))) {
            String name = meta.getFileName().toString();
            if (!name.endsWith(".json") || name.startsWith(".")) {
                continue;
            }
            JsonNode root;
            try {
                root = JSON.readTree(Files.readAllBytes(meta));
            } catch (IOException e) {
                problems.add("meta/" + name + ": not JSON: " + e.getMessage().lines().findFirst().orElse(""));
                continue;
            }
            if (root == null || root.size() != 1) {
                problems.add("meta/" + name + ": not one series");
                continue;
            }
            for (JsonNode image : root.elements().next().path("images")) {
                claim("meta/" + name, mirror.resolve(image.path("filename").asText()), image, null);
                for (JsonNode diff : image.path("diffs")) {
                    claim("meta/" + name, mirror.resolve(MirrorJob.RDIFFS_DIR).resolve(diff.path("filename").asText()),
                            diff, null);
                }
            }
        }
    }

    private void checkCksums() throws IOException {
        Path cksums = mirror.resolve(MirrorJob.CKSUMS_FILE);
        if (!Files.exists(cksums)) {
            return;
        }
        String text = Files.readString(cksums, StandardCharsets.UTF_8);
        if (!text.isEmpty() && !text.endsWith("\n")) {
            problems.add("CKSUMS: last line not ended");
        }
        for (String line : text.lines().toList()) {
            String[] f = line.split(" ", 3);
            if (f.length != 3) {
                problems.add("CKSUMS: bad line " + line);
                continue;
            }
            Path file = f[2].endsWith(".rdiff") ? mirror.resolve(MirrorJob.RDIFFS_DIR).resolve(f[2]) : mirror.resolve(f[2]);
            claim("CKSUMS", file, null, new long[] {Long.parseLong(f[0]), Long.parseLong(f[1])});
        }
    }

    /** Checks one entry: a meta node (size, sha512) or a CKSUMS line (cksum, size). */
    private void claim(String source, Path file, JsonNode entry, long[] cksumAndSize) throws IOException {
        String rel = mirror.relativize(file).toString();
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            problems.add(rel + ": listed in " + source + " but " + (Files.exists(file, LinkOption.NOFOLLOW_LINKS)
                    ? "not a regular file" : "missing"));
            return;
        }
        byte[] data = bytes(file);
        if (entry != null) {
            if (entry.path("size").asLong(-1) != data.length) {
                problems.add(rel + ": " + source + " says size " + entry.path("size") + ", file has " + data.length);
            } else if (!entry.path("sha512").asText().equals(MirrorSnapshot.sha512(data))) {
                problems.add(rel + ": sha512 differs from " + source);
            }
        } else {
            if (cksumAndSize[1] != data.length) {
                problems.add(rel + ": CKSUMS says size " + cksumAndSize[1] + ", file has " + data.length);
            } else if (cksumAndSize[0] != posixCksum(data)) {
                problems.add(rel + ": cksum differs from CKSUMS");
            }
        }
    }

    private byte[] bytes(Path file) throws IOException {
        byte[] b = read.get(file);
        if (b == null) {
            b = Files.readAllBytes(file);
            read.put(file, b);
        }
        return b;
    }

    private static List<Path> list(Path dir) throws IOException {
        List<Path> out = new ArrayList<>();
        if (Files.isDirectory(dir)) {
            try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
                ds.forEach(out::add);
            }
        }
        return out;
    }

    /** POSIX cksum: CRC-32 (0x04C11DB7, MSB first) over the bytes, then the length's bytes low first, inverted. */
    static long posixCksum(byte[] data) {
        int crc = 0;
        for (byte b : data) {
            crc = (crc << 8) ^ CRC_TABLE[((crc >>> 24) ^ b) & 0xff];
        }
        for (long n = data.length; n != 0; n >>>= 8) {
            crc = (crc << 8) ^ CRC_TABLE[((crc >>> 24) ^ (int) n) & 0xff];
        }
        return ~crc & 0xffffffffL;
    }

    private static int[] crcTable() {
        int[] t = new int[256];
        for (int i = 0; i < 256; i++) {
            int c = i << 24;
            for (int k = 0; k < 8; k++) {
                c = (c & 0x80000000) != 0 ? (c << 1) ^ 0x04C11DB7 : c << 1;
            }
            t[i] = c;
        }
        return t;
    }
}
