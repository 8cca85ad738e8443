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
