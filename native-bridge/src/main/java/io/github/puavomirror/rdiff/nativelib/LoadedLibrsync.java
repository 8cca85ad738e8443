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
package io.github.puavomirror.rdiff.nativelib;

import java.util.function.IntSupplier;

/**
 * A loaded librsync: the bound functions, libc, where the library lives, its version, and the
 * trace hook that turns librsync's error messages into exception text instead of stderr.
 */
final class LoadedLibrsync {
    final LibRsync rs;
    final LibC libc;
    final String path;
    final String version;

    /** Messages of the native call running on this thread; null outside a call. */
    private final ThreadLocal<StringBuilder> messages = new ThreadLocal<>();

    /** Kept in a field: JNA only holds a weak reference, and librsync keeps the pointer forever. */
    private final LibRsync.TraceCallback trace = new Trace();

    LoadedLibrsync(LibRsync rs, LibC libc, String path, String version) {
        this.rs = rs;
        this.libc = libc;
        this.path = path;
        this.version = version;
        rs.rs_trace_to(trace);
        rs.rs_trace_set_level(LibRsync.RS_LOG_ERR);
    }

    /** The outcome of one librsync call: its {@code rs_result} and the errors it logged. */
    record Outcome(int result, String messages) {
    }

    /** Runs one librsync call, collecting what it logs on this thread. */
    Outcome call(IntSupplier nativeCall) {
        StringBuilder previous = messages.get();
        StringBuilder mine = new StringBuilder();
        messages.set(mine);
        try {
            int r = nativeCall.getAsInt();
            return new Outcome(r, mine.toString());
        } finally {
            messages.set(previous);
        }
    }

    /** librsync calls this on the thread of the failing call, which is the Java caller's thread. */
    private final class Trace implements LibRsync.TraceCallback {
        @Override
        public void invoke(int level, String message) {
            StringBuilder sb = messages.get();
            if (sb == null || message == null) {
                return;
            }
            String m = message.strip();
            m = stripPrefix(m, "librsync:");
            m = stripPrefix(m, "ERROR:");
            if (sb.length() > 0) {
                sb.append("; ");
            }
            sb.append(m);
        }

        private String stripPrefix(String s, String prefix) {
            return s.startsWith(prefix) ? s.substring(prefix.length()).strip() : s;
        }
    }
}
