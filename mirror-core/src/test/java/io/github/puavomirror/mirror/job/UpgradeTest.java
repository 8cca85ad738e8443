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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A mirror and state folder that version 0.1.0 published (committed under
 * {@code upgrade-0.1.0/}) stays up to date for today's job: nothing is read again, nothing
 * rebuilt, nothing written. The state records files by path and identity (inode, mtime), which a
 * checkout cannot keep; the test puts today's identities of the same bytes in, as if the files
 * had never moved, and leaves every other field as 0.1.0 wrote it.
 */
class UpgradeTest {
    /** Where the image folder was when 0.1.0 wrote the state. */
    private static final String OLD_IMAGES = "/tmp/contract-fixture/images";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    @Test
    void aMirrorOfVersion010NeedsNoRebuild() throws Exception {
        Path images = copyFixture();
        Path mirror = images.resolve("mirror");
        MirrorSnapshot before = MirrorSnapshot.of(mirror);
        Recorder events = new Recorder();

        MirrorSummary summary = MirrorJob.run(MirrorRequest.builder(images).engine("java").jobs(1).rdiffTargets(2)
                .build(), events);

        assertThat(summary.rdiffsBuilt()).as("rdiffs rebuilt").isZero();
        assertThat(summary.filesWritten()).as("files written").isZero();
        assertThat(summary.rdiffs()).isEqualTo(4);
        assertThat(events.built()).as("rdiffs rebuilt").isEmpty();
        assertThat(events.events()).as("images read again").noneMatch(e -> e instanceof MirrorEvent.StepStarted s
                && s.step() == MirrorEvent.Step.CHECKSUM);
        assertThat(MirrorSnapshot.of(mirror)).isEqualTo(before);
        assertThat(MirrorVerify.run(new VerifyRequest(mirror, true, "java", 1), MirrorListener.NONE).ok()).isTrue();
    }

    /** The fixture in {@code tmp/images}, images hard-linked into the mirror as 0.1.0 left them, state adjusted. */
    private Path copyFixture() throws IOException, URISyntaxException {
        Path fixture = Path.of(UpgradeTest.class.getResource("/upgrade-0.1.0/images").toURI());
        Path images = tmp.resolve("images");
        try (Stream<Path> all = Files.walk(fixture)) {
            for (Path p : all.toList()) {
                Path to = images.resolve(fixture.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(p, to);
                }
            }
        }
        Path mirror = images.resolve("mirror");
        List<Path> imageFiles;
        try (Stream<Path> list = Files.list(images)) {
            imageFiles = list.filter(p -> p.toString().endsWith(".img")).toList();
        }
        for (Path image : imageFiles) {
            Files.createLink(mirror.resolve(image.getFileName()), image);
        }
        Path stateFile = mirror.resolve(MirrorJob.STATE_DIR).resolve("state.json");
        ObjectNode state;
        try (InputStream in = Files.newInputStream(stateFile)) {
            state = (ObjectNode) JSON.readTree(in);
        }
        ObjectNode oldImages = (ObjectNode) state.get("images");
        ObjectNode newImages = JSON.createObjectNode();
        for (Iterator<Map.Entry<String, JsonNode>> it = oldImages.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            assertThat(e.getKey()).startsWith(OLD_IMAGES + "/");
            Path now = images.resolve(e.getKey().substring(OLD_IMAGES.length() + 1));
            ((ObjectNode) e.getValue()).set("identity", identity(now));
            newImages.set(now.toString(), e.getValue());
        }
        state.set("images", newImages);
        for (Iterator<Map.Entry<String, JsonNode>> it = state.get("rdiffs").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            ((ObjectNode) e.getValue()).set("published",
                    identity(mirror.resolve(MirrorJob.RDIFFS_DIR).resolve(e.getKey())));
        }
        Files.write(stateFile, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(state));
        return images;
    }

    private static JsonNode identity(Path file) throws IOException {
        return JSON.valueToTree(MirrorState.Identity.of(file));
    }
}
