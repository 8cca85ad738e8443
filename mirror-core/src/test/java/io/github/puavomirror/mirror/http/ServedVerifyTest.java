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
package io.github.puavomirror.mirror.http;

import io.github.puavomirror.mirror.job.MirrorException;
import io.github.puavomirror.mirror.job.MirrorListener;
import io.github.puavomirror.mirror.job.PublishedMirrors;
import io.github.puavomirror.mirror.job.VerifyReport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static io.github.puavomirror.mirror.job.PublishedMirrors.image;
import static io.github.puavomirror.mirror.job.PublishedMirrors.rdiff;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** verify of a mirror that Debian's nginx serves: what clients would trip over, one line each. */
class ServedVerifyTest {
    @TempDir
    Path tmp;
    private Path mirror;
    private NginxServer nginx;

    @BeforeEach
    void mirror() throws Exception {
        Path images = Files.createDirectories(tmp.resolve("images"));
        mirror = tmp.resolve("mirror");
        PublishedMirrors.writeImages(images, 3, 60_000, 5);
        PublishedMirrors.publish(images, mirror, "https://mirror.example.net");
    }

    @AfterEach
    void stop() throws InterruptedException {
        if (nginx != null) {
            nginx.close();
        }
    }

    private VerifyReport verify(boolean deep, int sample, String directives) throws Exception {
        nginx = NginxServer.start(mirror, tmp.resolve("nginx"), directives);
        return ServedVerify.run(new ServedVerifyRequest(nginx.url(), deep, sample, null, 2), MirrorListener.NONE);
    }

    @Test
    void aGoodMirrorPassesAndDeepDownloadsEveryFile() throws Exception {
        VerifyReport r = verify(true, 0, null);
        assertThat(r.problems()).isEmpty();
        assertThat(r.filesChecked()).isEqualTo(9);
        assertThat(r.summaryLine()).startsWith("mirror OK: 9 files checked");
        long images = 0;
        for (int day = 1; day <= 3; day++) {
            images += Files.size(mirror.resolve(image(day)));
        }
        assertThat(r.bytesRead()).isGreaterThan(images);
        assertThat(nginx.requests()).anyMatch(l -> l.equals("HEAD /" + image(2) + " 200 \"-\""))
                .anyMatch(l -> l.equals("GET /" + image(2) + " 206 \"bytes=0-0\""))
                .anyMatch(l -> l.equals("GET /" + image(2) + " 200 \"-\""));
    }

    @Test
    void aSampleDownloadsOnlyThatManyFiles() throws Exception {
        VerifyReport r = verify(true, 2, null);
        assertThat(r.problems()).isEmpty();
        assertThat(nginx.requests().stream().filter(l -> l.startsWith("GET ") && l.endsWith(" 200 \"-\"")
                && !l.startsWith("GET /CKSUMS") && !l.startsWith("GET /meta/"))).hasSize(2);
    }

    @Test
    void aMissingRdiffIsOneLine() throws Exception {
        Files.delete(mirror.resolve("rdiffs").resolve(rdiff(1, 3)));
        VerifyReport r = verify(false, 0, null);
        assertThat(r.problems()).extracting(VerifyReport.Problem::line)
                .containsExactly(nginx.url() + "rdiffs/" + rdiff(1, 3) + ": not found (HTTP 404)");
    }

    @Test
    void aServerWithoutRangesIsAProblemForEveryFile() throws Exception {
        VerifyReport r = verify(false, 0, "max_ranges 0;");
        assertThat(r.problems()).hasSize(9).allMatch(p ->
                p.message().equals("the server ignores range requests (laptops cannot resume downloads)"));
    }

    @Test
    void deepFindsAFileWithOtherBytesOfTheSameSize() throws Exception {
        Path img = mirror.resolve(image(2));
        byte[] b = Files.readAllBytes(img);
        b[10] ^= 1;
        Files.delete(img);
        Files.write(img, b);
        assertThat(verify(false, 0, null).problems()).isEmpty();
        nginx.close();
        Files.delete(tmp.resolve("nginx/access.log"));
        VerifyReport deep = verify(true, 0, null);
        assertThat(deep.problems()).extracting(VerifyReport.Problem::line)
                .containsExactly(nginx.url() + image(2) + ": sha256 differs from meta/" + PublishedMirrors.SERIES + ".json");
    }

    @Test
    void metasAndCksumsThatDisagreeAndABadMetaAreOneLineEach() throws Exception {
        Path cksums = mirror.resolve("CKSUMS");
        long size = Files.size(mirror.resolve(image(1)));
        Files.writeString(cksums, Files.readString(cksums).replace(" " + size + " " + image(1), " " + (size + 1) + " "
                + image(1)));
        VerifyReport r = verify(false, 0, null);
        assertThat(r.problems()).extracting(VerifyReport.Problem::line).containsExactly(nginx.url() + image(1)
                + ": CKSUMS says " + r.problems().get(0).message().split(" ")[2] + " " + (size + 1) + ", but meta/"
                + PublishedMirrors.SERIES + ".json says " + r.problems().get(0).message().split(" ")[2] + " " + size);
        nginx.close();
        Files.writeString(mirror.resolve("meta/" + PublishedMirrors.SERIES + ".json"), "{\"x\":");
        VerifyReport bad = verify(false, 0, null);
        assertThat(bad.problems()).extracting(VerifyReport.Problem::line).singleElement().asString()
                .startsWith(nginx.url() + "meta/" + PublishedMirrors.SERIES + ".json: invalid JSON: ");
    }

    @Test
    void usageErrorsNameTheParameter() {
        assertThatThrownBy(() -> ServedVerify.run(new ServedVerifyRequest("file:///srv", false, 0, null, 1),
                MirrorListener.NONE)).isInstanceOf(MirrorException.class)
                .hasMessage("url: \"file:///srv\" is not an http:// or https:// URL");
        assertThatThrownBy(() -> ServedVerify.run(new ServedVerifyRequest("http://127.0.0.1:9/", false, 3, null, 1),
                MirrorListener.NONE)).hasMessage("sample: only with deep");
    }
}
