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

import static org.junit.jupiter.api.Assertions.fail;

import io.github.puavomirror.rdiff.RdiffEngine;

import org.junit.jupiter.api.Assumptions;

/**
 * Skips tests that need librsync on a machine without it, but fails them in CI ({@code CI=true}),
 * where a silent skip would hide a broken setup (the rdiff binary is the shared
 * {@code RdiffBinary}'s).
 */
final class NativeAvailability {
    private NativeAvailability() {
    }

    private static boolean inCi() {
        return "true".equals(System.getenv("CI"));
    }

    /** The native engine, or a skip (a failure in CI) when librsync does not load. */
    static RdiffEngine engine() {
        NativeLibraryLoader.Result r = NativeLibraryLoader.load();
        if (!r.available()) {
            missing("librsync is not available: " + r.reason());
        }
        return r.engine();
    }

    private static void missing(String why) {
        if (inCi()) {
            fail(why + " (CI=true: install librsync2)");
        }
        Assumptions.abort(why);
    }
}
