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
package io.github.puavomirror.mirror.sync;

import io.github.puavomirror.mirror.ExternalTools;
import io.github.puavomirror.mirror.http.DroppingProxy;
import io.github.puavomirror.mirror.http.LaptopFlow;
import io.github.puavomirror.mirror.http.NginxServer;
import io.github.puavomirror.mirror.job.MirrorBusyException;
import io.github.puavomirror.mirror.job.MirrorEvent;
import io.github.puavomirror.mirror.job.MirrorException;
import io.github.puavomirror.mirror.job.MirrorJob;
import io.github.puavomirror.mirror.job.MirrorListener;
import io.github.puavomirror.mirror.job.MirrorLock;
import io.github.puavomirror.mirror.job.MirrorVerify;
import io.github.puavomirror.mirror.job.PublishedMirrors;
import io.github.puavomirror.mirror.job.VerifyReport;
import io.github.puavomirror.mirror.job.VerifyRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static io.github.puavomirror.mirror.job.PublishedMirrors.image;
import static io.github.puavomirror.mirror.job.PublishedMirrors.rdiff;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * sync against Debian's nginx serving a mirror that update-repository made: what it downloads
 * (from nginx's access log), what it publishes (byte for byte against upstream's), and one clear
 * line for each fault, with the local mirror unchanged and {@code verify --deep} passing.
 */
class SyncTest {
    private static final String UPSTREAM_URL = "https://upstream.example.org";
    private static final String LOCAL_URL = "https://mirror.example.net";
    private static final int SIZE = 300_000;
    private static final long SEED = 7;

    @TempDir
    Path tmp;
    private Path upstreamImages;
    private Path upstream;
    private Path local;
    private NginxServer nginx;
    private final List<MirrorEvent> events = Collections.synchronizedList(new ArrayList<>());
    private final MirrorListener listener = events::add;

    @BeforeEach
    void upstreamMirror() throws Exception {
        upstreamImages = Files.createDirectories(tmp.resolve("upstream-images"));
        upstream = tmp.resolve("upstream");
        local = tmp.resolve("local");
        PublishedMirrors.writeImages(upstreamImages, 3, SIZE, SEED);
        PublishedMirrors.publish(upstreamImages, upstream, UPSTREAM_URL);
    }

    @AfterEach
    void stop() throws InterruptedException {
        if (nginx != null) {
            nginx.close();
        }
    }

    private void serve(String directives) throws Exception {
        nginx = NginxServer.start(upstream, tmp.resolve("nginx"), directives);
    }

    private SyncRequest.Builder request(String url) {
        return SyncRequest.builder(url, local).repositoryUrl(LOCAL_URL).jobs(2);
    }

    /** Upstream publishes image 4 and no longer lists image 1. */
    private void upstreamMovesOn() throws Exception {
        PublishedMirrors.writeImages(upstreamImages, 4, SIZE, SEED);
        Files.delete(upstreamImages.resolve(image(1)));
        PublishedMirrors.publish(upstreamImages, upstream, UPSTREAM_URL);
    }

    @Test
    void rebuildsTheNewImageFromAnRdiffAndPublishesUpstreamsMirror() throws Exception {
        serve(null);
        SyncSummary first = SyncJob.run(request(nginx.url()).build(), listener);
        // Upstream's rdiffs go from every image into every other: only the oldest comes whole.
        assertThat(first.fetchedWhole()).containsExactly(image(1));
        assertThat(first.rebuilt()).containsExactly(image(2), image(3));
        assertThat(nginx.requests()).noneMatch(r -> r.contains("/" + image(2) + " ") || r.contains("/" + image(3) + " "));
        assertSameAsUpstream();

        upstreamMovesOn();
        int before = nginx.requests().size();
        SyncSummary second = SyncJob.run(request(nginx.url()).build(), listener);
        List<String> requests = nginx.requests().subList(before, nginx.requests().size());
        assertThat(second.rebuilt()).containsExactly(image(4));
        assertThat(second.fetchedWhole()).isEmpty();
        assertThat(requests).noneMatch(r -> r.contains("/" + image(4) + " "));
        assertThat(requests).contains("GET /rdiffs/" + rdiff(2, 4) + " 200 \"-\"", "GET /rdiffs/" + rdiff(3, 4)
                + " 200 \"-\"");
        assertThat(second.bytesDownloaded()).isLessThan(SIZE);
        assertSameAsUpstream();
        assertThat(local.resolve(image(1))).as("dropped upstream, kept until prune").exists();
        assertDeepVerifyPasses();

        Object published = PublishedMirrors.snapshot(local);
        before = nginx.requests().size();
        SyncSummary third = SyncJob.run(request(nginx.url()).build(), listener);
        assertThat(third.filesWritten()).isZero();
        assertThat(third.fetchedWhole()).isEmpty();
        assertThat(third.rebuilt()).isEmpty();
        assertThat(PublishedMirrors.snapshot(local)).isEqualTo(published);
        assertThat(nginx.requests().subList(before, nginx.requests().size())).containsExactly(
                "GET /CKSUMS 304 \"-\"", "GET /meta/" + PublishedMirrors.SERIES + ".json 304 \"-\"");
        assertThat(third.summaryLine()).startsWith("1 series, 3 images: 0 fetched whole, 0 rebuilt from rdiffs");
    }

    @Test
    void aLaptopUpdatesFromTheSyncedMirrorServedByNginx() throws Exception {
        LaptopFlow laptop = new LaptopFlow(tmp.resolve("laptop"), PublishedMirrors.SERIES);
        serve(null);
        SyncJob.run(request(nginx.url()).build(), listener);
        try (NginxServer served = NginxServer.start(local, tmp.resolve("nginx-local"), null)) {
            laptop.update(served, local, local.resolve(image(2)), rdiff(2, 3), image(3));
            assertThat(laptop.imageField(image(3), "urls[0]")).isEqualTo(LOCAL_URL + "/" + image(3));
        }
    }

    @Test
    void keepsOnlyTheNewestImagesWithEveryRdiffIntoThem() throws Exception {
        serve(null);
        SyncSummary s = SyncJob.run(request(nginx.url()).keep(1).build(), listener);
        assertThat(s.fetchedWhole()).containsExactly(image(3));
        String meta = Files.readString(local.resolve("meta/" + PublishedMirrors.SERIES + ".json"));
        assertThat(meta).doesNotContain("\"filename\":\"" + image(1)).doesNotContain("\"filename\":\"" + image(2))
                .contains(rdiff(1, 3), rdiff(2, 3));
        assertThat(local.resolve(image(2))).doesNotExist();
        assertThat(local.resolve("rdiffs").resolve(rdiff(1, 3))).hasSameBinaryContentAs(
                upstream.resolve("rdiffs").resolve(rdiff(1, 3)));
        assertDeepVerifyPasses();
    }

    @Test
    void keepsTheSeriesThatUpdateRepositoryPublishesIntoTheSameMirror() throws Exception {
        serve(null);
        Path ownImages = Files.createDirectories(tmp.resolve("own-images"));
        PublishedMirrors.writeImages(ownImages, "puavo-os-own-bookworm", 2, 50_000, 3);
        PublishedMirrors.publish(ownImages, local, LOCAL_URL);
        byte[] ownMeta = Files.readAllBytes(local.resolve("meta/puavo-os-own-bookworm-amd64.json"));
        SyncJob.run(request(nginx.url()).build(), listener);
        List<String> cksums = Files.readAllLines(local.resolve("CKSUMS"));
        assertThat(cksums).hasSize(13).anyMatch(l -> l.endsWith(" " + image(3)))
                .anyMatch(l -> l.endsWith(" puavo-os-own-bookworm-2024-01-02-120000-amd64.img"));
        assertThat(local.resolve("meta/puavo-os-own-bookworm-amd64.json")).hasBinaryContent(ownMeta);
        byte[] syncedMeta = Files.readAllBytes(local.resolve("meta/" + PublishedMirrors.SERIES + ".json"));
        // Each job lists its own series first and the other's after them.
        PublishedMirrors.publish(ownImages, local, LOCAL_URL);
        assertThat(Files.readAllLines(local.resolve("CKSUMS"))).containsExactlyInAnyOrderElementsOf(cksums);
        assertThat(local.resolve("meta/" + PublishedMirrors.SERIES + ".json")).hasBinaryContent(syncedMeta);
        assertDeepVerifyPasses();
    }

    @Test
    void aFileMissingUpstreamIsOneLineAndChangesNothing() throws Exception {
        serve(null);
        SyncJob.run(request(nginx.url()).build(), listener);
        upstreamMovesOn();
        Files.delete(upstream.resolve("rdiffs").resolve(rdiff(3, 4)));
        assertFailsChangingNothing(Pattern.quote(nginx.url() + "rdiffs/" + rdiff(3, 4) + ": not found (HTTP 404)"));
    }

    @Test
    void aCorruptedRdiffUpstreamIsOneLineAndChangesNothing() throws Exception {
        serve(null);
        SyncJob.run(request(nginx.url()).build(), listener);
        upstreamMovesOn();
        Path rdiff = upstream.resolve("rdiffs").resolve(rdiff(3, 4));
        byte[] b = Files.readAllBytes(rdiff);
        b[b.length / 2] ^= 1;
        Files.write(rdiff, b);
        assertFailsChangingNothing(nginx.url() + "rdiffs/" + rdiff(3, 4) + ": sha256 is [0-9a-f]{64}, but the meta"
                + " says [0-9a-f]{64}");
    }

    @Test
    void aMetaWhoseSha256IsWrongIsOneLineAndChangesNothing() throws Exception {
        serve(null);
        SyncJob.run(request(nginx.url()).build(), listener);
        upstreamMovesOn();
        Path meta = upstream.resolve("meta/" + PublishedMirrors.SERIES + ".json");
        String sha = sha256Of(upstream.resolve(image(4)));
        Files.writeString(meta, Files.readString(meta).replace(sha, "0".repeat(64)));
        assertFailsChangingNothing(nginx.url() + image(4) + ": sha256 is " + sha + ", but the meta says 0{64}");
        assertThat(warnings()).anyMatch(w -> w.contains("does not give the " + image(4)));
    }

    @Test
    void aRedirectLoopIsOneLine() throws Exception {
        serve("location = /CKSUMS { return 302 /CKSUMS; }");
        assertFailsChangingNothing(nginx.url() + "CKSUMS: more than 5 redirects \\(a redirect loop\\?\\), last to .*");
    }

    @Test
    void aDroppedConnectionIsResumedWhereItStopped() throws Exception {
        serve(null);
        try (DroppingProxy proxy = new DroppingProxy(nginx.port(), "/" + image(1), 100_000)) {
            SyncSummary s = SyncJob.run(request(proxy.url()).build(), listener);
            assertThat(proxy.didCut()).isTrue();
            assertThat(s.fetchedWhole()).containsExactly(image(1));
        }
        assertThat(nginx.requests()).anyMatch(r -> r.matches("GET /" + image(1) + " 206 \"bytes=[1-9][0-9]*-\""));
        assertSameAsUpstream();
        assertDeepVerifyPasses();
    }

    @Test
    void aServerWithoutRangesGetsTheWholeFileAgainInsteadOfResuming() throws Exception {
        serve("max_ranges 0;");
        Path partial = Files.createDirectories(local.resolve(".puavo-mirror/sync-partial")).resolve(image(1));
        Files.write(partial, Arrays.copyOf(Files.readAllBytes(upstream.resolve(image(1))), 1000));
        SyncJob.run(request(nginx.url()).build(), listener);
        assertThat(warnings()).containsExactly(nginx.url() + image(1) + ": the server does not support range requests;"
                + " downloading the whole file again instead of resuming");
        assertSameAsUpstream();
        assertDeepVerifyPasses();
    }

    @Test
    void tlsWithAnUnknownCaIsRefusedUnlessItsCaIsGiven() throws Exception {
        ExternalTools.require("openssl");
        Path pki = Files.createDirectories(tmp.resolve("pki"));
        openssl(pki, "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
                "-keyout", "ca.key", "-out", "ca.pem", "-days", "2", "-subj", "/CN=Test CA");
        openssl(pki, "req", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-keyout",
                "server.key", "-out", "server.csr", "-subj", "/CN=127.0.0.1");
        Files.writeString(pki.resolve("san.ext"), "subjectAltName=IP:127.0.0.1\n");
        openssl(pki, "x509", "-req", "-in", "server.csr", "-CA", "ca.pem", "-CAkey", "ca.key", "-CAcreateserial",
                "-out", "server.pem", "-days", "2", "-extfile", "san.ext");
        nginx = NginxServer.start(upstream, tmp.resolve("nginx"), null, pki.resolve("server.pem"),
                pki.resolve("server.key"));
        assertFailsChangingNothing(nginx.url() + "CKSUMS: TLS: the server's certificate is not signed by a trusted CA"
                + " \\(trust its CA with caCertificate\\)");
        SyncJob.run(request(nginx.url()).caCertificate(pki.resolve("ca.pem")).build(), listener);
        assertSameAsUpstream();
    }

    @Test
    void aRunThatFindsAnotherRunningSaysSoInOneLine() throws Exception {
        Files.createDirectories(local.resolve(".puavo-mirror"));
        try (MirrorLock held = MirrorLock.acquire(local.resolve(".puavo-mirror/lock"))) {
            assertThatThrownBy(() -> SyncJob.run(request("http://127.0.0.1:9/").build(), listener))
                    .isInstanceOf(MirrorBusyException.class)
                    .hasMessageContaining("another run is publishing this mirror");
        }
    }

    @Test
    void withWaitARunWaitsForTheOneHoldingTheMirror() throws Exception {
        serve(null);
        Files.createDirectories(local.resolve(".puavo-mirror"));
        MirrorLock held = MirrorLock.acquire(local.resolve(".puavo-mirror/lock"));
        List<String> infos = new ArrayList<>();
        // The holder finishes when the waiting run says it waits.
        MirrorListener releasing = e -> {
            if (e instanceof MirrorEvent.Info i && i.message().endsWith("(waiting)")) {
                infos.add(i.message());
                try {
                    held.close();
                } catch (IOException ex) {
                    throw new IllegalStateException(ex);
                }
            }
        };
        SyncSummary s = SyncJob.run(request(nginx.url()).waitForLock(true).build(), releasing);
        assertThat(infos).singleElement().asString().contains("another run is publishing this mirror");
        assertThat(s.fetchedWhole()).containsExactly(image(1));
        assertSameAsUpstream();
    }

    @Test
    void aDryRunSaysWhatItWouldFetchAndWritesNothing() throws Exception {
        serve(null);
        SyncSummary s = SyncJob.run(request(nginx.url()).dryRun(true).build(), listener);
        assertThat(s.fetchedWhole()).containsExactly(image(1));
        assertThat(s.rebuilt()).containsExactly(image(2), image(3));
        assertThat(s.filesWritten()).isZero();
        assertThat(local).doesNotExist();
        assertThat(nginx.requests()).containsExactly("GET /CKSUMS 200 \"-\"",
                "GET /meta/" + PublishedMirrors.SERIES + ".json 200 \"-\"");
    }

    @Test
    void usageErrorsNameTheParameter() {
        assertUsage(SyncRequest.builder("http://127.0.0.1:9/", local), "repository: required unless keepUrls is set");
        assertUsage(request("ftp://example.org/"), "upstream: \"ftp://example.org/\" is not an http:// or https:// URL");
        assertUsage(request("http://127.0.0.1:9/").keep(-1), "keep: must not be negative, got -1");
        assertUsage(request("http://127.0.0.1:9/").keepUrls(true), "repository: not with keepUrls");
        assertUsage(request("http://127.0.0.1:9/").seriesPatterns(List.of("a[b")), "seriesPatterns: \"a[b\" is not a"
                + " valid glob");
        assertUsage(request("http://127.0.0.1:9/").excludePatterns(List.of("x/y")), "excludePatterns: \"x/y\" is not"
                + " a series glob");
    }

    @Test
    void aGlobMatchingNoSeriesIsOneLine() throws Exception {
        serve(null);
        assertThatThrownBy(() -> SyncJob.run(request(nginx.url()).seriesPatterns(List.of("*-i386")).build(), listener))
                .hasMessage(nginx.url() + ": no series to mirror (upstream's CKSUMS lists " + PublishedMirrors.SERIES
                        + ")");
        SyncSummary s = SyncJob.run(request(nginx.url()).seriesPatterns(List.of("puavo-os-*")).build(), listener);
        assertThat(s.series()).isEqualTo(1);
    }

    private void assertUsage(SyncRequest.Builder b, String message) {
        assertThatThrownBy(() -> SyncJob.run(b.build(), listener)).isInstanceOf(MirrorException.class)
                .matches(e -> ((MirrorException) e).isUsage()).hasMessageStartingWith(message);
    }

    private void assertFailsChangingNothing(String messagePattern) throws Exception {
        Object before = Files.exists(local) ? PublishedMirrors.snapshot(local) : null;
        assertThatThrownBy(() -> SyncJob.run(request(nginx.url()).build(), listener))
                .isInstanceOf(MirrorException.class)
                .satisfies(e -> assertThat(e.getMessage()).matches(messagePattern));
        if (before != null) {
            assertThat(PublishedMirrors.snapshot(local)).isEqualTo(before);
            assertDeepVerifyPasses();
        }
    }

    private List<String> warnings() {
        synchronized (events) {
            return events.stream().filter(e -> e instanceof MirrorEvent.Warning)
                    .map(e -> ((MirrorEvent.Warning) e).message()).toList();
        }
    }

    private void assertDeepVerifyPasses() throws Exception {
        VerifyReport r = MirrorVerify.run(new VerifyRequest(local, true, "java", 2), MirrorListener.NONE);
        assertThat(r.problems()).isEmpty();
    }

    /** Upstream's files, byte for byte; its metas with only the urls changed; its CKSUMS. */
    private void assertSameAsUpstream() throws IOException {
        try (Stream<Path> metas = Files.list(upstream.resolve(MirrorJob.META_DIR))) {
            for (Path meta : metas.toList()) {
                String expected = Files.readString(meta).replace(UPSTREAM_URL, LOCAL_URL);
                assertThat(local.resolve(MirrorJob.META_DIR).resolve(meta.getFileName())).hasContent(expected);
            }
        }
        assertThat(local.resolve("CKSUMS")).hasSameBinaryContentAs(upstream.resolve("CKSUMS"));
        for (String line : Files.readAllLines(upstream.resolve("CKSUMS"), StandardCharsets.UTF_8)) {
            String name = line.split(" ")[2];
            Path rel = name.endsWith(".rdiff") ? Path.of("rdiffs", name) : Path.of(name);
            assertThat(local.resolve(rel)).hasSameBinaryContentAs(upstream.resolve(rel));
        }
    }

    private static String sha256Of(Path file) throws Exception {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(Files.readAllBytes(file)));
    }

    private static void openssl(Path dir, String... args) throws Exception {
        List<String> cmd = new ArrayList<>();
        cmd.add("openssl");
        cmd.addAll(List.of(args));
        ExternalTools.run(dir, cmd);
    }
}
