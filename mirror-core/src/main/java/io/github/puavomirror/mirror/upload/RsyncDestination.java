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

import io.github.puavomirror.mirror.job.MirrorException;
import io.github.puavomirror.mirror.job.MirrorJob;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A server reached by the system {@code rsync} over ssh, as operators upload today: their ssh
 * config, agent and known_hosts apply, and nothing here touches keys. rsync's receiver writes
 * each file under a temporary name and renames it when whole; an interrupted image is kept in
 * {@value #PARTIAL_DIR} beside its folder (never under its name) and the next run continues it.
 */
final class RsyncDestination implements Destination {
    static final String PARTIAL_DIR = ".rsync-partial";
    /** One of rsync's progress lines ({@code --info=progress1}): bytes so far, percent, rate, time left. */
    private static final Pattern PROGRESS = Pattern.compile("\\s*([0-9]+)\\s+[0-9]{1,3}%.*");

    private final String name;
    private final String remoteRoot;
    private final String path;
    private final String rsh;
    private final String bwlimit;
    private final Path mirrorDir;
    private final Path scratch;

    /**
     * @param host     {@code [user@]host}
     * @param port     the ssh port, or -1 for the ssh config's
     * @param stateDir where scratch folders (fetched metas, files to send, an empty folder) go
     */
    RsyncDestination(String name, String host, String path, int port, UploadRequest request, Path mirrorDir,
                     Path stateDir) {
        this.name = name;
        this.path = path;
        this.remoteRoot = host + ":" + (path.endsWith("/") ? path : path + "/");
        String shell = request.rsh() != null ? request.rsh() : System.getenv("RSYNC_RSH");
        if (port > 0) {
            shell = (shell == null || shell.isBlank() ? "ssh" : shell) + " -p " + port;
        }
        this.rsh = shell;
        this.bwlimit = request.bwlimit();
        this.mirrorDir = mirrorDir;
        this.scratch = stateDir.resolve("rsync");
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String rootPath() {
        return path;
    }

    @Override
    public Listing list() throws IOException {
        Map<String, RemoteFile> files = new TreeMap<>();
        Set<String> others = new TreeSet<>();
        // Only the top level, rdiffs/ and meta/: nothing else of the server is ours to look at.
        Result r = rsync(List.of("--list-only", "-r", "--no-human-readable", "--include=/" + MirrorJob.RDIFFS_DIR + "/",
                "--include=/" + MirrorJob.META_DIR + "/", "--exclude=*/", remoteRoot), null);
        if (r.status != 0) {
            if (r.status == 23 && r.errors.stream().anyMatch(l -> l.contains("No such file or directory"))) {
                return new Listing(files, others, new TreeMap<>(), null);
            }
            throw r.failure("cannot list");
        }
        for (String line : r.output) {
            String[] f = line.trim().split("\\s+", 5);
            if (f.length == 5 && f[0].startsWith("-") && f[1].matches("[0-9]+")) {
                files.put(f[4], new RemoteFile(Long.parseLong(f[1]), null));
            } else if (f.length == 5 && !f[4].equals(".")) {
                others.add(f[4].replaceFirst(" -> .*", ""));
            }
        }
        Map<String, byte[]> metas = new TreeMap<>();
        byte[] cksums = null;
        if (files.keySet().stream().anyMatch(p -> isMeta(p) || p.equals(MirrorJob.CKSUMS_FILE))) {
            Path fetched = freshScratch("fetched");
            try {
                rsync(List.of("-r", "--include=/" + MirrorJob.META_DIR + "/", "--include=/" + MirrorJob.META_DIR + "/*.json",
                        "--include=/" + MirrorJob.CKSUMS_FILE, "--exclude=*", remoteRoot, fetched + "/"), null)
                        .check("cannot fetch meta/ and CKSUMS");
                for (String p : files.keySet()) {
                    Path local = fetched.resolve(p);
                    if (isMeta(p) && Files.isRegularFile(local)) {
                        metas.put(p, Files.readAllBytes(local));
                    } else if (p.equals(MirrorJob.CKSUMS_FILE) && Files.isRegularFile(local)) {
                        cksums = Files.readAllBytes(local);
                    }
                }
            } finally {
                deleteTree(fetched);
            }
        }
        return new Listing(files, others, metas, cksums);
    }

    private static boolean isMeta(String p) {
        return p.startsWith(MirrorJob.META_DIR + "/") && p.endsWith(".json");
    }

    @Override
    public void send(List<Transfer> transfers, SendListener listener) throws IOException {
        // Files nobody vouches for are compared by checksum; every other one is sent even when size
        // and mtime agree, since its bytes are known to differ (rsync still only sends what differs).
        sendGroup(transfers, Transfer::compareFirst, "--checksum", listener);
        sendGroup(transfers, t -> !t.compareFirst(), "--ignore-times", listener);
    }

    private void sendGroup(List<Transfer> transfers, Predicate<Transfer> which, String compare,
                           SendListener listener) throws IOException {
        List<Transfer> group = transfers.stream().filter(which).toList();
        if (group.isEmpty()) {
            return;
        }
        Map<String, Transfer> byPath = new HashMap<>();
        group.forEach(t -> byPath.put(t.path(), t));
        // rsync names each file (%n) before its data, since the format asks for no byte counts, then
        // reports how far it got in lines of its own, the last one with "(xfr#" once the file is sent.
        List<String> args = new ArrayList<>(List.of("-t", compare, "--partial-dir=" + PARTIAL_DIR, "--out-format=%n",
                "--info=progress1", "--no-human-readable"));
        if (bwlimit != null) {
            args.add("--bwlimit=" + bwlimit);
        }
        Transfer[] current = new Transfer[1];
        transferList(args, mirrorDir, group.stream().map(Transfer::path).toList(), line -> {
            Transfer named = byPath.get(line.trim());
            Matcher progress = PROGRESS.matcher(line);
            if (named != null) {
                current[0] = named;
            } else if (current[0] != null && progress.matches()) {
                listener.progress(current[0], Long.parseLong(progress.group(1)));
                if (line.contains("(xfr#")) {
                    listener.done(current[0]);
                    current[0] = null;
                }
            }
        });
    }

    @Override
    public void write(List<SmallFile> files) throws IOException {
        Path staged = freshScratch("staged");
        try {
            for (SmallFile f : files) {
                Path p = staged.resolve(f.path());
                Files.createDirectories(p.getParent());
                Files.write(p, f.content());
            }
            transferList(new ArrayList<>(List.of("-I")), staged, files.stream().map(SmallFile::path).toList(), l -> {
            });
        } finally {
            deleteTree(staged);
        }
    }

    /** One rsync of the listed paths under {@code from} to the root, each renamed into place when whole. */
    private void transferList(List<String> args, Path from, List<String> paths, Consumer<String> output)
            throws IOException {
        Files.createDirectories(scratch);
        Path list = Files.createTempFile(scratch, "files", ".txt");
        try {
            Files.write(list, paths);
            args.add("--files-from=" + list);
            args.add(from + "/");
            args.add(remoteRoot);
            rsync(args, output).check("upload failed");
        } finally {
            Files.deleteIfExists(list);
        }
    }

    @Override
    public void delete(List<String> paths) throws IOException {
        Map<String, List<String>> byDir = new TreeMap<>();
        for (String p : paths) {
            int slash = p.lastIndexOf('/');
            byDir.computeIfAbsent(slash < 0 ? "" : p.substring(0, slash + 1), k -> new ArrayList<>())
                    .add(p.substring(slash + 1));
        }
        Path empty = freshScratch("empty");
        try {
            for (Map.Entry<String, List<String>> e : byDir.entrySet()) {
                // An empty folder synced with --delete onto the server's, with only these names
                // included: every other file is excluded and so kept.
                List<String> args = new ArrayList<>(List.of("-d", "--delete"));
                e.getValue().forEach(n -> args.add("--include=/" + n));
                args.add("--exclude=*");
                args.add(empty + "/");
                args.add(remoteRoot + e.getKey());
                rsync(args, null).check("cannot delete");
            }
        } finally {
            deleteTree(empty);
        }
    }

    private Path freshScratch(String what) throws IOException {
        Files.createDirectories(scratch);
        return Files.createTempDirectory(scratch, what);
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    /** An rsync run's exit status, output lines and error lines. */
    private final class Result {
        final int status;
        final List<String> output;
        final List<String> errors;

        Result(int status, List<String> output, List<String> errors) {
            this.status = status;
            this.output = output;
            this.errors = errors;
        }

        void check(String what) throws MirrorException {
            if (status != 0) {
                throw failure(what);
            }
        }

        /**
         * One line: ssh's own complaint when there is one (the host, the key), else rsync's first,
         * since its later lines only repeat that the connection ended.
         */
        MirrorException failure(String what) {
            String reason = errors.stream().filter(l -> l.startsWith("ssh:") || l.contains("Permission denied")
                    || l.contains("Could not resolve")).findFirst()
                    .orElse(errors.stream().filter(l -> !l.isBlank()).findFirst().orElse("rsync exited with " + status));
            return new MirrorException(name + ": " + what + ": " + reason.trim());
        }
    }

    private Result rsync(List<String> args, Consumer<String> outputLine) throws IOException {
        List<String> command = new ArrayList<>();
        command.add("rsync");
        if (rsh != null && !rsh.isBlank()) {
            command.add("--rsh=" + rsh);
        }
        command.addAll(args);
        Process p;
        try {
            p = new ProcessBuilder(command).start();
        } catch (IOException e) {
            throw new MirrorException(name + ": cannot run rsync: " + e.getMessage(), e);
        }
        p.getOutputStream().close();
        CompletableFuture<List<String>> errors = CompletableFuture.supplyAsync(() -> lines(p.getErrorStream()));
        List<String> out = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                out.add(line);
                if (outputLine != null) {
                    outputLine.accept(line);
                }
            }
        }
        try {
            return new Result(p.waitFor(), out, errors.join());
        } catch (InterruptedException e) {
            p.destroy();
            Thread.currentThread().interrupt();
            throw new MirrorException(name + ": interrupted", e);
        }
    }

    private static List<String> lines(java.io.InputStream in) {
        List<String> lines = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                lines.add(line);
            }
        } catch (IOException e) {
            lines.add(e.getMessage());
        }
        return lines;
    }
}
