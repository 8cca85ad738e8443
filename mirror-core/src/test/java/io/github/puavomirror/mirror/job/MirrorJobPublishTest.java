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

import io.github.puavomirror.mirror.ExternalTools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.puavomirror.mirror.ImageName;
import io.github.puavomirror.mirror.ImageSeries;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static io.github.puavomirror.mirror.job.SampleSeries.rdiff;
import static org.assertj.core.api.Assertions.assertThat;

/** A first run against docs/mirror-layout.md: what is published, and every meta and CKSUMS value, checked with coreutils. */
class MirrorJobPublishTest extends JobFolders {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SERIES = SampleSeries.series(SampleSeries.PREFIX);
    private static final List<String> IMAGE_KEYS = List.of("diffs", "filename", "id", "puavo-conf", "size", "urls",
            "version", "cksum", "sha256", "sha512");
    private static final List<String> DIFF_KEYS = List.of("filename", "urls", "version", "size", "cksum", "sha256",
            "sha512");

    /** Upstream's pairs for five images A..E: C<-A,B,D,E; D<-A,B,C,E; E<-A,B,C,D. */
    private static final Map<Integer, List<String>> DIFFS_OF_FIVE = Map.of(
            3, List.of(rdiff(1, 3), rdiff(2, 3), rdiff(4, 3), rdiff(5, 3)),
            4, List.of(rdiff(1, 4), rdiff(2, 4), rdiff(3, 4), rdiff(5, 4)),
            5, List.of(rdiff(1, 5), rdiff(2, 5), rdiff(3, 5), rdiff(4, 5)));

    @Test
    void publishesExactlyTheImagesTheTwelveRdiffsOneMetaAndCksums() throws Exception {
        List<Path> sources = SampleSeries.write(images, 5, 250_000, 11);

        MirrorSummary s = MirrorJob.run(request().build(), new Recorder());

        List<String> expected = new ArrayList<>(List.of("CKSUMS", "meta/" + SERIES + ".json"));
        for (int day = 1; day <= 5; day++) {
            expected.add(SampleSeries.name(day));
        }
        DIFFS_OF_FIVE.values().forEach(names -> names.forEach(n -> expected.add("rdiffs/" + n)));
        assertThat(MirrorTree.publishedFiles(mirror)).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(MirrorTree.allPaths(mirror)).containsExactlyInAnyOrderElementsOf(concat(expected,
                List.of("meta", "rdiffs", MirrorJob.STATE_DIR, MirrorJob.STATE_DIR + "/state.json",
                        MirrorJob.STATE_DIR + "/lock")));
        assertThat(s.series()).isEqualTo(1);
        assertThat(s.images()).isEqualTo(5);
        assertThat(s.rdiffs()).isEqualTo(12);
        assertThat(s.rdiffsBuilt()).isEqualTo(12);
        assertThat(s.filesWritten()).as("5 links, 12 rdiffs, 1 meta, CKSUMS").isEqualTo(19);
        assertThat(s.imageBytes()).isEqualTo(sizes(sources));
        for (Path source : sources) {
            Path published = mirror.resolve(source.getFileName());
            assertThat(Files.isSameFile(published, source)).as("%s is a hard link to the image", published).isTrue();
            assertThat(Files.getAttribute(published, "unix:nlink")).isEqualTo(2);
        }
    }

    @Test
    void metaHasUpstreamKeyOrderAndValuesThatCoreutilsAgreeWith() throws Exception {
        SampleSeries.write(images, 5, 200_000, 12);

        MirrorJob.run(request().repositoryUrl("cdn.example.org/").build(), new Recorder());

        Path meta = mirror.resolve("meta/" + SERIES + ".json");
        String raw = Files.readString(meta);
        JsonNode root = JSON.readTree(raw);
        assertThat(JSON.writeValueAsString(root)).as("compact, no trailing newline").isEqualTo(raw);
        assertThat(keys(root)).containsExactly(SERIES);
        assertThat(keys(root.get(SERIES))).containsExactly("images");

        Map<String, String[]> cksum = sums(mirror, "cksum");
        Map<String, String[]> sha256 = sums(mirror, "sha256sum");
        Map<String, String[]> sha512 = sums(mirror, "sha512sum");
        JsonNode list = root.get(SERIES).get("images");
        assertThat(list).hasSize(5);
        for (int day = 1; day <= 5; day++) {
            JsonNode img = list.get(day - 1);
            String name = SampleSeries.name(day);
            assertThat(keys(img)).containsExactlyElementsOf(IMAGE_KEYS);
            assertThat(img.get("filename").textValue()).isEqualTo(name);
            assertThat(img.get("id").textValue()).isEqualTo(name.substring(0, name.length() - 4));
            assertThat(img.get("puavo-conf").isObject()).isTrue();
            assertThat(img.get("puavo-conf").isEmpty()).as("plain images are not squashfs").isTrue();
            assertThat(img.get("size").isIntegralNumber()).isTrue();
            assertThat(img.get("size").longValue()).isEqualTo(Files.size(images.resolve(name)));
            assertThat(texts(img.get("urls"))).containsExactly("https://cdn.example.org/" + name);
            assertThat(img.get("version").textValue()).isEqualTo(String.format("202401%02d120000", day));
            assertThat(img.get("cksum").textValue()).isEqualTo(cksum.get(name)[0]);
            assertThat(img.get("size").asText()).isEqualTo(cksum.get(name)[1]);
            assertThat(img.get("sha256").textValue()).isEqualTo(sha256.get(name)[0]);
            assertThat(img.get("sha512").textValue()).isEqualTo(sha512.get(name)[0]);

            List<String> diffNames = new ArrayList<>();
            for (JsonNode d : img.get("diffs")) {
                String rd = d.get("filename").textValue();
                diffNames.add(rd);
                assertThat(keys(d)).containsExactlyElementsOf(DIFF_KEYS);
                assertThat(texts(d.get("urls"))).containsExactly("https://cdn.example.org/rdiffs/" + rd);
                // The version of an rdiff is its source's stamp: the first one in its name.
                assertThat(d.get("version").textValue()).isEqualTo(rd.substring(SampleSeries.PREFIX.length() + 1,
                        SampleSeries.PREFIX.length() + 18).replace("-", ""));
                assertThat(d.get("size").isIntegralNumber()).isTrue();
                assertThat(d.get("size").longValue()).isEqualTo(Files.size(mirror.resolve("rdiffs").resolve(rd)));
                assertThat(d.get("cksum").textValue()).isEqualTo(cksum.get(rd)[0]);
                assertThat(d.get("sha256").textValue()).isEqualTo(sha256.get(rd)[0]);
                assertThat(d.get("sha512").textValue()).isEqualTo(sha512.get(rd)[0]);
            }
            assertThat(diffNames).as("diffs of day %d", day).isEqualTo(DIFFS_OF_FIVE.getOrDefault(day, List.of()));
        }

        // CKSUMS: each image, then its rdiffs in diff order, as cksum prints them with bare names.
        StringBuilder want = new StringBuilder();
        for (int day = 1; day <= 5; day++) {
            String name = SampleSeries.name(day);
            want.append(cksumLine(cksum, name));
            for (String rd : DIFFS_OF_FIVE.getOrDefault(day, List.of())) {
                want.append(cksumLine(cksum, rd));
            }
        }
        assertThat(Files.readString(mirror.resolve("CKSUMS"))).isEqualTo(want.toString());
    }

    @Test
    void anImageThatIsASymlinkIsPublishedAsTheFileItPointsTo() throws Exception {
        Path store = Files.createDirectories(tmp.resolve("store"));
        List<Path> real = SampleSeries.write(store, 2, 100_000, 17);
        for (Path p : real) {
            Files.createSymbolicLink(images.resolve(p.getFileName()), Path.of("..", "store").resolve(p.getFileName()));
        }

        MirrorJob.run(request().build(), new Recorder());

        for (Path p : real) {
            Path published = mirror.resolve(p.getFileName());
            assertThat(Files.isSymbolicLink(published)).as("%s must not be a symlink: rsync would copy the link",
                    published).isFalse();
            assertThat(Files.isRegularFile(published)).isTrue();
            assertThat(Files.isSameFile(published, p)).isTrue();
        }
    }

    @Test
    void cksumsFollowsSeriesOrderAndListsAnImageOfTwoSeriesTwice() throws Exception {
        SampleSeries.write(images, 3, 120_000, 13);
        ImageName a = ImageName.parse(SampleSeries.name(1));
        ImageName b = ImageName.parse(SampleSeries.name(2));
        ImageName c = ImageName.parse(SampleSeries.name(3));
        // Config order, not name order: "zz" comes first.
        List<ImageSeries> series = List.of(new ImageSeries("zz-series", List.of(a, b)),
                new ImageSeries("aa-series", List.of(b, c)));

        MirrorSummary s = MirrorJob.run(request().series(series).build(), new Recorder());

        Map<String, String[]> cksum = sums(mirror, "cksum");
        String want = Stream.of(a.fileName(), rdiff(2, 1), b.fileName(), rdiff(1, 2),
                        b.fileName(), rdiff(3, 2), c.fileName(), rdiff(2, 3))
                .map(n -> cksumLine(cksum, n)).reduce("", String::concat);
        assertThat(Files.readString(mirror.resolve("CKSUMS"))).isEqualTo(want);
        assertThat(MirrorTree.publishedFiles(mirror)).contains("meta/zz-series.json", "meta/aa-series.json");
        assertThat(s.images()).as("distinct images").isEqualTo(3);
        assertThat(s.rdiffsBuilt()).isEqualTo(4);
    }

    @Test
    void puavoConfIsMergedFromTheDefinitionsInsideSquashfsImages() throws Exception {
        String prefix = "puavo-os-sq-bookworm";
        SampleSeries.writeSquashfs(images, prefix, 3, 150_000, 14);
        Recorder rec = new Recorder();

        MirrorJob.run(request().build(), rec);

        String raw = Files.readString(mirror.resolve("meta/" + SampleSeries.series(prefix) + ".json"));
        for (int day = 1; day <= 3; day++) {
            assertThat(raw).contains("\"filename\":\"" + SampleSeries.name(prefix, day) + "\",\"id\":\""
                    + SampleSeries.name(prefix, day).replace(".img", "") + "\",\"puavo-conf\":"
                    + SampleSeries.expectedPuavoConf(day) + ",\"size\":");
        }
        assertThat(rec.warnings()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({
            "cdn.example.org/, https://cdn.example.org",
            "images.example.org:8443, https://images.example.org:8443",
            "http://mirror.example.net/puavo//, http://mirror.example.net/puavo",
            "https://cdn.example.com, https://cdn.example.com"})
    void repositoryBecomesTheUrlBase(String repository, String base) throws Exception {
        SampleSeries.write(images, 2, 100_000, 15);

        MirrorJob.run(request().repositoryUrl(repository).build(), new Recorder());

        JsonNode img = JSON.readTree(mirror.resolve("meta/" + SERIES + ".json").toFile()).get(SERIES).get("images")
                .get(1);
        assertThat(texts(img.get("urls"))).containsExactly(base + "/" + SampleSeries.name(2));
        assertThat(texts(img.get("diffs").get(0).get("urls"))).containsExactly(base + "/rdiffs/" + rdiff(1, 2));
    }

    @Test
    void theDefaultRepositoryIsAmxasHostWithHttps() throws Exception {
        SampleSeries.write(images, 2, 100_000, 16);

        MirrorJob.run(request().build(), new Recorder());

        assertThat(Files.readString(mirror.resolve("meta/" + SERIES + ".json")))
                .contains("\"urls\":[\"https://images.amxa.ch/" + SampleSeries.name(1) + "\"]");
    }

    static List<String> keys(JsonNode node) {
        List<String> out = new ArrayList<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            out.add(it.next());
        }
        return out;
    }

    static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.textValue()));
        return out;
    }

    /**
     * Runs {@code tool} over the mirror's images and rdiffs (from their own folders, so names are
     * bare) and returns each name's output fields before the name.
     */
    static Map<String, String[]> sums(Path mirror, String tool) throws Exception {
        Map<String, String[]> out = new LinkedHashMap<>();
        for (Path dir : List.of(mirror, mirror.resolve("rdiffs"))) {
            List<String> names;
            try (Stream<Path> s = Files.list(dir)) {
                names = s.filter(Files::isRegularFile).map(p -> p.getFileName().toString())
                        .filter(n -> n.endsWith(".img") || n.endsWith(".rdiff")).sorted().toList();
            }
            for (String line : ExternalTools.runOver(dir, tool, names).split("\n")) {
                String[] parts = line.trim().split("\\s+");
                String[] fields = new String[parts.length - 1];
                System.arraycopy(parts, 0, fields, 0, fields.length);
                out.put(parts[parts.length - 1], fields);
            }
        }
        return out;
    }

    /** The line {@code cksum} prints for {@code name}. */
    static String cksumLine(Map<String, String[]> cksum, String name) {
        return String.join(" ", cksum.get(name)) + " " + name + "\n";
    }

    private static long sizes(List<Path> files) throws IOException {
        long total = 0;
        for (Path p : files) {
            total += Files.size(p);
        }
        return total;
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }
}
