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
package io.github.puavomirror.benchmarks;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Two squashfs images shaped like successive builds of an OS image, the same bytes on every machine
 * for the same parameters: a seeded tree of realistic file kinds (text, ELF-like binaries,
 * already-compressed files, small config files, identical copies, data padded with zeros), packed
 * with {@code mksquashfs -comp lzo -b 131072} as Puavo's images are; then the same tree with a seeded
 * share of its files changed in place, a quarter of that share removed and as many added, packed
 * again. The trees are deleted once packed; {@code old.squashfs} and {@code new.squashfs} stay.
 *
 * <p>Usage: {@code SquashfsPair --work=DIR [--size=512M] [--change=0.1] [--seed=1]}: {@code --size}
 * is the tree's size (lzo packs it to about 55-60% of that), {@code --change} the share of files
 * changed. Prints the images and their sizes; a second run with the same parameters reuses them.
 * With {@code --series=N [--prefix=NAME]} it writes a series of N images instead, each an update
 * of the one before (a file changed twice carries both edits), named as Puavo names images
 * ({@code NAME-2024-01-DD-120000-amd64.img}, for the mirror benchmarks).
 */
public final class SquashfsPair {
    private static final String[] KINDS = {"text", "elf", "compressed", "config", "copy", "padded"};
    /** Share of the tree's bytes per kind, in the order of {@link #KINDS} (configs are counted by file). */
    private static final double[] BYTE_SHARES = {0.25, 0.35, 0.25, 0.0, 0.05, 0.10};
    private static final String[] DIRS = {"usr/bin", "usr/lib/x86_64-linux-gnu", "usr/share/doc", "usr/share/locale",
            "usr/lib/firmware", "usr/share/fonts", "opt/puavo/lib", "var/lib/dpkg/info", "etc", "etc/puavo"};

    private final long size;
    private final double change;
    private final long seed;
    private final String[] words;

    SquashfsPair(long size, double change, long seed) {
        this.size = size;
        this.change = change;
        this.seed = seed;
        SplittableRandom r = new SplittableRandom(seed ^ 0x70617373L);
        words = new String[4096];
        for (int i = 0; i < words.length; i++) {
            StringBuilder w = new StringBuilder();
            int n = 2 + Math.min(r.nextInt(4) + r.nextInt(6), 11);
            for (int k = 0; k < n; k++) {
                w.append((char) ('a' + Math.min(r.nextInt(26), r.nextInt(26))));
            }
            words[i] = w.toString();
        }
    }

    /**
     * One file of the tree: what it is made of, the seed that makes it, and the seeds of the edits
     * of later updates in order. The first update marks its changes by the seed's complement, as
     * the pair always has, so that the same parameters still give the same pair.
     */
    private static final class Spec {
        private static final long[] NONE = {};
        final String path;
        final String kind;
        final int length;
        final long seed;
        final long[] edits;

        Spec(String path, String kind, int length, long seed) {
            this(path, kind, length, seed, NONE);
        }

        Spec(String path, String kind, int length, long seed, long[] edits) {
            this.path = path;
            this.kind = kind;
            this.length = length;
            this.seed = seed;
            this.edits = edits;
        }

        /** This file changed once more, by the update to {@code version}. */
        Spec edited(int version) {
            if (version == 1) {
                return new Spec(path, kind, length, ~seed, edits);
            }
            long[] more = Arrays.copyOf(edits, edits.length + 1);
            more[edits.length] = seed * 31 + 7 + version * 0x9E3779B97F4A7C15L;
            return new Spec(path, kind, length, seed, more);
        }
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        Map<String, String> o = options(args, "work",
                "SquashfsPair --work=DIR [--size=512M] [--change=0.1] [--seed=1] [--series=N [--prefix=NAME]]");
        SquashfsPair pair = new SquashfsPair(SideBySide.parseSize(o.getOrDefault("size", "512M")),
                Double.parseDouble(o.getOrDefault("change", "0.1")), Long.parseLong(o.getOrDefault("seed", "1")));
        Path work = Path.of(o.get("work")).toAbsolutePath();
        if (o.containsKey("series")) {
            pair.makeSeries(work, Integer.parseInt(o.get("series")), o.getOrDefault("prefix", "puavo-os-bench"));
        } else {
            pair.make(work);
        }
    }

    /** Parses {@code --name=value} options, exiting with the usage when one is malformed or {@code required} is missing. */
    static Map<String, String> options(String[] args, String required, String usage) {
        Map<String, String> o = new LinkedHashMap<>();
        for (String a : args) {
            if (!a.startsWith("--") || !a.contains("=")) {
                System.err.println("usage: " + usage);
                System.exit(2);
            }
            o.put(a.substring(2, a.indexOf('=')), a.substring(a.indexOf('=') + 1));
        }
        if (!o.containsKey(required)) {
            System.err.println("usage: " + usage + " (--" + required + " is required)");
            System.exit(2);
        }
        return o;
    }

    /** Writes DIR/old.squashfs and DIR/new.squashfs unless DIR holds them for these parameters. */
    void make(Path work) throws IOException, InterruptedException {
        Files.createDirectories(work);
        Path stamp = work.resolve("squashfs-pair.txt");
        String id = String.format(Locale.ROOT, "size %d change %s seed %d v1", size, change, seed);
        Path oldImage = work.resolve("old.squashfs");
        Path newImage = work.resolve("new.squashfs");
        if (Files.exists(stamp) && Files.readString(stamp).equals(id) && Files.exists(oldImage)
                && Files.exists(newImage)) {
            System.out.printf(Locale.ROOT, "reusing %s (%d B) and %s (%d B)%n", oldImage, Files.size(oldImage), newImage,
                    Files.size(newImage));
            return;
        }
        Files.deleteIfExists(stamp);
        List<Spec> oldTree = tree();
        List<Spec> newTree = update(oldTree, 1);
        pack(oldTree, work.resolve("old-tree"), oldImage);
        pack(newTree, work.resolve("new-tree"), newImage);
        Files.writeString(stamp, id);
        System.out.printf(Locale.ROOT, "%s: %d files, %d B%n%s: %d files, %d B%n", oldImage, oldTree.size(),
                Files.size(oldImage), newImage, newTree.size(), Files.size(newImage));
    }

    /**
     * Writes {@code count} images into {@code dir}, the first from the old tree and each next one
     * an update of the one before; images already there for these parameters are kept.
     */
    void makeSeries(Path dir, int count, String prefix) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        String id = String.format(Locale.ROOT, "size %d change %s seed %d series %d v1", size, change, seed, count);
        Path stamp = dir.resolve("squashfs-series.txt");
        boolean reuse = Files.exists(stamp) && Files.readString(stamp).equals(id);
        Files.deleteIfExists(stamp);
        List<Spec> files = tree();
        for (int i = 1; i <= count; i++) {
            if (i > 1) {
                files = update(files, i - 1);
            }
            Path image = dir.resolve(String.format(Locale.ROOT, "%s-2024-01-%02d-120000-amd64.img", prefix, i));
            if (!reuse || !Files.exists(image)) {
                pack(files, dir.resolve("tree"), image);
            }
            System.out.printf(Locale.ROOT, "%s: %d files, %d B%n", image, files.size(), Files.size(image));
        }
        Files.writeString(stamp, id);
    }

    /** The old tree: files of each kind until its share of {@link #size} is reached, then configs (one in eight files). */
    private List<Spec> tree() {
        SplittableRandom r = new SplittableRandom(seed);
        List<Spec> files = new ArrayList<>();
        for (int k = 0; k < KINDS.length; k++) {
            if (KINDS[k].equals("config")) {
                continue;
            }
            long budget = (long) (size * BYTE_SHARES[k]);
            while (budget > 0) {
                Spec s = newSpec(r, KINDS[k], files);
                files.add(s);
                budget -= s.length;
            }
        }
        for (int i = files.size() / 8; i > 0; i--) {
            files.add(newSpec(r, "config", files));
        }
        return files;
    }

    /** A file of {@code kind} with a log-uniform length (a copy takes an earlier file's content). */
    private Spec newSpec(SplittableRandom r, String kind, List<Spec> earlier) {
        String dir = DIRS[r.nextInt(DIRS.length)];
        String path = dir + "/" + kind.charAt(0) + Long.toString(r.nextLong() & 0xffffffffffL, 36);
        if (kind.equals("copy") && !earlier.isEmpty()) {
            Spec original = earlier.get(r.nextInt(earlier.size()));
            return new Spec(path, original.kind, original.length, original.seed, original.edits);
        }
        int length = kind.equals("config") ? 100 + r.nextInt(3000)
                : (int) Math.exp(Math.log(1024) + r.nextDouble() * (Math.log(8 << 20) - Math.log(1024)));
        return new Spec(path, kind.equals("copy") ? "compressed" : kind, length, r.nextLong());
    }

    /**
     * The tree of {@code version}: each file of the one before changed in place with probability
     * {@link #change}, removed with a quarter of it; as many files added as removed.
     */
    private List<Spec> update(List<Spec> old, int version) {
        SplittableRandom r = new SplittableRandom(seed + 0x5eed + version - 1);
        List<Spec> files = new ArrayList<>();
        int removed = 0;
        for (Spec s : old) {
            double x = r.nextDouble();
            if (x < change / 4) {
                removed++;
            } else if (x < change * 1.25) {
                files.add(s.edited(version));
            } else {
                files.add(s);
            }
        }
        for (int i = 0; i < removed; i++) {
            files.add(newSpec(r, KINDS[r.nextInt(KINDS.length)], files));
        }
        return files;
    }

    private void pack(List<Spec> files, Path tree, Path image) throws IOException, InterruptedException {
        deleteTree(tree);
        for (Spec s : files) {
            Path p = tree.resolve(s.path);
            Files.createDirectories(p.getParent());
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(p), 1 << 16)) {
                out.write(content(s));
            }
        }
        Files.deleteIfExists(image);
        Process mk = new ProcessBuilder("mksquashfs", tree.toString(), image.toString(), "-comp", "lzo", "-b", "131072",
                "-noappend", "-all-root", "-mkfs-time", "0", "-all-time", "0", "-no-progress", "-quiet")
                .inheritIO().start();
        if (mk.waitFor() != 0) {
            throw new IOException("mksquashfs exited " + mk.exitValue() + " packing " + tree);
        }
        deleteTree(tree);
    }

    /**
     * A file's bytes: made from its seed, edited in a few places when the seed is negative (the
     * complement marks the first update's change), then edited by each later update that changed it.
     */
    private byte[] content(Spec s) {
        long base = s.seed < 0 ? ~s.seed : s.seed;
        byte[] data = make(s.kind, s.length, new SplittableRandom(base));
        if (s.seed < 0) {
            data = edit(s.kind, data, new SplittableRandom(base * 31 + 7));
        }
        for (long e : s.edits) {
            data = edit(s.kind, data, new SplittableRandom(e));
        }
        return data;
    }

    private byte[] make(String kind, int length, SplittableRandom r) {
        switch (kind) {
            case "text":
                return text(length, r);
            case "elf":
                return elf(length, r);
            case "config":
                return config(length, r);
            case "padded":
                byte[] padded = new byte[length];
                byte[] head = elf(Math.max(64, length / (2 + r.nextInt(8))), r);
                System.arraycopy(head, 0, padded, 0, Math.min(head.length, length));
                return padded;
            default:
                byte[] random = new byte[length];
                r.nextBytes(random);
                random[0] = 0x1f;
                random[1] = (byte) 0x8b;
                return random;
        }
    }

    /** Lines of words from a seeded vocabulary, with the skewed word frequencies of prose and manuals. */
    private byte[] text(int length, SplittableRandom r) {
        StringBuilder s = new StringBuilder(length + 64);
        while (s.length() < length) {
            int line = 30 + r.nextInt(70);
            int start = s.length();
            while (s.length() - start < line) {
                s.append(words[Math.min(r.nextInt(words.length), r.nextInt(words.length))]).append(' ');
            }
            s.setLength(s.length() - 1);
            s.append('\n');
        }
        return Arrays.copyOf(s.toString().getBytes(StandardCharsets.US_ASCII), length);
    }

    /**
     * An ELF-like binary: a header, code made of a few hundred instruction shapes with small
     * operands, a string table, and zero padding to 4 KiB between sections.
     */
    private byte[] elf(int length, SplittableRandom r) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(length + 4096);
        byte[] header = {0x7f, 'E', 'L', 'F', 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 3, 0, 0x3e, 0, 1, 0, 0, 0};
        out.write(header, 0, header.length);
        SplittableRandom shapes = new SplittableRandom(seed ^ 0xe1fL);
        byte[][] ops = new byte[512][];
        for (int i = 0; i < ops.length; i++) {
            ops[i] = new byte[1 + shapes.nextInt(4)];
            shapes.nextBytes(ops[i]);
        }
        while (out.size() < length) {
            int code = 2048 + r.nextInt(64 << 10);
            for (int end = out.size() + code; out.size() < end; ) {
                byte[] op = ops[Math.min(r.nextInt(ops.length), r.nextInt(ops.length))];
                out.write(op, 0, op.length);
                int imm = r.nextInt(5);
                for (int k = 0; k < imm; k++) {
                    out.write(k == 0 ? r.nextInt(256) : r.nextInt(4) == 0 ? r.nextInt(256) : 0);
                }
            }
            for (int end = out.size() + 256 + r.nextInt(8192); out.size() < end; ) {
                byte[] w = words[Math.min(r.nextInt(words.length), r.nextInt(words.length))].getBytes(StandardCharsets.US_ASCII);
                out.write(w, 0, w.length);
                out.write(r.nextInt(3) == 0 ? '_' : 0);
            }
            while (out.size() % 4096 != 0) {
                out.write(0);
            }
        }
        return Arrays.copyOf(out.toByteArray(), length);
    }

    private byte[] config(int length, SplittableRandom r) {
        StringBuilder s = new StringBuilder("# generated\n");
        while (s.length() < length) {
            s.append(words[r.nextInt(256)]).append('_').append(words[r.nextInt(words.length)]).append(" = ")
                    .append(r.nextInt(4) == 0 ? String.valueOf(r.nextInt(100000)) : words[r.nextInt(words.length)])
                    .append('\n');
        }
        return Arrays.copyOf(s.toString().getBytes(StandardCharsets.US_ASCII), length);
    }

    /**
     * A changed file as an update changes it: a compressed file differs from a random point on;
     * others get one to four edits, each an overwrite of up to 256 bytes or an insert of up to
     * 4 KiB (a patched function, a changed line), which shifts what follows.
     */
    private byte[] edit(String kind, byte[] data, SplittableRandom r) {
        if (kind.equals("compressed")) {
            byte[] changed = data.clone();
            int from = r.nextInt(changed.length);
            byte[] tail = new byte[changed.length - from];
            r.nextBytes(tail);
            System.arraycopy(tail, 0, changed, from, tail.length);
            return changed;
        }
        byte[] out = data;
        for (int edits = 1 + r.nextInt(4); edits > 0; edits--) {
            int at = r.nextInt(out.length);
            byte[] fresh = kind.equals("text") || kind.equals("config") ? text(1 + r.nextInt(256), r) : elf(64, r);
            if (r.nextBoolean()) {
                int n = Math.min(fresh.length, out.length - at);
                out = out == data ? data.clone() : out;
                System.arraycopy(fresh, 0, out, at, n);
            } else {
                byte[] grown = new byte[out.length + fresh.length];
                System.arraycopy(out, 0, grown, 0, at);
                System.arraycopy(fresh, 0, grown, at, fresh.length);
                System.arraycopy(out, at, grown, at + fresh.length, out.length - at);
                out = grown;
            }
        }
        return out;
    }

    private static void deleteTree(Path tree) throws IOException {
        if (!Files.exists(tree)) {
            return;
        }
        Files.walkFileTree(tree, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
