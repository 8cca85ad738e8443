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

/** What arrays cost on the heap, for telling callers ahead how much memory an operation holds. */
final class HeapArrays {
    /** An array's header with its length, rounded up as object sizes are (64-bit JVMs). */
    private static final long HEADER = 16;

    private HeapArrays() {
    }

    /** Heap bytes of an array of {@code length} elements of {@code elementBytes} each. */
    static long bytes(long length, int elementBytes) {
        return (HEADER + length * elementBytes + 7) & ~7L;
    }
}
