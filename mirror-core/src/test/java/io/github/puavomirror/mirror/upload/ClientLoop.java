package io.github.puavomirror.mirror.upload;

import io.github.puavomirror.mirror.CksumsFile;
import io.github.puavomirror.mirror.MetaJson;

import java.io.IOException;
import java.io.InputStream;
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
 * A client reading a destination folder over and over while an upload runs: it reads CKSUMS and
 * every meta and checks that each file they name is there, whole, with the size (and for metas
 * the sha256) they give. A file that changed or went away after its list was read is only a
 * fault when the list still names it as it did (a client holding an old list is what the grace
 * period is for).
 */
final class ClientLoop implements AutoCloseable {
    private final Path root;
    private final List<String> faults = Collections.synchronizedList(new ArrayList<>());
    private final Thread thread;
    private volatile boolean stop;
    private volatile int passes;

    private ClientLoop(Path root) {
        this.root = root;
        this.thread = new Thread(this::loop, "client-loop");
        this.thread.setDaemon(true);
    }

    static ClientLoop start(Path root) {
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
        byte[] cksums = read(root.resolve("CKSUMS"));
        if (cksums != null) {
            for (CksumsFile.Entry e : CksumsFile.parse(new String(cksums, StandardCharsets.UTF_8), "CKSUMS")) {
                String path = e.name().endsWith(".rdiff") ? "rdiffs/" + e.name() : e.name();
                String fault = check(path, e.size(), null);
                if (fault != null && Arrays.equals(cksums, read(root.resolve("CKSUMS")))) {
                    faults.add("CKSUMS: " + fault);
                }
            }
        }
        Path metaDir = root.resolve("meta");
        if (!Files.isDirectory(metaDir)) {
            return;
        }
        List<Path> metas = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(metaDir, "*.json")) {
            ds.forEach(metas::add);
        }
        for (Path meta : metas) {
            byte[] bytes = read(meta);
            if (bytes == null) {
                faults.add(meta.getFileName() + ": vanished");
                continue;
            }
            for (MetaJson.Image image : MetaJson.parse(bytes, meta.toString()).images()) {
                List<String> found = new ArrayList<>();
                found.add(check(image.filename(), image.size(), image.sha256()));
                for (MetaJson.Diff d : image.diffs()) {
                    found.add(check("rdiffs/" + d.filename(), d.size(), d.sha256()));
                }
                found.removeIf(f -> f == null);
                if (!found.isEmpty() && Arrays.equals(bytes, read(meta))) {
                    faults.add(meta.getFileName() + ": " + found);
                }
            }
        }
    }

    /** What is wrong with the file at {@code path}, or null. */
    private String check(String path, long size, String sha256) throws IOException {
        Path file = root.resolve(path);
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[1 << 16];
            long n = 0;
            for (int r = in.read(buf); r >= 0; r = in.read(buf)) {
                md.update(buf, 0, r);
                n += r;
            }
            if (n != size) {
                return path + " has " + n + " bytes, not " + size;
            }
            if (sha256 != null && !HexFormat.of().formatHex(md.digest()).equals(sha256)) {
                return path + ": sha256 differs";
            }
            return null;
        } catch (NoSuchFileException e) {
            return path + " missing";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] read(Path file) throws IOException {
        try {
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return null;
        }
    }
}
