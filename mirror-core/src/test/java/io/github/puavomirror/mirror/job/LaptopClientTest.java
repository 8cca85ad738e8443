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
import io.github.puavomirror.rdiff.RdiffBinary;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Plays a laptop updating from the published mirror, with the client's own tools
 * (docs/client-flow.md §2): jq look-ups of {@code sha512} and {@code size} over all meta files,
 * sha512sum of the download, {@code rdiff patch} with the real rdiff binary, sha512sum and size
 * of the result.
 */
class LaptopClientTest {
    /** The client's jq programs, verbatim. */
    private static final String JQ_IMAGE =
            ".[][][] | select(has(\"filename\") and has($field) and .filename == $filename) | .[$field]";
    private static final String JQ_RDIFF = ".[][][] | select(has(\"diffs\")) | .diffs[] | select(has(\"filename\")"
            + " and has($field) and .filename == $filename) | .[$field]";
    /** The name pattern the client's awk and upstream's rake share. */
    private static final Pattern IMAGE = Pattern.compile("^(.*?)-(\\d{4}-\\d{2}-\\d{2}-\\d{6})-(.*?)\\.img$");

    @TempDir
    Path tmp;

    @ParameterizedTest
    @ValueSource(strings = {"java", "native"})
    void everyRdiffInTheMetasTurnsItsSourceIntoItsTarget(String engine) throws Exception {
        ExternalTools.require("jq", "sha512sum");
        RdiffBinary.assumeAvailable();
        if (engine.equals("native")) {
            ExternalTools.requireNative();
        }
        Path images = Files.createDirectories(tmp.resolve("images"));
        SampleSeries.write(images, 5, 220_000, 21);
        SampleSeries.writeSquashfs(images, "puavo-os-sq-bookworm", 3, 180_000, 22);
        Path mirror = tmp.resolve("mirror");
        MirrorJob.run(MirrorRequest.builder(images).mirrorDirectory(mirror).engine(engine).jobs(2).build(),
                new Recorder());

        // The laptop's /images: the downloaded metas, and the image it runs.
        Path laptop = Files.createDirectories(tmp.resolve("laptop"));
        Files.createDirectories(laptop.resolve("meta"));
        Files.createDirectories(laptop.resolve("rdiffs"));
        List<String> metas = new ArrayList<>();
        try (Stream<Path> s = Files.list(mirror.resolve("meta"))) {
            for (Path m : s.sorted().toList()) {
                Files.copy(m, laptop.resolve("meta").resolve(m.getFileName()));
                metas.add("meta/" + m.getFileName());
            }
        }
        assertThat(metas).hasSize(2);

        int patched = 0;
        for (String meta : metas) {
            JsonNode list = new ObjectMapper().readTree(laptop.resolve(meta).toFile()).elements().next().get("images");
            for (JsonNode next : list) {
                if (next.get("diffs").isEmpty()) {
                    continue;
                }
                for (JsonNode previous : list) {
                    if (previous != next) {
                        update(mirror, laptop, metas, previous.get("filename").textValue(),
                                next.get("filename").textValue());
                        patched++;
                    }
                }
            }
        }
        assertThat(patched).as("12 rdiffs of five images, 6 of three").isEqualTo(18);
    }

    /** One update from {@code previous} to {@code next}, as puavo-install-and-update-ltspimages does it. */
    private void update(Path mirror, Path laptop, List<String> metas, String previous, String next)
            throws Exception {
        String rdiff = rdiffName(previous, next);
        String rdiffSha512 = lookup(laptop, metas, JQ_RDIFF, rdiff, "sha512");
        String rdiffSize = lookup(laptop, metas, JQ_RDIFF, rdiff, "size");
        String imageSha512 = lookup(laptop, metas, JQ_IMAGE, next, "sha512");
        String imageSize = lookup(laptop, metas, JQ_IMAGE, next, "size");
        assertThat(List.of(rdiffSha512, rdiffSize, imageSha512, imageSize)).as("meta values for %s", rdiff)
                .allSatisfy(v -> assertThat(v).isNotEmpty().isNotEqualTo("null"));

        // "Download": the published file under rdiffs/<name>.tmp, checked, then renamed.
        Path tmpRdiff = laptop.resolve("rdiffs/" + rdiff + ".tmp");
        Files.copy(mirror.resolve("rdiffs/" + rdiff), tmpRdiff, StandardCopyOption.REPLACE_EXISTING);
        assertThat(Files.size(tmpRdiff)).as("size of %s", rdiff).isEqualTo(Long.parseLong(rdiffSize));
        assertThat(sha512sum(laptop, "rdiffs/" + rdiff + ".tmp")).as("sha512 of %s", rdiff).isEqualTo(rdiffSha512);
        Path got = Files.move(tmpRdiff, laptop.resolve("rdiffs/" + rdiff), StandardCopyOption.REPLACE_EXISTING);

        Path out = laptop.resolve(next + ".tmp");
        RdiffBinary.runOk(null, "patch", mirror.resolve(previous).toString(), got.toString(), out.toString());
        assertThat(Files.size(out)).as("size of %s patched with %s", next, rdiff).isEqualTo(Long.parseLong(imageSize));
        assertThat(sha512sum(laptop, next + ".tmp")).as("sha512 of %s patched with %s", next, rdiff)
                .isEqualTo(imageSha512);
        Files.delete(out);
        Files.delete(got);
    }

    /** {@code jq -r --arg filename F --arg field X PROGRAM meta/*.json | head -1}. */
    private static String lookup(Path laptop, List<String> metas, String program, String filename, String field)
            throws Exception {
        List<String> cmd = new ArrayList<>(List.of("jq", "-r", "--arg", "filename", filename, "--arg", "field", field,
                program));
        cmd.addAll(metas);
        String out = ExternalTools.run(laptop, cmd);
        int nl = out.indexOf('\n');
        return nl < 0 ? out : out.substring(0, nl);
    }

    private static String sha512sum(Path dir, String file) throws Exception {
        return ExternalTools.run(dir, "sha512sum", file).split("\\s+")[0];
    }

    /** The client's awk: prefix and arch from the previous image, stamps from both. */
    private static String rdiffName(String previous, String next) {
        Matcher p = IMAGE.matcher(previous);
        Matcher n = IMAGE.matcher(next);
        assertThat(p.matches() && n.matches()).isTrue();
        return p.group(1) + "-" + p.group(2) + "--" + n.group(2) + "-" + p.group(3) + ".rdiff";
    }
}
