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
import java.io.InterruptedIOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Items a helper thread reads ahead, handed to the thread that uses them in order, then the end or
 * the helper's failure, which the user gets as if it had happened on its own thread.
 */
final class HandOff<T> {
    private static final Object END = new Object();
    private final BlockingQueue<Object> queue;

    HandOff(int capacity) {
        queue = new ArrayBlockingQueue<>(capacity + 1);
    }

    void put(T item) throws InterruptedException {
        queue.put(item);
    }

    void end() throws InterruptedException {
        queue.put(END);
    }

    /** Hands over what the helper failed with; always, since the user may be waiting for an item. */
    void fail(Throwable t) {
        try {
            queue.put(t);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The next item, or null at the end; rethrows the helper's failure. */
    @SuppressWarnings("unchecked")
    T take(String doing) throws IOException {
        Object o;
        try {
            o = queue.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while " + doing);
        }
        if (o == END) {
            return null;
        }
        if (o instanceof IOException e) {
            throw e;
        }
        if (o instanceof RuntimeException e) {
            throw e;
        }
        if (o instanceof Error e) {
            throw e;
        }
        return (T) o;
    }
}
