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

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The system's file operations, except that the {@code failAt}-th one (counting from 1; 0 for
 * none) fails once without touching anything, as a full disk or an immutable file would make it.
 * Every operation is logged, so a test can count them and say which one failed.
 */
final class FailingFileOperations implements FileOperations {
    static final String INJECTED = "injected failure";

    private final int failAt;
    final List<String> log = new ArrayList<>();

    FailingFileOperations(int failAt) {
        this.failAt = failAt;
    }

    private void next(String op, Path file) throws IOException {
        log.add(op + " " + file);
        if (log.size() == failAt) {
            throw new FileSystemException(file.toString(), null, INJECTED);
        }
    }

    @Override
    public void write(Path target, byte[] content) throws IOException {
        next("write", target);
        SYSTEM.write(target, content);
    }

    @Override
    public void commit(Path tmp, Path target) throws IOException {
        next("rename", target);
        SYSTEM.commit(tmp, target);
    }

    @Override
    public void keep(Path file, Path backup) throws IOException {
        next("keep", file);
        SYSTEM.keep(file, backup);
    }

    @Override
    public void restore(Path backup, Path target) throws IOException {
        next("restore", target);
        SYSTEM.restore(backup, target);
    }

    @Override
    public void delete(Path file) throws IOException {
        next("delete", file);
        SYSTEM.delete(file);
    }
}
