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

import io.github.puavomirror.mirror.CksumsFile;
import io.github.puavomirror.mirror.MetaJson;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;

/**
 * A client reading a destination over and over while an upload runs: it reads CKSUMS and
 * every meta and checks that each file they name is there, whole, with the size (and for metas
 * the sha256) they give. A file that changed or went away after its list was read is only a
 * fault when the list still names it as it did (a client holding an old list is what the grace
 * period is for).
 */
final class ClientLoop implements AutoCloseable {
    /** How the client reads the destination: a file's bytes (null when missing) and the metas there. */
    interface Served {
        byte[] get(String path) throws IOException;

        List<String> metas() throws IOException;

        /** A folder served as it is. */
        static Served folder(Path root) {
            return new Served() {
                @Override
                public byte[] get(String path) throws IOException {
                    try {
                        return Files.readAllBytes(root.resolve(path));
                    } catch (NoSuchFileException e) {
                        return null;
                    }
                }

                @Override
                public List<String> metas() throws IOException {
                    List<String> out = new ArrayList<>();
                    if (Files.isDirectory(root.resolve("meta"))) {
                        try (DirectoryStream<Path> ds = Files.newDirectoryStream(root.resolve("meta"), "*.json")) {
                            ds.forEach(p -> out.add("meta/" + p.getFileName()));
                        }
                    }
                    return out;
                }
            };
        }
    }

    private final Served root;
    private final List<String> faults = Collections.synchronizedList(new ArrayList<>());
    private final Thread thread;
    private volatile boolean stop;
    private volatile int passes;

    private ClientLoop(Served root) {
        this.root = root;
        this.thread = new Thread(this::loop, "client-loop");
        this.thread.setDaemon(true);
    }

    static ClientLoop start(Path folder) {
        return start(Served.folder(folder));
    }

    static ClientLoop start(Served root) {
        ClientLoop c = new ClientLoop(root);
        c.thread.start();
        return c;
    }

    /** Stops after one more whole pass and returns the faults seen. */
    List<String> stop() throws InterruptedException {
        int seen = passes;
        while (passes < seen + 2 && thread.isAlive()) {
            Thread.sleep(5);
        }
        stop = true;
        thread.join();
        return List.copyOf(faults);
    }

    int passes() {
        return passes;
    }

    @Override
    public void close() throws InterruptedException {
        stop = true;
        thread.join();
    }

    private void loop() {
        while (!stop) {
            try {
                pass();
            } catch (IOException | RuntimeException e) {
                faults.add("client failed: " + e);
            }
            passes++;
            try {
                // Leave the CPU to the upload under test; a pass still runs every few milliseconds.
                Thread.sleep(5);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void pass() throws IOException {
        byte[] cksums = root.get("CKSUMS");
        if (cksums != null) {
            for (CksumsFile.Entry e : CksumsFile.parse(new String(cksums, StandardCharsets.UTF_8), "CKSUMS")) {
                String path = e.name().endsWith(".rdiff") ? "rdiffs/" + e.name() : e.name();
                String fault = check(path, e.size(), null);
                if (fault != null && Arrays.equals(cksums, root.get("CKSUMS"))) {
                    faults.add("CKSUMS: " + fault);
                }
            }
        }
        for (String meta : root.metas()) {
            byte[] bytes = root.get(meta);
            if (bytes == null) {
                faults.add(meta + ": vanished");
                continue;
            }
            for (MetaJson.Image image : MetaJson.parse(bytes, meta).images()) {
                List<String> found = new ArrayList<>();
                found.add(check(image.filename(), image.size(), image.sha256()));
                for (MetaJson.Diff d : image.diffs()) {
                    found.add(check("rdiffs/" + d.filename(), d.size(), d.sha256()));
                }
                found.removeIf(f -> f == null);
                if (!found.isEmpty() && Arrays.equals(bytes, root.get(meta))) {
                    faults.add(meta + ": " + found);
                }
            }
        }
    }

    /** What is wrong with the file at {@code path}, or null. */
    private String check(String path, long size, String sha256) throws IOException {
        byte[] bytes = root.get(path);
        if (bytes == null) {
            return path + " missing";
        }
        if (bytes.length != size) {
            return path + " has " + bytes.length + " bytes, not " + size;
        }
        try {
            if (sha256 != null && !HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes))
                    .equals(sha256)) {
                return path + ": sha256 differs";
            }
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        return null;
    }
}
