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
package io.github.puavomirror.rdiff;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * This process's temporary files that a SIGTERM or SIGINT must not leave behind. Each is
 * registered before it is created and released once deleted or renamed into place; a shutdown
 * hook deletes the ones still registered when the JVM exits (errors and normal ends delete their
 * own). A kill -9 runs no hook: what it leaves has a temporary name that {@code prune} removes.
 */
public final class TemporaryFiles {
    private static final Set<Path> LIVE = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(TemporaryFiles::deleteAll, "puavo-temporary-files"));
    }

    private TemporaryFiles() {
    }

    public static void register(Path file) {
        LIVE.add(file.toAbsolutePath());
    }

    public static void release(Path file) {
        LIVE.remove(file.toAbsolutePath());
    }

    private static void deleteAll() {
        for (Path p : LIVE) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException e) {
                // Nothing can report it while the JVM exits; the name marks it for prune.
                continue;
            }
        }
    }
}
