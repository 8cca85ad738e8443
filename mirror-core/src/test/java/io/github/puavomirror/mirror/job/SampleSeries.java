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

import io.github.puavomirror.mirror.ExternalTools;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Seeded image series for tests: each image is the previous one with a few overwrites, inserts
 * and deletes, like successive OS builds. Plain images are random bytes (the job publishes them
 * with an empty puavo-conf); squashfs images are made with mksquashfs from a small tree holding
 * puavo-conf definitions and a random payload that evolves the same way.
 */
public final class SampleSeries {
    public static final String PREFIX = "puavo-os-test-bookworm";

    private SampleSeries() {
    }

    public static String name(int day) {
        return name(PREFIX, day);
    }

    /** {@code <prefix>-2024-01-<day>-120000-amd64.img}. */
    static String name(String prefix, int day) {
        return String.format("%s-2024-01-%02d-120000-amd64.img", prefix, day);
    }

    /** The series discovery puts images of {@code prefix} into. */
    static String series(String prefix) {
        return prefix + "-amd64";
    }

    /**
     * The rdiff name docs/mirror-layout.md §4 gives for {@code from -> to} of one prefix, spelt out here rather
     * than taken from the code under test.
     */
    static String rdiff(String prefix, int from, int to) {
        return String.format("%s-2024-01-%02d-120000--2024-01-%02d-120000-amd64.rdiff", prefix, from, to);
    }

    public static String rdiff(int from, int to) {
        return rdiff(PREFIX, from, to);
    }

    /** Writes {@code count} images of about {@code size} bytes into {@code dir}, days 1..count. */
    public static List<Path> write(Path dir, int count, int size, long seed) throws IOException {
        return write(dir, PREFIX, count, size, seed);
    }

    static List<Path> write(Path dir, String prefix, int count, int size, long seed) throws IOException {
        List<Path> out = new ArrayList<>();
        int day = 1;
        for (byte[] data : contents(count, size, seed)) {
            out.add(replace(dir.resolve(name(prefix, day++)), data));
        }
        return out;
    }

    /** The successive contents of a series. */
    static List<byte[]> contents(int count, int size, long seed) {
        Random r = new Random(seed);
        byte[] data = new byte[size];
        r.nextBytes(data);
        List<byte[]> out = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            if (i > 1) {
                data = evolve(data, r);
            }
            out.add(data);
        }
        return out;
    }

    /**
     * Puts {@code content} at {@code file} as a new file (new inode), the way a build replaces an
     * image; writing in place would also change the mirror's hard link to it.
     */
    static Path replace(Path file, byte[] content) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".part");
        Files.write(tmp, content);
        return Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    static byte[] evolve(byte[] old, Random r) {
        byte[] next = old.clone();
        for (int k = 0; k < 5; k++) {
            int at = r.nextInt(Math.max(1, next.length - 600));
            for (int i = 0; i < 500 && at + i < next.length; i++) {
                next[at + i] = (byte) r.nextInt(256);
            }
        }
        int ins = r.nextInt(next.length);
        byte[] extra = new byte[1 + r.nextInt(3000)];
        r.nextBytes(extra);
        byte[] grown = new byte[next.length + extra.length];
        System.arraycopy(next, 0, grown, 0, ins);
        System.arraycopy(extra, 0, grown, ins, extra.length);
        System.arraycopy(next, ins, grown, ins + extra.length, next.length - ins);
        int cut = r.nextInt(grown.length - 2000);
        int len = 1 + r.nextInt(1500);
        byte[] shrunk = new byte[grown.length - len];
        System.arraycopy(grown, 0, shrunk, 0, cut);
        System.arraycopy(grown, cut + len, shrunk, cut, grown.length - cut - len);
        return shrunk;
    }

    // ---- squashfs images -------------------------------------------------------------------

    private static final String BASE_DEFINITIONS = """
            {
              "puavo.image.automatic_updates": {
                "typehint": "bool",
                "default": "true"
              },
              "puavo.image.series.urls": { "typehint": "json", "default": "[]" }
            }
            """;

    /**
     * The meta {@code puavo-conf} docs/mirror-layout.md §5 asks for, for image {@code day}: both definition files
     * merged in name order, keys in file order, compact, {@code /} and non-ASCII unescaped; the
     * dot file and the non-JSON file in the same folder are not part of it.
     */
    static String expectedPuavoConf(int day) {
        return "{\"puavo.image.automatic_updates\":{\"typehint\":\"bool\",\"default\":\"true\"},"
                + "\"puavo.image.series.urls\":{\"typehint\":\"json\",\"default\":\"[]\"},"
                + "\"puavo.test.build\":{\"default\":\"day " + day + "\",\"description\":\"built \\\""
                + day + "\\\" / ✓\"}}";
    }

    /**
     * Writes {@code count} squashfs images into {@code dir} (days 1..count) with puavo-conf
     * definitions and a random payload of {@code payloadSize} bytes; mksquashfs must be on PATH.
     */
    static List<Path> writeSquashfs(Path dir, String prefix, int count, int payloadSize, long seed)
            throws IOException, InterruptedException {
        ExternalTools.require("mksquashfs");
        List<Path> out = new ArrayList<>();
        int day = 1;
        for (byte[] payload : contents(count, payloadSize, seed)) {
            out.add(squashfs(dir.resolve(name(prefix, day)), day, payload));
            day++;
        }
        return out;
    }

    /** Builds one squashfs image at {@code image} (replacing it as a new file). */
    static Path squashfs(Path image, int day, byte[] payload) throws IOException, InterruptedException {
        Path tree = Files.createTempDirectory(image.getParent(), ".tree");
        try {
            Path defs = Files.createDirectories(tree.resolve("usr/share/puavo-conf/definitions"));
            Files.writeString(defs.resolve("10-base.json"), BASE_DEFINITIONS, StandardCharsets.UTF_8);
            Files.writeString(defs.resolve("20-build.json"), "{\"puavo.test.build\": {\"default\": \"day " + day
                    + "\", \"description\": \"built \\\"" + day + "\\\" / ✓\"}}\n", StandardCharsets.UTF_8);
            // Neither is read: the glob skips dot files, and only *.json counts.
            Files.writeString(defs.resolve(".hidden.json"), "{\"puavo.hidden\": {}}");
            Files.writeString(defs.resolve("README"), "not json");
            Files.write(Files.createDirectories(tree.resolve("usr/lib")).resolve("payload.bin"), payload);
            Path tmp = image.resolveSibling(image.getFileName() + ".sqsh");
            ExternalTools.run(image.getParent(), "mksquashfs", tree.toString(), tmp.toString(), "-noappend", "-all-root",
                    "-mkfs-time", "0", "-all-time", "0", "-no-xattrs", "-no-progress", "-quiet",
                    "-processors", "1");
            return Files.move(tmp, image, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            MirrorTree.deleteRecursively(tree);
        }
    }
}
