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
package io.github.puavomirror.mirror.upload;

import io.github.puavomirror.mirror.ExternalTools;
import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.fail;

/**
 * A small tmpfs mounted for a test, as a server's disk that fills up or is read-only in part or whole. Mounting
 * needs root: elsewhere the test is skipped, but in CI ({@code CI=true}), where tests run as
 * root, it fails instead.
 */
final class Tmpfs implements AutoCloseable {
    final Path root;

    private Tmpfs(Path root) {
        this.root = root;
    }

    static Tmpfs mount(Path root, long bytes) throws IOException, InterruptedException {
        if (!"root".equals(System.getProperty("user.name"))) {
            if (ExternalTools.ci()) {
                fail("mounting a tmpfs needs root (CI=true: the tests run as root there)");
            }
            Assumptions.abort("mounting a tmpfs needs root");
        }
        ExternalTools.require("mount", "umount");
        Files.createDirectories(root);
        ExternalTools.run(root.getParent(), "mount", "-t", "tmpfs", "-o", "size=" + bytes + ",mode=0755", "tmpfs",
                root.toString());
        return new Tmpfs(root);
    }

    /** Bytes in use; a new size must be at least this. */
    long used() throws IOException {
        FileStore store = Files.getFileStore(root);
        return store.getTotalSpace() - store.getUnallocatedSpace();
    }

    /** Changes the size, keeping the files: {@code used() + free} leaves {@code free} bytes to write. */
    void resize(long bytes) throws IOException, InterruptedException {
        ExternalTools.run(root.getParent(), "mount", "-o", "remount,size=" + bytes, root.toString());
    }

    void readOnly(boolean ro) throws IOException, InterruptedException {
        ExternalTools.run(root.getParent(), "mount", "-o", "remount," + (ro ? "ro" : "rw"), root.toString());
    }

    /** Makes {@code dir} on it read-only until the result is closed, as a folder the upload may not write to. */
    AutoCloseable readOnlyFolder(Path dir) throws IOException, InterruptedException {
        ExternalTools.run(root, "mount", "--bind", dir.toString(), dir.toString());
        try {
            ExternalTools.run(root, "mount", "-o", "remount,bind,ro", dir.toString());
        } catch (AssertionError e) {
            ExternalTools.run(root, "umount", dir.toString());
            throw e;
        }
        return () -> ExternalTools.run(root, "umount", dir.toString());
    }

    /** Removes everything on it, for the next test. */
    void clear() throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).filter(p -> !p.equals(root)).toList()) {
                Files.delete(p);
            }
        }
    }

    @Override
    public void close() throws IOException, InterruptedException {
        ExternalTools.run(root.getParent(), "umount", root.toString());
    }
}
