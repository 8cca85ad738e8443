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

import java.util.concurrent.TimeUnit;

/** Waiting for helper threads to end, so that none outlives the operation that started it. */
final class HelperThreads {
    /** How long to wait at most: the helpers only hash memory, or finish a read that blocks. */
    private static final long TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(10);

    /** Waits up to {@code nanos} for the helpers; true once they have ended. */
    interface Wait {
        boolean ended(long nanos) throws InterruptedException;
    }

    private HelperThreads() {
    }

    /**
     * Waits until the helpers have ended (10 s at most), even when this
     * thread is interrupted, whose interrupt is then kept for the caller.
     */
    static void awaitEnd(Wait wait) {
        boolean interrupted = Thread.interrupted();
        long deadline = System.nanoTime() + TIMEOUT_NANOS;
        try {
            for (long left = TIMEOUT_NANOS; left > 0; left = deadline - System.nanoTime()) {
                try {
                    if (wait.ended(left)) {
                        return;
                    }
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
