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

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.puavomirror.mirror.ImageName;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/** Each kind of damage a published mirror can suffer, and whether verify names it. */
class VerifyTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;
    GoodRun good;
    Path meta;

    @BeforeEach
    void publish() throws IOException {
        good = GoodRun.publish(tmp);
        meta = good.mirror.resolve("meta").resolve(GoodRun.SERIES + ".json");
    }

    private Path image(int day) {
        return good.mirror.resolve(SampleSeries.name(day));
    }

    private Path rdiff(int from, int to) {
        return good.mirror.resolve(MirrorJob.RDIFFS_DIR).resolve(ImageName.rdiffName(
                ImageName.parse(SampleSeries.name(from)), ImageName.parse(SampleSeries.name(to))));
    }

    @Test
    void aCleanMirrorPasses() throws Exception {
        VerifyReport shallow = good.verify(false);
        VerifyReport deep = good.verify(true);

        assertThat(shallow.ok()).isTrue();
        assertThat(shallow.warnings()).isEmpty();
        assertThat(shallow.filesChecked()).isEqualTo(4 + 9);
        assertThat(shallow.summaryLine()).startsWith("mirror OK: 13 files checked (");
        assertThat(deep.ok()).isTrue();
        assertThat(deep.rdiffsApplied()).isEqualTo(9);
        assertThat(deep.summaryLine()).startsWith("mirror OK: ").contains(", 9 rdiffs applied");
    }

    @Test
    void aFlippedByteInAnImageIsFound() throws Exception {
        // The mirror's image is a hard link; a new file under the name keeps the image folder intact.
        replace(image(2), b -> b[1234] ^= 0x10);
        assertOneProblem(image(2), "cksum is ");
    }

    @Test
    void aFlippedByteInAnRdiffIsFound() throws Exception {
        replace(rdiff(1, 4), b -> b[b.length / 2] ^= 1);
        assertOneProblem(rdiff(1, 4), "cksum is ");
    }

    @Test
    void aTruncatedFileIsFound() throws Exception {
        byte[] b = Files.readAllBytes(rdiff(2, 3));
        Files.write(rdiff(2, 3), Arrays.copyOf(b, b.length - 7));
        assertOneProblem(rdiff(2, 3), "size is " + (b.length - 7));
    }

    @Test
    void aMissingFileIsFound() throws Exception {
        Files.delete(image(3));
        VerifyReport r = good.verify(false);
        assertThat(r.ok()).isFalse();
        assertThat(r.problems()).anyMatch(p -> p.file().equals(image(3)) && p.message().startsWith("missing"));
        assertThat(PublishedCheck.entries(good.mirror)).isNotEmpty();
    }

    @Test
    void aMetaEntryWithAWrongSizeIsFound() throws Exception {
        ObjectNode root = (ObjectNode) JSON.readTree(meta.toFile());
        ObjectNode entry = (ObjectNode) root.elements().next().get("images").get(1);
        long size = entry.get("size").asLong();
        entry.put("size", size + 1);
        Files.write(meta, JSON.writeValueAsBytes(root));

        assertOneProblem(image(2), "size is " + size + ", but meta/" + GoodRun.SERIES + ".json says " + (size + 1));
    }

    @Test
    void aCksumsLineThatDoesNotMatchIsFound() throws Exception {
        Path cksums = good.mirror.resolve("CKSUMS");
        List<String> lines = new ArrayList<>(Files.readAllLines(cksums));
        String[] f = lines.get(0).split(" ");
        lines.set(0, ((Long.parseLong(f[0]) + 1) % (1L << 32)) + " " + f[1] + " " + f[2]);
        Files.write(cksums, (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));

        assertOneProblem(good.mirror.resolve(f[2]), "but CKSUMS says");
    }

    @Test
    void onlyTheDeepCheckFindsAnRdiffThatGivesTheWrongImage() throws Exception {
        // Swapped contents with all checksums rewritten: every byte is as listed, yet 1->3 gives
        // image 4 and 1->4 gives image 3.
        Path a = rdiff(1, 3);
        Path b = rdiff(1, 4);
        byte[] aBytes = Files.readAllBytes(a);
        byte[] bBytes = Files.readAllBytes(b);
        Files.write(a, bBytes);
        Files.write(b, aBytes);
        relist(a.getFileName().toString(), bBytes);
        relist(b.getFileName().toString(), aBytes);

        assertThat(good.verify(false).problems()).isEmpty();
        assertThat(PublishedCheck.entries(good.mirror)).isEmpty();
        VerifyReport deep = good.verify(true);
        assertThat(deep.ok()).isFalse();
        assertThat(deep.problems()).extracting(VerifyReport.Problem::file).containsExactlyInAnyOrder(a, b);
        assertThat(deep.problems()).allMatch(p -> p.message().contains("does not give"));
        assertThat(deep.summaryLine()).startsWith("2 problems: ");
    }

    @Test
    void unlistedAndTemporaryFilesAreWarningsOnly() throws Exception {
        Files.copy(image(1), good.mirror.resolve(SampleSeries.name(9)));
        Files.copy(rdiff(1, 4), good.mirror.resolve(MirrorJob.RDIFFS_DIR).resolve(SampleSeries.rdiff(1, 9)));
        Files.writeString(good.mirror.resolve("meta").resolve("." + GoodRun.SERIES + ".json.1a2b3c.tmp"), "{");

        VerifyReport r = good.verify(false);

        assertThat(r.ok()).isTrue();
        assertThat(r.warnings()).hasSize(3);
        assertThat(r.warnings()).anyMatch(w -> w.contains(SampleSeries.name(9)) && w.contains("no meta lists it"));
        assertThat(r.warnings()).anyMatch(w -> w.contains(SampleSeries.rdiff(1, 9)) && w.contains("no meta lists it"));
        assertThat(r.warnings()).anyMatch(w -> w.contains(".1a2b3c.tmp") && w.contains("temporary file"));
        assertThat(r.summaryLine()).startsWith("mirror OK: ").endsWith(", 3 warnings");
    }

    /** Replaces a published file by a changed copy (a new inode, so no hard-linked twin changes). */
    private static void replace(Path file, Consumer<byte[]> change) throws IOException {
        byte[] b = Files.readAllBytes(file);
        change.accept(b);
        Files.delete(file);
        Files.write(file, b);
    }

    /** Verify names the file, once for each entry that lists it (its meta and CKSUMS), and nothing else. */
    private void assertOneProblem(Path file, String message) throws Exception {
        VerifyReport r = good.verify(false);
        assertThat(r.ok()).isFalse();
        assertThat(r.problems()).isNotEmpty().allMatch(p -> p.file().equals(file));
        assertThat(r.problems()).anyMatch(p -> p.message().contains(message));
        assertThat(r.problems()).allMatch(p -> p.line().startsWith(file + ": ") && !p.line().contains("\n"));
        assertThat(r.summaryLine()).startsWith(r.problems().size() + " problem");
        assertThat(PublishedCheck.entries(good.mirror)).as("the test's own check agrees").isNotEmpty();
    }

    /** Rewrites the meta entry and CKSUMS line of rdiff {@code name} to describe {@code content}. */
    private void relist(String name, byte[] content) throws Exception {
        ObjectNode root = (ObjectNode) JSON.readTree(meta.toFile());
        for (JsonNode image : root.elements().next().get("images")) {
            for (JsonNode d : image.get("diffs")) {
                if (d.get("filename").asText().equals(name)) {
                    ObjectNode diff = (ObjectNode) d;
                    diff.put("size", content.length);
                    diff.put("cksum", Long.toString(PublishedCheck.posixCksum(content)));
                    diff.put("sha256", HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content)));
                    diff.put("sha512", MirrorSnapshot.sha512(content));
                }
            }
        }
        Files.write(meta, JSON.writeValueAsBytes(root));
        Path cksums = good.mirror.resolve("CKSUMS");
        StringBuilder sb = new StringBuilder();
        for (String line : Files.readAllLines(cksums)) {
            sb.append(line.endsWith(" " + name) ? PublishedCheck.posixCksum(content) + " " + content.length + " " + name
                    : line).append('\n');
        }
        Files.writeString(cksums, sb.toString());
    }
}
