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

import io.github.puavomirror.rdiff.SignatureOptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SIGKILLs a run in its own JVM at chosen events of the run (the child waits after each event
 * line, so the kill lands exactly there) and at seeded moments in between, then checks what a
 * client would see: every meta and CKSUMS entry describes a whole file that is there, and every
 * published name holds a whole version. The next run must then finish and pass a deep verify,
 * with the same metas, CKSUMS and listed files as a run that was never killed.
 */
class CrashSafetyTest {
    static final int IMAGES = 5;
    static final int SIZE = 120_000;
    private static final int EXACT_STRIDE_POINTS = 10;
    private static final int TIMED_KILLS = 4;
    private static final AtomicInteger KILLS = new AtomicInteger();

    @TempDir
    Path tmp;

    /** What the mirror held before the killed run, and what that run changes. */
    enum Scenario {
        /** An empty mirror. */
        FIRST_RUN,
        /** A fifth image added to a mirror of four: new names only. */
        NEW_IMAGE,
        /** Block size 128 to 256: every rdiff is rebuilt under its old name. */
        BLOCK_SIZE_CHANGE,
        /** Image 4 rebuilt with other bytes under the same name: the image and its rdiffs are replaced. */
        IMAGE_REPLACED
    }

    @ParameterizedTest
    @EnumSource(Scenario.class)
    void aKilledRunLeavesOnlyWholeFilesListed(Scenario scenario) throws Exception {
        Path gen = Files.createDirectories(tmp.resolve("gen"));
        List<Path> images = SampleSeries.write(gen, IMAGES, SIZE, 7);
        Path replacement = gen.resolve("replacement");
        Files.write(replacement, SampleSeries.evolve(Files.readAllBytes(images.get(2)), new Random(99)));
        Set<String> imageVersions = new HashSet<>();
        for (Path p : List.of(images.get(0), images.get(1), images.get(2), images.get(3), images.get(4), replacement)) {
            imageVersions.add(MirrorSnapshot.sha512(p));
        }

        // The mirror before the killed run is laid out once, at the path every run uses (the
        // job's state names image paths), then moved aside; each run gets a hard-linked copy,
        // so that files keep the inodes and mtimes the state knows them by.
        Path work = tmp.resolve("work");
        Path template = tmp.resolve("template");
        Map<String, String> options = prepare(scenario, gen, work);
        Files.move(work, template);
        MirrorSnapshot templateBefore = MirrorSnapshot.of(template);

        // An uninterrupted run gives the events and the rdiff versions that may appear.
        Map<String, Set<String>> rdiffVersions = new HashMap<>();
        linkCopy(template, work);
        addRdiffs(work, rdiffVersions);
        List<MirrorEvent> refEvents = new ArrayList<>();
        MirrorJob.run(request(work, options), e -> {
            synchronized (refEvents) {
                refEvents.add(e);
            }
        });
        addRdiffs(work, rdiffVersions);
        Map<String, String> expected = published(work);
        deleteTree(work);
        int lines = refEvents.size();

        List<int[]> points = new ArrayList<>();
        for (int k : exactPoints(refEvents)) {
            points.add(new int[] {k, -1});
        }
        Random r = new Random(scenario.ordinal());
        int lastRdiff = lastRdiffLine(refEvents);
        for (int i = 0; i < TIMED_KILLS; i++) {
            // Half of them land while metas and CKSUMS are written, the rest anywhere.
            int k = i % 2 == 0 ? lastRdiff : 1 + r.nextInt(lines - 1);
            points.add(new int[] {k, r.nextInt(i % 2 == 0 ? 4 : 15)});
        }

        Path mirror = work.resolve("images/mirror");
        for (int[] point : points) {
            linkCopy(template, work);
            String where = scenario + ", killed after line " + point[0]
                    + (point[1] >= 0 ? " + " + point[1] + " ms" : "");
            killAt(work, options, point[0], point[1]);
            KILLS.incrementAndGet();

            assertThat(PublishedCheck.all(mirror, imageVersions, rdiffVersions)).as(where).isEmpty();

            MirrorJob.run(request(work, options), MirrorListener.NONE);
            VerifyReport report = MirrorVerify.run(new VerifyRequest(mirror, true, "java", 2), MirrorListener.NONE);
            assertThat(report.problems()).as(where).isEmpty();
            assertThat(published(work)).as(where + ": after the next run").isEqualTo(expected);
            deleteTree(work);
        }
        // The runs share the template's inodes: any write into an existing file would show here.
        assertThat(MirrorSnapshot.of(template).changesSince(templateBefore)).isEmpty();
        System.out.println("CrashSafetyTest " + scenario + ": " + points.size() + " kill points ("
                + (points.size() - TIMED_KILLS) + " exact of " + lines + " event lines, " + TIMED_KILLS + " timed); " + KILLS.get() + " so far");
    }

    /** Lays out the mirror as it was before the run to be killed; returns that run's options. */
    static Map<String, String> prepare(Scenario s, Path gen, Path work) throws IOException {
        Path images = Files.createDirectories(work.resolve("images"));
        int first = s == Scenario.NEW_IMAGE ? IMAGES - 1 : IMAGES;
        for (int day = 1; day <= first; day++) {
            Files.copy(gen.resolve(SampleSeries.name(day)), images.resolve(SampleSeries.name(day)));
        }
        Map<String, String> base = Map.of("images", images.toString(), "block", "128");
        if (s == Scenario.FIRST_RUN) {
            return base;
        }
        MirrorJob.run(request(work, base), MirrorListener.NONE);
        switch (s) {
            case NEW_IMAGE -> Files.copy(gen.resolve(SampleSeries.name(IMAGES)), images.resolve(SampleSeries.name(IMAGES)));
            case BLOCK_SIZE_CHANGE -> {
                return Map.of("images", images.toString(), "block", "256");
            }
            case IMAGE_REPLACED -> {
                // A rebuilt image arrives as a new file (new inode), as a build tool writes it.
                Path next = images.resolve("next.tmp");
                Files.copy(gen.resolve("replacement"), next);
                Files.move(next, images.resolve(SampleSeries.name(4)), StandardCopyOption.REPLACE_EXISTING,
                        StandardCopyOption.ATOMIC_MOVE);
            }
            default -> throw new IllegalStateException(s.toString());
        }
        return base;
    }

    /** Copies a tree with every regular file hard-linked, except the job's state, which is copied. */
    static void linkCopy(Path from, Path to) throws IOException {
        try (Stream<Path> all = Files.walk(from)) {
            for (Path p : all.toList()) {
                Path q = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(q);
                } else if (p.getParent().getFileName().toString().equals(MirrorJob.STATE_DIR)) {
                    Files.copy(p, q, StandardCopyOption.COPY_ATTRIBUTES);
                } else {
                    Files.createLink(q, p);
                }
            }
        }
    }

    static MirrorRequest request(Path work, Map<String, String> options) {
        return MirrorRequest.builder(work.resolve("images")).engine("java").jobs(1)
                .signature(SignatureOptions.PUAVO_BOOKWORM.withBlockLength(Integer.parseInt(options.get("block"))))
                .build();
    }

    /** Runs the child until it has printed line {@code k}, then kills it (after {@code delayMs} if not negative). */
    private static void killAt(Path work, Map<String, String> options, int k, int delayMs) throws Exception {
        Map<String, String> opts = new TreeMap<>(options);
        opts.put("images", work.resolve("images").toString());
        opts.put("step", "true");
        try (ChildJob.Handle child = ChildJob.start(opts, 0)) {
            int n = 0;
            String line;
            while ((line = child.next()) != null) {
                if (!line.startsWith("E ")) {
                    throw new AssertionError("child ended before line " + k + ": " + child.lines);
                }
                if (++n == k) {
                    if (delayMs >= 0) {
                        child.go();
                        Thread.sleep(delayMs);
                    }
                    child.kill();
                    return;
                }
                child.go();
            }
            throw new AssertionError("child ended before line " + k + ": " + child.lines);
        }
    }

    /**
     * Event lines to kill after: every one that ends a write of metas or CKSUMS, the first
     * finished link and rdiff (a file in place that the state does not know yet), the plan and
     * the end, and a stride through the rest. Killing after every line would take minutes.
     */
    private static List<Integer> exactPoints(List<MirrorEvent> events) {
        int stride = Math.max(1, (events.size() + EXACT_STRIDE_POINTS - 1) / EXACT_STRIDE_POINTS);
        Set<MirrorEvent.Step> firstSeen = new HashSet<>();
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            MirrorEvent e = events.get(i);
            boolean pick = i % stride == 0 || e instanceof MirrorEvent.Planned || e instanceof MirrorEvent.Finished;
            if (e instanceof MirrorEvent.StepFinished f) {
                pick |= f.step() == MirrorEvent.Step.META || f.step() == MirrorEvent.Step.CKSUMS;
                pick |= firstSeen.add(f.step());
            }
            if (pick) {
                out.add(i + 1);
            }
        }
        return out;
    }

    private static int lastRdiffLine(List<MirrorEvent> events) {
        int last = 0;
        for (int i = 0; i < events.size(); i++) {
            if (events.get(i) instanceof MirrorEvent.StepFinished f && f.step() == MirrorEvent.Step.RDIFF) {
                last = i + 1;
            }
        }
        return last;
    }

    private static void addRdiffs(Path work, Map<String, Set<String>> versions) throws IOException {
        Path dir = work.resolve("images/mirror/rdiffs");
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : files.toList()) {
                versions.computeIfAbsent(p.getFileName().toString(), n -> new HashSet<>()).add(MirrorSnapshot.sha512(p));
            }
        }
    }

    /** The listed part of a mirror: metas, CKSUMS and every listed file, by name, as sha512s. */
    static Map<String, String> published(Path work) throws IOException {
        Path mirror = work.resolve("images/mirror");
        Map<String, String> out = new TreeMap<>();
        out.put("CKSUMS", MirrorSnapshot.sha512(mirror.resolve("CKSUMS")));
        try (Stream<Path> metas = Files.list(mirror.resolve("meta"))) {
            for (Path p : metas.toList()) {
                out.put("meta/" + p.getFileName(), MirrorSnapshot.sha512(p));
            }
        }
        for (String line : Files.readAllLines(mirror.resolve("CKSUMS"))) {
            String name = line.split(" ")[2];
            Path p = name.endsWith(".rdiff") ? mirror.resolve("rdiffs").resolve(name) : mirror.resolve(name);
            out.put(mirror.relativize(p).toString(), MirrorSnapshot.sha512(p));
        }
        return out;
    }

    static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
