package io.github.puavomirror.mirror;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AtomicFilesTest {
    @TempDir
    Path dir;

    @Test
    void commitNewRenamesIntoAFreeName() throws IOException {
        Path target = dir.resolve("out");
        Path tmp = Files.writeString(AtomicFiles.tempSibling(target), "new");
        AtomicFiles.commitNew(tmp, target);
        assertThat(target).hasContent("new");
        assertThat(tmp).doesNotExist();
    }

    @Test
    void commitNewLeavesAFileThatAppearedMeanwhile() throws IOException {
        Path target = dir.resolve("out");
        Path tmp = Files.writeString(AtomicFiles.tempSibling(target), "new");
        Files.writeString(target, "someone else's");
        assertThatThrownBy(() -> AtomicFiles.commitNew(tmp, target)).isInstanceOf(FileAlreadyExistsException.class);
        assertThat(target).hasContent("someone else's");
        AtomicFiles.delete(tmp);
        assertThat(tmp).doesNotExist();
    }

    @Test
    void commitReplaces() throws IOException {
        Path target = Files.writeString(dir.resolve("out"), "old");
        Path tmp = Files.writeString(AtomicFiles.tempSibling(target), "new");
        AtomicFiles.commit(tmp, target);
        assertThat(target).hasContent("new");
    }
}
