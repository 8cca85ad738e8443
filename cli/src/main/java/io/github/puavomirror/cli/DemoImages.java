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
package io.github.puavomirror.cli;

import io.github.puavomirror.mirror.AtomicFiles;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A small, seeded series of Puavo OS-like images for {@code puavo-mirror demo}: each one a file
 * tree (random "binaries", a changelog, puavo-conf definitions) that evolves a little from the
 * previous, packed by {@code mksquashfs} into a real squashfs image, or into a plain file when
 * there is no mksquashfs. The same seed gives the same bytes on every machine.
 */
final class DemoImages {
    static final String PREFIX = "puavo-os-demo-bookworm";
    static final String ARCH = "amd64";
    static final String SERIES = PREFIX + "-" + ARCH;
    static final List<String> STAMPS = List.of("2024-01-15-083000", "2024-02-12-091500", "2024-03-11-101500",
            "2024-04-08-120000");
    static final String DEFINITIONS = "usr/share/puavo-conf/definitions/";

    private static final long SEED = 20240115L;
    private static final int BLOB = 160 << 10;
    private static final int PATCH = 4 << 10;
    /** Reproducible images: fixed times and owners, no xattrs of the machine that built them. */
    private static final List<String> MKSQUASHFS_OPTIONS = List.of("-noappend", "-all-root", "-mkfs-time", "0",
            "-all-time", "0", "-comp", "gzip", "-no-xattrs", "-quiet", "-no-progress");

    /** mksquashfs could not make an image; the demo falls back to plain files. */
    static final class PackFailure extends Exception {
        private static final long serialVersionUID = 1L;

        PackFailure(String message) {
            super(message);
        }
    }

    private final Random random = new Random(SEED);
    private final Map<String, byte[]> tree = new TreeMap<>();
    private int blobs;

    private DemoImages() {
    }

    /** The image file name of version {@code index} (0-based). */
    static String imageName(int index) {
        return PREFIX + "-" + STAMPS.get(index) + "-" + ARCH + ".img";
    }

    /** mksquashfs on PATH, or in the sbin folders some systems keep it in; null when there is none. */
    static Path findMksquashfs() {
        List<String> dirs = new ArrayList<>();
        String path = System.getenv("PATH");
        if (path != null) {
            dirs.addAll(Arrays.asList(path.split(File.pathSeparator)));
        }
        dirs.addAll(List.of("/usr/sbin", "/sbin"));
        for (String dir : dirs) {
            Path candidate = Path.of(dir.isEmpty() ? "." : dir, "mksquashfs");
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    /**
     * Writes the series into {@code dir}. An image whose bytes are already there is left alone,
     * so running the demo again finds the mirror up to date.
     *
     * @param mksquashfs the squashfs packer, or null for plain files
     * @return the image files, oldest first
     */
    static List<Path> write(Path dir, Path mksquashfs) throws IOException, PackFailure {
        DemoImages images = new DemoImages();
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < STAMPS.size(); i++) {
            images.evolve(i);
            Path image = dir.resolve(imageName(i));
            Path tmp = Files.createTempFile(dir, ".demo-", ".tmp");
            try {
                if (mksquashfs != null) {
                    images.squashfs(mksquashfs, dir, tmp);
                } else {
                    Files.write(tmp, images.plain());
                }
                // Built images are readable by all; a temp file is owner-only, and the mirror would warn.
                AtomicFiles.setMode(tmp, AtomicFiles.FILE_MODE);
                if (Files.isRegularFile(image) && Files.mismatch(image, tmp) == -1) {
                    Files.delete(tmp);
                } else {
                    Files.move(tmp, image, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                }
            } finally {
                Files.deleteIfExists(tmp);
            }
            files.add(image);
        }
        return files;
    }

    /** Version {@code index} of the tree: the first is made from scratch, each later one changes a little. */
    private void evolve(int index) {
        int version = index + 1;
        if (index == 0) {
            for (int i = 0; i < 12; i++) {
                addBlob(BLOB);
            }
            text("etc/puavo-image/class", "demo\n");
        } else {
            // A few patched blocks here and there, one new file, now and then one gone: what a
            // rebuilt image with a few updated packages looks like to rdiff.
            List<String> names = new ArrayList<>(tree.keySet());
            names.removeIf(n -> !n.endsWith(".bin"));
            for (int i = 0; i < 3; i++) {
                byte[] blob = tree.get(names.get(random.nextInt(names.size())));
                byte[] patch = new byte[PATCH];
                random.nextBytes(patch);
                System.arraycopy(patch, 0, blob, random.nextInt(blob.length - PATCH), PATCH);
            }
            addBlob(96 << 10);
            if (version == 4) {
                tree.remove(names.get(3));
            }
        }
        text("etc/puavo-image/name", imageName(index) + "\n");
        text("etc/puavo-image/release", "Puavo OS demo " + version + " (" + STAMPS.get(index) + ")\n");
        StringBuilder changelog = new StringBuilder();
        for (int v = version; v >= 1; v--) {
            changelog.append("puavo-demo (").append(v).append(".0) bookworm; urgency=low\n\n  * Demo release ")
                    .append(v).append(": packages updated.\n\n");
        }
        text("usr/share/doc/puavo-demo/changelog", changelog.toString());
        text(DEFINITIONS + "puavo-demo.json", "{\n"
                + "  \"puavo.demo.greeting\": {\n"
                + "    \"default\": \"hello from demo image " + version + "\",\n"
                + "    \"description\": \"What the demo image says\",\n"
                + "    \"typehint\": \"string\"\n"
                + "  }\n"
                + "}\n");
        text(DEFINITIONS + "puavo-image.json", "{\n"
                + "  \"puavo.image.automatic_updates\": {\n"
                + "    \"default\": \"true\",\n"
                + "    \"description\": \"Update images automatically\",\n"
                + "    \"typehint\": \"bool\"\n"
                + "  }" + (version >= 3 ? ",\n"
                + "  \"puavo.image.demo.new_setting\": {\n"
                + "    \"default\": \"" + version + "\",\n"
                + "    \"description\": \"A setting that appeared in demo image 3\",\n"
                + "    \"typehint\": \"string\"\n"
                + "  }\n" : "\n")
                + "}\n");
    }

    private void addBlob(int size) {
        byte[] blob = new byte[size];
        random.nextBytes(blob);
        tree.put(String.format("usr/lib/puavo-demo/data-%02d.bin", blobs++), blob);
    }

    private void text(String path, String content) {
        tree.put(path, content.getBytes(StandardCharsets.UTF_8));
    }

    /** The tree as one file: each entry's path and size on a line, then its bytes. */
    private byte[] plain() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        tree.forEach((path, content) -> {
            out.writeBytes((path + " " + content.length + "\n").getBytes(StandardCharsets.UTF_8));
            out.writeBytes(content);
        });
        return out.toByteArray();
    }

    private void squashfs(Path mksquashfs, Path dir, Path image) throws IOException, PackFailure {
        Path staging = Files.createTempDirectory(dir, ".demo-tree-");
        try {
            for (Map.Entry<String, byte[]> e : tree.entrySet()) {
                Path file = staging.resolve(e.getKey());
                Files.createDirectories(file.getParent());
                Files.write(file, e.getValue());
            }
            fixModes(staging);
            List<String> command = new ArrayList<>();
            command.add(mksquashfs.toString());
            command.add(staging.toString());
            command.add(image.toString());
            command.addAll(MKSQUASHFS_OPTIONS);
            ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
            // mksquashfs refuses -mkfs-time/-all-time when this is set too.
            pb.environment().remove("SOURCE_DATE_EPOCH");
            Process p = pb.start();
            p.getOutputStream().close();
            String output;
            try (InputStream in = p.getInputStream()) {
                output = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
            }
            boolean exited = p.waitFor(60, TimeUnit.SECONDS);
            if (!exited) {
                p.destroyForcibly();
                throw new PackFailure(mksquashfs + " did not finish within 60 s");
            }
            if (p.exitValue() != 0) {
                String last = output.isEmpty() ? "" : ": " + output.lines().reduce((a, b) -> b).orElse("");
                throw new PackFailure(mksquashfs + " exited with " + p.exitValue() + last);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PackFailure("interrupted while " + mksquashfs + " ran");
        } finally {
            deleteTree(staging);
        }
    }

    /** The image records each file's mode: fix them, or the umask would change the bytes. */
    private static void fixModes(Path root) throws IOException {
        Set<PosixFilePermission> dirMode = PosixFilePermissions.fromString("rwxr-xr-x");
        Set<PosixFilePermission> fileMode = PosixFilePermissions.fromString("rw-r--r--");
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : (Iterable<Path>) all::iterator) {
                Files.setPosixFilePermissions(p, Files.isDirectory(p) ? dirMode : fileMode);
            }
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
                if (e != null) {
                    throw e;
                }
                Files.delete(d);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
