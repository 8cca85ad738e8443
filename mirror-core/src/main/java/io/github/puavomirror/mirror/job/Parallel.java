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
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs independent pieces of work on a fixed number of threads and rethrows the first failure as
 * it was (so a MirrorException keeps its one-line message). After a failure no new piece starts,
 * but running ones finish: each cleans up its own temporary files, and the caller must not
 * release the mirror's lock while one is still writing.
 */
public final class Parallel {
    private Parallel() {
    }

    public static void run(List<Callable<Void>> work, int threads) throws IOException {
        if (work.isEmpty()) {
            return;
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, work.size()), r -> {
            Thread t = new Thread(r, "puavo-mirror-worker");
            t.setDaemon(true);
            return t;
        });
        try {
            AtomicBoolean failed = new AtomicBoolean();
            List<Future<Void>> futures = new ArrayList<>();
            for (Callable<Void> c : work) {
                futures.add(pool.submit(() -> {
                    if (failed.get()) {
                        return null;
                    }
                    try {
                        return c.call();
                    } catch (Throwable t) {
                        failed.set(true);
                        throw t;
                    }
                }));
            }
            Throwable first = null;
            for (Future<Void> f : futures) {
                try {
                    f.get();
                } catch (ExecutionException e) {
                    if (first == null) {
                        first = e.getCause();
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted", e);
                }
            }
            if (first instanceof IOException io) {
                throw io;
            }
            if (first instanceof UncheckedIOException u) {
                throw u.getCause();
            }
            if (first instanceof RuntimeException r) {
                throw r;
            }
            if (first instanceof Error err) {
                throw err;
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
