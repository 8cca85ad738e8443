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

import io.github.puavomirror.mirror.ChecksumSink;
import io.github.puavomirror.mirror.Checksums;
import io.github.puavomirror.mirror.CksumsFile;
import io.github.puavomirror.mirror.FileChecksums;
import io.github.puavomirror.mirror.MetaJson;
import io.github.puavomirror.mirror.MirrorFormatException;
import io.github.puavomirror.mirror.Names;
import io.github.puavomirror.mirror.job.MirrorEvent.Step;
import io.github.puavomirror.mirror.job.VerifyReport.Problem;
import io.github.puavomirror.rdiff.RdiffEngine;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Checks a published mirror the way its clients depend on it: every meta and CKSUMS entry names
 * a file that is there with that size, cksum, sha256 and sha512; every rdiff's source version is
 * an image of its series; and (with {@code deep}) every rdiff applied to its source gives its
 * target. Each file is read once, in parallel, however many entries name it.
 */
public final class MirrorVerify {
    private static final int IO_BUFFER = 1 << 20;

    private final VerifyRequest request;
    private final MirrorListener events;
    private final MirrorLayout layout;
    private final Path mirrorDir;
    private final List<Problem> problems = Collections.synchronizedList(new ArrayList<>());
    private final List<String> warnings = Collections.synchronizedList(new ArrayList<>());
    /** Checksums the job recorded, by the identity of the file they were taken from. */
    private final Map<MirrorState.Identity, Checksums> known;

    private MirrorVerify(VerifyRequest request, MirrorListener events, Map<MirrorState.Identity, Checksums> known) {
        this.request = request;
        this.events = events;
        this.layout = new MirrorLayout(request.mirrorDirectory());
        this.mirrorDir = layout.root();
        this.known = known;
    }

    /** What one entry says a file is: where the claim comes from, and the values it states. */
    private record Claim(String source, long size, Long cksum, String sha256, String sha512) {
    }

    /** An rdiff to apply in a deep check: its file, its source image and the target's sha512 and size. */
    private record Application(Path rdiff, Path source, String targetName, long targetSize, String targetSha512) {
    }

    /**
     * @throws MirrorException when the mirror folder is missing (a usage error) or cannot be listed
     */
    public static VerifyReport run(VerifyRequest request, MirrorListener listener) throws MirrorException {
        request.check();
        return run(new MirrorVerify(request, listener, Map.of()));
    }

    /**
     * Like {@link #run}, but takes a file's checksums from the job's state instead of reading it
     * when the file is the one they were recorded for (same size, mtime and inode): what upload
     * checks before it sends, without hashing every image again.
     */
    public static VerifyReport runFromJobState(VerifyRequest request, MirrorListener listener) throws MirrorException {
        request.check();
        MirrorState state = MirrorState.load(new MirrorLayout(request.mirrorDirectory()).stateFile());
        Map<MirrorState.Identity, Checksums> known = new HashMap<>();
        state.images.values().forEach(r -> {
            known.put(r.identity(), r.sums());
            if (r.published() != null) {
                known.put(r.published(), r.sums());
            }
        });
        state.rdiffs.values().forEach(r -> known.put(r.published(), r.sums()));
        return run(new MirrorVerify(request, listener, known));
    }

    private static VerifyReport run(MirrorVerify v) throws MirrorException {
        try {
            return v.execute();
        } catch (MirrorException e) {
            throw e;
        } catch (IOException e) {
            throw new MirrorException(IoErrors.describe(e), e);
        }
    }

    private VerifyReport execute() throws IOException {
        RequestChecks.requireFolder(JobParameter.MIRROR_DIRECTORY, mirrorDir);
        for (Path dir : List.of(layout.metaDir(), layout.rdiffsDir())) {
            MirrorLayout.notAFolder(dir).ifPresent(p -> problems.add(new Problem(dir, p)));
        }
        Map<Path, List<Claim>> claims = new LinkedHashMap<>();
        List<Application> applications = new ArrayList<>();
        int metas = 0;
        for (Path metaFile : layout.metaFiles()) {
            MetaJson.Series series;
            try {
                series = MetaJson.read(metaFile);
            } catch (MirrorFormatException e) {
                problems.add(new Problem(metaFile, "unreadable meta: " + e.getMessage()));
                continue;
            }
            metas++;
            String expected = MetaJson.fileName(series.name());
            if (!metaFile.getFileName().toString().equals(expected)) {
                problems.add(new Problem(metaFile, "describes series " + series.name() + ", so it should be named "
                        + expected));
            }
            claimSeries(metaFile, series, claims, applications);
        }
        Set<Path> listedByMetas = Set.copyOf(claims.keySet());
        Path cksums = layout.cksumsFile();
        if (Files.isRegularFile(cksums)) {
            try {
                for (CksumsFile.Entry e : CksumsFile.read(cksums)) {
                    claims.computeIfAbsent(layout.published(e.name()), k -> new ArrayList<>())
                            .add(new Claim(MirrorLayout.CKSUMS_FILE, e.size(), e.cksum(), null, null));
                }
            } catch (MirrorFormatException e) {
                problems.add(new Problem(cksums, "unreadable: " + e.getMessage()));
            }
        } else if (metas > 0) {
            problems.add(new Problem(cksums, "missing, although meta/ lists series"));
        }
        AtomicLong bytes = new AtomicLong();
        Map<Path, Checksums> actual = checksum(claims, bytes);
        claims.forEach((file, list) -> compare(file, list, actual.get(file)));
        int applied = 0;
        if (request.deep()) {
            applied = apply(applications, actual);
        }
        for (MirrorLayout.Unlisted u : layout.unlisted(listedByMetas)) {
            warn(u.file() + ": " + (u.temporary() ? "temporary file left by an interrupted run"
                    : "published, but no meta lists it") + " (prune removes it)");
        }
        List<Problem> sorted = new ArrayList<>(problems);
        sorted.sort((a, b) -> a.file().compareTo(b.file()));
        return new VerifyReport(sorted, warnings, actual.size(), bytes.get(), applied);
    }

    private void claimSeries(Path metaFile, MetaJson.Series series, Map<Path, List<Claim>> claims,
                             List<Application> applications) {
        String source = mirrorDir.relativize(metaFile).toString();
        Map<String, MetaJson.Image> byVersion = new HashMap<>();
        for (MetaJson.Image image : series.images()) {
            byVersion.putIfAbsent(image.version(), image);
        }
        for (MetaJson.Image image : series.images()) {
            if (outside(metaFile, "image", image.filename())) {
                continue;
            }
            Path imageFile = layout.image(image.filename());
            claims.computeIfAbsent(imageFile, k -> new ArrayList<>()).add(new Claim(source, image.size(),
                    cksum(imageFile, source, image.cksum()), image.sha256(), image.sha512()));
            for (MetaJson.Diff diff : image.diffs()) {
                if (outside(metaFile, "rdiff", diff.filename())) {
                    continue;
                }
                Path rdiff = layout.rdiff(diff.filename());
                claims.computeIfAbsent(rdiff, k -> new ArrayList<>()).add(new Claim(source, diff.size(),
                        cksum(rdiff, source, diff.cksum()), diff.sha256(), diff.sha512()));
                MetaJson.Image from = byVersion.get(diff.version());
                if (from == null) {
                    // Upstream's extra_rdiffs may come from images outside the list: laptops fetch
                    // them by name, boot servers skip them. Not wrong, but worth knowing.
                    warn(rdiff + ": its source version " + diff.version() + " is not an image of series "
                            + series.name() + " in " + source + " (boot servers skip it; a deep check cannot apply it)");
                } else if (from == image) {
                    problems.add(new Problem(rdiff, "its source version " + diff.version() + " is its own target"));
                } else if (MirrorLayout.listedNameProblem(from.filename()).isEmpty()) {
                    applications.add(new Application(rdiff, layout.image(from.filename()), image.filename(),
                            image.size(), image.sha512()));
                }
            }
        }
    }

    /** A meta's cksum string as a number, or null (with a problem) when it is not the decimal CRC clients expect. */
    private Long cksum(Path file, String source, String value) {
        if (value.matches("(0|[1-9][0-9]{0,9})") && Long.parseLong(value) <= 0xffffffffL) {
            return Long.parseLong(value);
        }
        problems.add(new Problem(file, source + " gives cksum \"" + value + "\", which is not a decimal POSIX cksum"));
        return null;
    }

    private Map<Path, Checksums> checksum(Map<Path, List<Claim>> claims, AtomicLong bytes) throws IOException {
        Map<Path, Checksums> out = Collections.synchronizedMap(new HashMap<>());
        List<Callable<Void>> work = new ArrayList<>();
        for (Path file : claims.keySet()) {
            if (!Files.isRegularFile(file)) {
                problems.add(new Problem(file, Files.exists(file) ? "is not a regular file" : "missing, but listed in "
                        + claims.get(file).get(0).source()));
                continue;
            }
            work.add(() -> {
                long t0 = System.nanoTime();
                Checksums sums;
                try {
                    sums = known.isEmpty() ? null : known.get(MirrorState.Identity.of(file));
                    if (sums == null) {
                        sums = FileChecksums.compute(file);
                    }
                } catch (IOException e) {
                    problems.add(new Problem(file, "cannot be read: " + IoErrors.describe(e)));
                    return null;
                }
                bytes.addAndGet(sums.size());
                out.put(file, sums);
                events.on(new MirrorEvent.StepFinished(Step.CHECKSUM, mirrorDir.relativize(file).toString(), sums.size(),
                        System.nanoTime() - t0, false));
                return null;
            });
        }
        Parallel.run(work, request.jobs());
        return out;
    }

    private void compare(Path file, List<Claim> list, Checksums got) {
        if (got == null) {
            return;
        }
        for (Claim c : list) {
            if (got.size() != c.size()) {
                problems.add(new Problem(file, "size is " + got.size() + ", but " + c.source() + " says " + c.size()));
            } else if (c.cksum() != null && got.cksum() != c.cksum()) {
                problems.add(new Problem(file, "cksum is " + got.cksum() + ", but " + c.source() + " says " + c.cksum()));
            } else if (c.sha256() != null && !got.sha256().equals(c.sha256())) {
                problems.add(new Problem(file, "sha256 differs from " + c.source()));
            } else if (c.sha512() != null && !got.sha512().equals(c.sha512())) {
                problems.add(new Problem(file, "sha512 differs from " + c.source()));
            }
        }
    }

    /** Applies each intact rdiff to its intact source; returns how many were applied. */
    private int apply(List<Application> applications, Map<Path, Checksums> actual) throws IOException {
        RdiffEngine engine = RequestChecks.engine(request.engine(), events, null);
        Set<Path> done = Collections.synchronizedSet(new TreeSet<>());
        List<Callable<Void>> work = new ArrayList<>();
        for (Application a : applications) {
            // A file already found wrong would only repeat its problem; check what is intact.
            if (!actual.containsKey(a.rdiff()) || !actual.containsKey(a.source()) || hasProblem(a.rdiff())
                    || hasProblem(a.source())) {
                continue;
            }
            work.add(() -> {
                long t0 = System.nanoTime();
                ChecksumSink result = new ChecksumSink();
                try (FileChannel basis = FileChannel.open(a.source(), StandardOpenOption.READ);
                     InputStream delta = new BufferedInputStream(Files.newInputStream(a.rdiff()), IO_BUFFER);
                     OutputStream out = result.wrap(OutputStream.nullOutputStream())) {
                    engine.patch(basis, delta, out);
                } catch (IOException e) {
                    problems.add(new Problem(a.rdiff(), "applying it to " + a.source().getFileName() + " fails: "
                            + e.getMessage()));
                    return null;
                }
                Checksums got = result.finish();
                if (got.size() != a.targetSize() || !got.sha512().equals(a.targetSha512())) {
                    problems.add(new Problem(a.rdiff(), "applied to " + a.source().getFileName() + " it does not give "
                            + a.targetName() + " (sha512 differs)"));
                }
                done.add(a.rdiff());
                events.on(new MirrorEvent.StepFinished(Step.RDIFF, mirrorDir.relativize(a.rdiff()).toString(),
                        got.size(), System.nanoTime() - t0, false));
                return null;
            });
        }
        Parallel.run(work, request.jobs());
        return done.size();
    }

    private boolean hasProblem(Path file) {
        synchronized (problems) {
            return problems.stream().anyMatch(p -> p.file().equals(file));
        }
    }

    /**
     * Whether a meta lists {@code name} as a file that cannot be in the mirror (such as
     * {@code ../../etc/passwd}); such a name is reported, never opened.
     */
    private boolean outside(Path metaFile, String kind, String name) {
        Optional<String> problem = MirrorLayout.listedNameProblem(name);
        problem.ifPresent(p -> problems.add(new Problem(metaFile, "lists " + kind + " " + Names.quote(name)
                + ", which is not a file name in the mirror (" + p + "); it was not opened")));
        return problem.isPresent();
    }

    /** A warning line, with control characters in names escaped so that it stays one line. */
    private void warn(String line) {
        warnings.add(Names.escape(line));
    }
}
