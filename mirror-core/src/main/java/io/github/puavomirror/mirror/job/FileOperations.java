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

import io.github.puavomirror.mirror.AtomicFiles;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The file changes by which a run records its state and publishes: each write, rename, second
 * name and removal goes through here, so that a test can make any one of them fail and check that
 * the run undoes the ones before it.
 */
interface FileOperations {
    /** Replaces {@code target} with {@code content} atomically. */
    void write(Path target, byte[] content) throws IOException;

    /** Makes {@code tmp} durable and renames it over {@code target} atomically. */
    void commit(Path tmp, Path target) throws IOException;

    /** Gives {@code file}'s current version the second name {@code backup}. */
    void keep(Path file, Path backup) throws IOException;

    /** Renames a version kept by {@link #keep} back over {@code target} atomically. */
    void restore(Path backup, Path target) throws IOException;

    void delete(Path file) throws IOException;

    FileOperations SYSTEM = new FileOperations() {
        @Override
        public void write(Path target, byte[] content) throws IOException {
            AtomicFiles.write(target, content);
        }

        @Override
        public void commit(Path tmp, Path target) throws IOException {
            AtomicFiles.commit(tmp, target);
        }

        @Override
        public void keep(Path file, Path backup) throws IOException {
            try {
                // A hard link: no bytes copied, and putting it back restores the same inode and mtime.
                Files.createLink(backup, file);
            } catch (UnsupportedOperationException | IOException e) {
                Files.copy(file, backup, StandardCopyOption.COPY_ATTRIBUTES, LinkOption.NOFOLLOW_LINKS);
            }
        }

        @Override
        public void restore(Path backup, Path target) throws IOException {
            Files.move(backup, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        }

        @Override
        public void delete(Path file) throws IOException {
            Files.deleteIfExists(file);
        }
    };
}
