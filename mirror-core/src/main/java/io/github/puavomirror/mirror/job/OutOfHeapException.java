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

import java.util.Locale;

/**
 * The Java heap is, or was, too small for a run: it carries how much heap the run needs, so that
 * each front end can say how to give it in its own terms (the CLI's launcher, Maven and Ant each
 * take JVM options from their own environment variable). Nothing is published by such a run.
 */
public final class OutOfHeapException extends MirrorException {
    private static final long serialVersionUID = 1L;
    private static final long MIB = 1L << 20;

    private final long heapNeeded;

    private OutOfHeapException(String message, long heapNeeded, Throwable cause) {
        super(message, cause);
        this.heapNeeded = heapNeeded;
    }

    /** A source whose index alone does not fit in the share of the heap rdiffs may use. */
    static OutOfHeapException forIndex(String source, long indexBytes, long maxHeap) {
        long needed = MemoryPlanner.heapFor(indexBytes);
        return new OutOfHeapException(source + ": indexing it for rdiffs needs " + size(indexBytes) + " of heap, "
                + MemoryPlanner.HEAP_SHARE_PERCENT + " % of a " + size(needed) + " heap; this JVM has "
                + size(maxHeap), needed, null);
    }

    /**
     * An OutOfMemoryError that happened anyway: what ran out and the heap size. Twice the heap is
     * a guess, but the one a user would make.
     */
    public static OutOfHeapException of(OutOfMemoryError e, long maxHeap) {
        String what = e.getMessage() == null || e.getMessage().isBlank() ? "" : " (" + e.getMessage() + ")";
        return new OutOfHeapException("out of memory" + what + " with a heap of " + size(maxHeap), 2 * maxHeap, e);
    }

    /** {@link #of(OutOfMemoryError, long)} for this JVM. */
    public static OutOfHeapException of(OutOfMemoryError e) {
        return of(e, Runtime.getRuntime().maxMemory());
    }

    /** The heap the run needs, in bytes. */
    public long heapNeeded() {
        return heapNeeded;
    }

    /** The JVM option that gives the heap the run needs, rounded up to a whole MiB or GiB: {@code -Xmx3g}. */
    public String heapOption() {
        long mib = (heapNeeded + MIB - 1) / MIB;
        return mib >= 4096 ? "-Xmx" + (mib + 1023) / 1024 + "g" : "-Xmx" + mib + "m";
    }

    /**
     * The one line for the user: the problem and how to give the heap through
     * {@code javaOptionsVariable} ({@code PUAVO_MIRROR_JAVA_OPTS}, {@code MAVEN_OPTS}, {@code ANT_OPTS}).
     */
    public String line(String javaOptionsVariable) {
        return getMessage() + "; give it more with " + javaOptionsVariable + "=" + heapOption();
    }

    /** Bytes in MiB, or in GiB with one decimal from 1 GiB on. */
    static String size(long bytes) {
        if (bytes >= 1L << 30) {
            return String.format(Locale.ROOT, "%.1f GiB", bytes / (double) (1L << 30));
        }
        return (bytes + MIB - 1) / MIB + " MiB";
    }
}
