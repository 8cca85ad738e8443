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

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * What is the mirror's own: prune and verify touch and report only files with the mirror's names,
 * follow a symlinked folder without taking anything else behind it, and never open a name a meta
 * gives outside the mirror; a folder of the mirror that is something else fails in words.
 */
class MirrorLayoutTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;
    GoodRun good;

    @BeforeEach
    void publish() throws IOException {
        good = GoodRun.publish(tmp);
    }

    private PruneReport prune() throws MirrorException {
        return MirrorPrune.run(new PruneRequest(good.mirror, false), MirrorListener.NONE);
    }

    /** Files a mirror operator keeps next to the mirror's: none of them is the mirror's. */
    private List<Path> foreignFiles(Path rdiffs) throws IOException {
        List<Path> out = List.of(
                rdiffs.resolve("README.txt"),
                rdiffs.resolve(SampleSeries.rdiff(1, 2) + ".torrent"),
                rdiffs.resolve(".keep.abc.tmp"),
                rdiffs.resolve("stray.rdiff"),
                good.mirror.resolve("my-backup.img"),
                good.mirror.resolve(SampleSeries.name(2) + ".torrent"),
                good.mirror.resolve(".keep.abc.tmp"),
                good.mirror.resolve("meta").resolve("notes.txt"),
                good.mirror.resolve(MirrorJob.STATE_DIR).resolve(".keep.abc.tmp"));
        for (Path p : out) {
            Files.writeString(p, "precious");
        }
        return out;
    }

    @Test
    void pruneLeavesFilesThatAreNotOursAndNeitherPruneNorVerifyMentionsThem() throws Exception {
        List<Path> foreign = foreignFiles(good.mirror.resolve(MirrorJob.RDIFFS_DIR));

        PruneReport r = prune();

        assertThat(r.removals()).isEmpty();
        assertThat(foreign).allMatch(Files::exists);
        VerifyReport v = good.verify(false);
        assertThat(v.problems()).isEmpty();
        assertThat(v.warnings()).isEmpty();
    }

    @Test
    void aSymlinkedRdiffsFolderIsFollowedAndOnlyOurUnlistedFilesBehindItGo() throws Exception {
        Path elsewhere = tmp.resolve("other-disk").resolve("rdiffs");
        Files.createDirectories(elsewhere.getParent());
        Path rdiffs = good.mirror.resolve(MirrorJob.RDIFFS_DIR);
        Files.move(rdiffs, elsewhere);
        Files.createSymbolicLink(rdiffs, elsewhere);
        List<Path> foreign = foreignFiles(rdiffs);
        Path precious = elsewhere.resolve("precious.bin");
        Files.writeString(precious, "not the mirror's");

        MirrorJob.run(good.request().keep(2).build(), MirrorListener.NONE);
        VerifyReport before = good.verify(false);
        PruneReport r = prune();

        // Images 1 and 2, and the 7 rdiffs from or to them, which now live behind the symlink.
        assertThat(before.warnings()).hasSize(2 + 7).allMatch(w -> w.endsWith("(prune removes it)"));
        assertThat(r.removals()).hasSize(2 + 7);
        assertThat(Files.isSymbolicLink(rdiffs)).isTrue();
        assertThat(precious).hasContent("not the mirror's");
        assertThat(foreign).allMatch(Files::exists);
        try (var left = Files.list(elsewhere)) {
            assertThat(left.filter(p -> p.toString().endsWith(".rdiff") && !p.endsWith("stray.rdiff")).count())
                    .isEqualTo(2);
        }
        VerifyReport after = good.verify(true);
        assertThat(after.problems()).isEmpty();
        assertThat(after.warnings()).isEmpty();
        assertThat(after.rdiffsApplied()).isEqualTo(2);
    }

    @Test
    void symlinkedMetaAndStateFoldersAreFollowedByPublishVerifyAndPrune() throws Exception {
        for (String folder : List.of(MirrorJob.META_DIR, MirrorJob.STATE_DIR)) {
            Path target = tmp.resolve("kept-" + folder);
            Files.move(good.mirror.resolve(folder), target);
            Files.createSymbolicLink(good.mirror.resolve(folder), target);
        }
        Path precious = tmp.resolve("kept-" + MirrorJob.STATE_DIR).resolve(".keep.abc.tmp");
        Files.writeString(precious, "precious");

        MirrorJob.run(good.request().keep(3).build(), MirrorListener.NONE);
        PruneReport r = prune();

        assertThat(r.removals()).extracting(PruneReport.Removal::file).contains(good.mirror.resolve(SampleSeries.name(1)));
        assertThat(precious).exists();
        assertThat(good.mirror.resolve(MirrorJob.META_DIR)).isSymbolicLink();
        assertThat(good.mirror.resolve(MirrorJob.STATE_DIR)).isSymbolicLink();
        assertThat(good.verify(false).problems()).isEmpty();
        assertThat(PublishedCheck.entries(good.mirror)).isEmpty();
    }

    @Test
    void verifyReportsAMetaNameOutsideTheMirrorWithoutOpeningIt() throws Exception {
        // A file the name would reach from the mirror, with the size the meta claims: opening it
        // would find it intact and say nothing.
        Path meta = good.mirror.resolve("meta").resolve(GoodRun.SERIES + ".json");
        ObjectNode root = (ObjectNode) JSON.readTree(meta.toFile());
        ObjectNode entry = (ObjectNode) root.elements().next().get("images").get(0);
        Files.copy(good.mirror.resolve(entry.get("filename").asText()), good.images.getParent().resolve("passwd"));
        entry.put("filename", "../../passwd");
        ObjectNode second = (ObjectNode) root.elements().next().get("images").get(1);
        second.put("filename", "evil\nname.img");
        Files.write(meta, JSON.writeValueAsBytes(root));

        VerifyReport r = good.verify(false);

        assertThat(r.problems()).filteredOn(p -> p.file().equals(meta)).extracting(VerifyReport.Problem::line)
                .anyMatch(l -> l.contains("lists image \"../../passwd\", which is not a file name in the mirror"))
                .anyMatch(l -> l.contains("lists image \"evil\\u000aname.img\""));
        assertThat(r.problems()).noneMatch(p -> p.file().toString().contains("passwd"));
        assertThat(r.problems()).allMatch(p -> !p.line().contains("\n"));
        assertThat(r.warnings()).allMatch(w -> !w.contains("\n"));
    }

    @Test
    void verifyEscapesControlCharactersInTheNamesItPrints() throws Exception {
        Path odd = good.mirror.resolve("meta").resolve("odd\nname.json");
        Files.writeString(odd, "{");

        VerifyReport r = good.verify(false);

        assertThat(r.problems()).extracting(VerifyReport.Problem::line)
                .anyMatch(l -> l.startsWith(good.mirror.resolve("meta") + "/odd\\u000aname.json: unreadable meta"))
                .allMatch(l -> !l.contains("\n"));
    }

    @ParameterizedTest
    @ValueSource(strings = {MirrorJob.META_DIR, MirrorJob.RDIFFS_DIR, MirrorJob.STATE_DIR})
    void aRegularFileWhereTheMirrorKeepsAFolderIsNamedInWords(String folder) throws Exception {
        Path where = good.mirror.resolve(folder);
        MirrorTree.deleteRecursively(where);
        Files.writeString(where, "not a folder");
        String expected = where + ": is a regular file, not a folder; the mirror keeps files there, so move it away";

        MirrorException e = good.runExpectingFailure(good.request().build());

        assertThat(e).isNotNull();
        assertThat(e.getMessage()).isEqualTo(expected);
        assertThat(where).hasContent("not a folder");
        if (folder.equals(MirrorJob.STATE_DIR)) {
            assertThat(catchThrowableOfType(MirrorException.class, this::prune)).hasMessage(expected);
        } else {
            assertThat(good.verify(false).problems()).extracting(VerifyReport.Problem::line).contains(expected);
        }
    }

    @Test
    void aSymlinkToNoFolderIsNamedInWords() throws Exception {
        Path rdiffs = good.mirror.resolve(MirrorJob.RDIFFS_DIR);
        MirrorTree.deleteRecursively(rdiffs);
        Files.createSymbolicLink(rdiffs, tmp.resolve("unmounted-disk"));

        MirrorException e = good.runExpectingFailure(good.request().build());

        assertThat(e).isNotNull();
        assertThat(e.getMessage()).isEqualTo(rdiffs + ": is a symlink to " + tmp.resolve("unmounted-disk")
                + ", which is not a folder; the mirror keeps files there, so point it at a folder or remove it");
        assertThat(tmp.resolve("unmounted-disk")).doesNotExist();
    }
}
